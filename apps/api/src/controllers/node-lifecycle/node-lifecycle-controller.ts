import { findResourceType, nodeLifecycleDecision, type KubeObject } from '@skiff/domain';
import type { EventRecorder } from '../../events/event-recorder';
import type { ObjectRegistry } from '../../registry/object-registry';
import { internalContext } from '../../registry/request-context';
import type { ObjectReader } from '../../store/object-cache';
import type { Change } from '../../store/store-types';
import type { Controller, ReconcileResult } from '../runtime/controller';

const NODES = findResourceType('', 'v1', 'nodes')!;
const PODS = findResourceType('', 'v1', 'pods')!;
const LEASES = findResourceType('coordination.k8s.io', 'v1', 'leases')!;
const ctx = () => internalContext('system:serviceaccount:kube-system:node-controller');

/**
 * Watches each node's heartbeat (its Lease in kube-node-lease): a node silent for the
 * grace period goes NotReady (Unknown) and is tainted unreachable; after the eviction
 * timeout its pods are deleted so their controllers make them again elsewhere. The
 * decision is nodeLifecycleDecision (libs/domain).
 */
export class NodeLifecycleController implements Controller {
  readonly name = 'node-lifecycle';
  // Lease renewals wake nothing (a thousand nodes renew every few seconds): each reconcile
  // asks to be run again when the lease it saw would run out, as the node monitor polls.
  readonly watches = {
    nodes: (c: Change) => (c.type === 'DELETED' ? [] : [c.name]),
  };

  constructor(
    private readonly registry: ObjectRegistry,
    private readonly store: ObjectReader,
    private readonly events: EventRecorder,
    private readonly opts: { graceMs: number; evictionMs: number },
  ) {}

  async keys(): Promise<string[]> {
    return (await this.store.list(NODES)).items.map((n) => n.metadata.name!);
  }

  async reconcile(name: string): Promise<ReconcileResult | void> {
    const node = await this.store.get({ type: NODES, namespace: '', name });
    if (!node) return;
    const lease = await this.store.get({ type: LEASES, namespace: 'kube-node-lease', name });
    const d = nodeLifecycleDecision(node, lease, new Date(), this.opts.graceMs, this.opts.evictionMs);
    if (d.taints) {
      await this.registry.update(NODES, '', name, (n) => ({ ...n, spec: { ...(n.spec as object), taints: d.taints!.length ? d.taints : undefined } }), 'main', ctx());
    }
    if (d.ready) {
      await this.registry.update(NODES, '', name, (n) => withCondition(n, d.ready!), 'status', ctx());
      await this.events.record(node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
    }
    if (d.evictPods) await this.evict(name);
    return d.recheckAfterMs !== undefined ? { requeueAfterMs: d.recheckAfterMs } : undefined;
  }

  private async evict(node: string): Promise<void> {
    const { items } = await this.store.list(PODS, { nodeName: node });
    for (const pod of items) {
      if (pod.metadata.deletionTimestamp) continue;
      await this.events.record(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`);
      await this.registry.delete(PODS, pod.metadata.namespace!, pod.metadata.name!, {}, ctx()).catch((e) => {
        if ((e as { code?: number }).code !== 404) throw e;
      });
    }
  }
}

function withCondition(node: KubeObject, condition: { type: string }): KubeObject {
  const status = (node.status ?? {}) as { conditions?: { type: string }[] };
  const conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), condition];
  return { ...node, status: { ...status, conditions } };
}
