import { Logger } from '@nestjs/common';
import { daemonSetDecision, findResourceType, type KubeObject } from '@skiff/domain';
import type { EventRecorder } from '../../events/event-recorder';
import type { ObjectRegistry } from '../../registry/object-registry';
import { internalContext } from '../../registry/request-context';
import type { ObjectReader } from '../../store/object-cache';
import type { Change } from '../../store/store-types';
import { objectKeyOf, ownerKeys, splitKey, type Controller, type ReconcileResult } from '../runtime/controller';
import { OwnedObjects } from '../runtime/owned-objects';

const SETS = findResourceType('apps', 'v1', 'daemonsets')!;
const NODES = findResourceType('', 'v1', 'nodes')!;
const PODS = findResourceType('', 'v1', 'pods')!;
const REVISIONS = findResourceType('apps', 'v1', 'controllerrevisions')!;
const ctx = () => internalContext('system:serviceaccount:kube-system:daemon-set-controller');

/** A node change that can change which nodes are eligible: labels, taints, unschedulable, Ready. */
function nodeChangeMatters(c: Change): boolean {
  if (c.type !== 'MODIFIED' || !c.prev) return true;
  const pick = (n: KubeObject) => {
    const spec = (n.spec ?? {}) as { taints?: unknown; unschedulable?: unknown };
    const ready = ((n.status ?? {}) as { conditions?: { type: string; status: string }[] }).conditions?.find((x) => x.type === 'Ready')?.status;
    return JSON.stringify([n.metadata.labels, spec.taints, spec.unschedulable, ready]);
  };
  return pick(c.object) !== pick(c.prev);
}

/**
 * The DaemonSet controller: one pod per eligible node (daemonSetDecision in libs/domain
 * decides, with the scheduler's filters), each pinned to its node by node affinity so the
 * scheduler places it; written in the decision's order. A node that comes, goes or
 * changes its labels, taints or readiness wakes every DaemonSet.
 */
export class DaemonSetController implements Controller {
  readonly name = 'daemonset';
  private readonly logger = new Logger('daemon-set-controller');
  private readonly known = new Set<string>();
  readonly watches = {
    'daemonsets.apps': (c: Change) => {
      const key = objectKeyOf(c.object);
      if (c.type === 'DELETED') this.known.delete(key);
      else this.known.add(key);
      return [key];
    },
    pods: (c: Change) => ownerKeys(c, 'DaemonSet'),
    nodes: (c: Change) => (nodeChangeMatters(c) ? [...this.known] : []),
  };

  constructor(
    private readonly registry: ObjectRegistry,
    private readonly store: ObjectReader,
    private readonly events: EventRecorder,
  ) {}

  async keys(): Promise<string[]> {
    const keys = (await this.store.list(SETS)).items.map(objectKeyOf);
    for (const k of keys) this.known.add(k);
    return keys;
  }

  async reconcile(key: string): Promise<ReconcileResult | void> {
    const { namespace, name } = splitKey(key);
    const ds = await this.store.get({ type: SETS, namespace, name });
    if (!ds || ds.metadata.deletionTimestamp) return;
    const [nodes, pods, revisions] = await Promise.all([
      this.store.list(NODES).then((r) => r.items),
      this.store.list(PODS, { namespace }).then((r) => r.items),
      this.store.list(REVISIONS, { namespace }).then((r) => r.items),
    ]);
    const d = daemonSetDecision({ ds: ds as never, nodes: nodes as never, pods: pods as never, revisions: revisions as never, now: new Date() });
    if (d.error) this.logger.warn(`${key}: ${d.error}`);
    const owned = new OwnedObjects(this.registry, ctx);
    try {
      await owned.adopt(REVISIONS, namespace, d.adoptRevisions, d.controllerRef);
      await owned.release(REVISIONS, namespace, d.releaseRevisions, ds.metadata.uid!);
      if (d.createRevision && !(await owned.create(REVISIONS, namespace, d.createRevision))) return { requeueAfterMs: 0 };
      await owned.replace(REVISIONS, namespace, d.updateRevisions);
      await owned.adopt(PODS, namespace, d.adoptPods, d.controllerRef);
      await owned.release(PODS, namespace, d.releasePods, ds.metadata.uid!);
      await owned.replace(PODS, namespace, d.relabelPods);
      await owned.delete(REVISIONS, namespace, d.duplicateRevisions);
      await Promise.all(
        d.createPods.map(async (p, i) => {
          await this.registry.create(PODS, namespace, p, ctx());
          void this.events.record(ds, 'Normal', 'SuccessfulCreate', `Created pod on node ${d.nodesNeedingPods[i] ?? ''}`.trim());
        }),
      );
      await owned.delete(PODS, namespace, d.deletePods);
      await owned.delete(REVISIONS, namespace, d.deleteRevisions);
    } finally {
      if (d.statusChanged) await owned.writeStatus(SETS, namespace, name, d.status);
    }
    for (const e of d.events) await this.events.record(ds, e.type, e.reason, e.message);
    return d.requeueAfterSeconds !== undefined ? { requeueAfterMs: Math.ceil(d.requeueAfterSeconds * 1000) } : undefined;
  }
}
