import {
  findResourceType,
  groupResource,
  matches,
  replicaSetDecision,
  replicaSetSelector,
  slowStartBatchSizes,
  type KubeObject,
  type LabelSelectorRequirements,
  type Pod,
  type ReplicaSetLike,
  type ResourceType,
} from '@skiff/domain';
import type { EventRecorder } from '../../events/event-recorder';
import type { ObjectRegistry } from '../../registry/object-registry';
import { internalContext } from '../../registry/request-context';
import type { ObjectReader } from '../../store/object-cache';
import type { Change } from '../../store/store-types';
import { objectKeyOf, ownerKeys, splitKey, type Controller, type ReconcileResult } from '../runtime/controller';
import { OwnedObjects } from '../runtime/owned-objects';

const PODS = findResourceType('', 'v1', 'pods')!;

/**
 * The ReplicaSet controller, and with `replicationcontrollers` the ReplicationController
 * one: keeps spec.replicas pods of the template, adopting matching orphans and releasing
 * pods that stop matching (replicaSetDecision in libs/domain decides; this writes). It
 * reads the controllers' ObjectCache, which each reconcile first brings up to the store's
 * revision: no informer lag and no need for Kubernetes' "expectations" (ADR 6); BullMQ
 * runs one reconcile per key at a time.
 */
export class ReplicaSetController implements Controller {
  readonly name: string;
  readonly watches: Record<string, (c: Change) => string[]>;
  private readonly selectors = new Map<string, LabelSelectorRequirements>(); // key → selector, for orphans
  private readonly warm = new Map<string, number>(); // key → the slow-start batch size its creates reached

  constructor(
    private readonly type: ResourceType,
    private readonly registry: ObjectRegistry,
    private readonly store: ObjectReader,
    private readonly events: EventRecorder,
  ) {
    this.name = type.resource;
    this.watches = {
      [groupResource(type)]: (c) => {
        const key = objectKeyOf(c.object);
        if (c.type === 'DELETED') {
          this.selectors.delete(key);
          this.warm.delete(key);
        }
        else this.remember(c.object);
        return [key];
      },
      pods: (c) => [...ownerKeys(c, type.kind), ...this.orphanKeys(c)],
    };
  }

  private ctx() {
    return internalContext(`system:serviceaccount:kube-system:${this.type.kind === 'ReplicaSet' ? 'replicaset' : 'replication'}-controller`);
  }

  /** A pod without a controller wakes the controllers whose selector matches it (to adopt it). */
  private orphanKeys(c: Change): string[] {
    if (c.type === 'DELETED' || c.object.metadata.ownerReferences?.some((r) => r.controller)) return [];
    const labels = c.object.metadata.labels ?? {};
    const keys: string[] = [];
    for (const [key, selector] of this.selectors) if (key.startsWith(`${c.namespace}/`) && selector && matches(selector, labels)) keys.push(key);
    return keys;
  }

  private remember(rs: KubeObject): void {
    const selector = replicaSetSelector(rs as ReplicaSetLike);
    if (selector) this.selectors.set(objectKeyOf(rs), selector);
  }

  async keys(): Promise<string[]> {
    const { items } = await this.store.list(this.type);
    for (const rs of items) this.remember(rs);
    return items.map(objectKeyOf);
  }

  async reconcile(key: string): Promise<ReconcileResult | void> {
    const { namespace, name } = splitKey(key);
    const rs = await this.store.get({ type: this.type, namespace, name });
    if (!rs || rs.metadata.deletionTimestamp) return;
    const { items: pods } = await this.store.list(PODS, { namespace });
    const d = replicaSetDecision({ rs: rs as ReplicaSetLike, pods: pods as Pod[], now: new Date() });
    if (d.invalidSelector) return;
    const ctx = this.ctx();
    const owned = new OwnedObjects(this.registry, () => this.ctx());
    await owned.adopt(PODS, namespace, d.adopt, d.controllerRef);
    await owned.release(PODS, namespace, d.release, rs.metadata.uid!);
    let failure: string | undefined;
    // Slow start, as Kubernetes: 1, 2, 4 … at once, stopping at the first batch with a failure.
    // Unlike Kubernetes, a ReplicaSet whose creates have all succeeded so far goes on from the
    // size it reached instead of from 1 (a 10,000-pod scale-up is 20 reconciles of 500 pods:
    // each restarting at 1 would cost 9 round trips through the write batcher); a failure resets it.
    let size = 0;
    for (size of slowStartBatchSizes(d.create, this.warm.get(key) ?? 1)) {
      const results = await Promise.allSettled(Array.from({ length: size }, () => this.registry.create(PODS, namespace, structuredClone(d.podTemplate), ctx)));
      for (const r of results) {
        if (r.status === 'fulfilled') void this.events.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${r.value.metadata.name}`);
        else failure = (r.reason as Error).message;
      }
      if (failure) {
        await this.events.record(rs, 'Warning', 'FailedCreate', `Error creating: ${failure}`);
        break;
      }
    }
    if (failure) this.warm.delete(key);
    else if (size) this.warm.set(key, Math.max(size, this.warm.get(key) ?? 1));
    await owned.delete(PODS, namespace, d.delete);
    for (const pod of d.delete) void this.events.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
    if (d.statusChanged) await owned.writeStatus(this.type, namespace, name, d.status);
    if (failure) throw new Error(`creating pods: ${failure}`);
    return d.requeueAfterSeconds !== undefined ? { requeueAfterMs: Math.ceil(d.requeueAfterSeconds * 1000) } : undefined;
  }
}
