import { Logger } from '@nestjs/common';
import { daemonSetDecision, findResourceType, withOwnerRef, withoutOwnerRef, type KubeObject, type ResourceType } from '@skiff/domain';
import type { EventRecorder } from '../../events/event-recorder';
import type { ObjectRegistry } from '../../registry/object-registry';
import { internalContext } from '../../registry/request-context';
import type { ResourceStore } from '../../store/resource-store';
import type { Change } from '../../store/store-types';
import { objectKeyOf, ownerKeys, splitKey, type Controller, type ReconcileResult } from '../runtime/controller';

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
    private readonly store: ResourceStore,
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
    const c = ctx();
    const replace = (type: ResourceType, o: KubeObject) => this.registry.update(type, namespace, o.metadata.name!, () => o, 'main', c);
    const gone = (e: { code?: number }) => {
      if (e.code !== 404) throw e;
    };
    try {
      for (const r of d.adoptRevisions) await this.registry.update(REVISIONS, namespace, r.metadata.name!, (x) => withOwnerRef(x, d.controllerRef), 'main', c);
      for (const r of d.releaseRevisions) await this.registry.update(REVISIONS, namespace, r.metadata.name!, (x) => withoutOwnerRef(x, ds.metadata.uid!), 'main', c);
      if (d.createRevision) {
        try {
          await this.registry.create(REVISIONS, namespace, d.createRevision, c);
        } catch (e) {
          if ((e as { code?: number }).code === 409) return { requeueAfterMs: 0 };
          throw e;
        }
      }
      for (const r of d.updateRevisions) await replace(REVISIONS, r as KubeObject);
      for (const p of d.adoptPods) await this.registry.update(PODS, namespace, p.metadata.name!, (x) => withOwnerRef(x, d.controllerRef), 'main', c);
      for (const p of d.releasePods) await this.registry.update(PODS, namespace, p.metadata.name!, (x) => withoutOwnerRef(x, ds.metadata.uid!), 'main', c);
      for (const p of d.relabelPods) await replace(PODS, p as KubeObject);
      for (const r of d.duplicateRevisions) await this.registry.delete(REVISIONS, namespace, r.metadata.name!, { preconditions: { uid: r.metadata.uid } }, c).catch(gone);
      await Promise.all(
        d.createPods.map(async (p, i) => {
          await this.registry.create(PODS, namespace, p, c);
          void this.events.record(ds, 'Normal', 'SuccessfulCreate', `Created pod on node ${d.nodesNeedingPods[i] ?? ''}`.trim());
        }),
      );
      await Promise.all(d.deletePods.map((p) => this.registry.delete(PODS, namespace, p.metadata.name!, { preconditions: { uid: p.metadata.uid } }, c).catch(gone)));
      for (const r of d.deleteRevisions) await this.registry.delete(REVISIONS, namespace, r.metadata.name!, { preconditions: { uid: r.metadata.uid } }, c).catch(gone);
    } finally {
      if (d.statusChanged) await this.registry.update(SETS, namespace, name, (o) => ({ ...o, status: d.status }), 'status', c).catch(() => undefined);
    }
    for (const e of d.events) await this.events.record(ds, e.type, e.reason, e.message);
    return d.requeueAfterSeconds !== undefined ? { requeueAfterMs: Math.ceil(d.requeueAfterSeconds * 1000) } : undefined;
  }
}
