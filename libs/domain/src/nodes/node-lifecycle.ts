import type { Taint } from '../kinds/node';
import type { KubeObject } from '../meta/types';

export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';
export const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';


interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
}

export interface NodeLifecycleDecision {
  /** The Node's new spec.taints and Ready condition, when they must change. */
  taints?: Taint[];
  ready?: Condition;
  /** Delete the pods bound to the node: unreachable for longer than the eviction timeout. */
  evictPods: boolean;
  /** When to look again if nothing else happens. */
  recheckAfterMs?: number;
}

function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The node lifecycle controller's decision for one node, from its Lease: a lease not
 * renewed for `graceMs` makes the node's Ready condition Unknown ("Kubelet stopped
 * posting node status.") and taints it `node.kubernetes.io/unreachable` (NoSchedule and
 * NoExecute); the NoExecute taint older than `evictionMs` evicts its pods (Kubernetes'
 * default toleration of it is 300 s). A fresh lease on a Ready node removes the taints.
 */
export function nodeLifecycleDecision(node: KubeObject, lease: KubeObject | undefined, now: Date, graceMs: number, evictionMs: number): NodeLifecycleDecision {
  const renew = (lease?.spec as { renewTime?: string } | undefined)?.renewTime;
  const lastSeen = renew ? Date.parse(renew) : Date.parse(node.metadata.creationTimestamp ?? '') || now.getTime();
  const silentMs = now.getTime() - lastSeen;
  const taints = ((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []).slice();
  const conditions = ((node.status as { conditions?: Condition[] } | undefined)?.conditions ?? []);
  const ready = conditions.find((c) => c.type === 'Ready');
  const isOurs = (t: Taint) => t.key === UNREACHABLE_TAINT || t.key === NOT_READY_TAINT;
  if (silentMs <= graceMs) {
    const out: NodeLifecycleDecision = { evictPods: false, recheckAfterMs: graceMs - silentMs + 1000 };
    if (ready?.status === 'True' && taints.some(isOurs)) out.taints = taints.filter((t) => !isOurs(t));
    return out;
  }
  const out: NodeLifecycleDecision = { evictPods: false };
  if (ready?.status !== 'Unknown') {
    const time = rfc3339(now);
    out.ready = { type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastHeartbeatTime: ready?.lastHeartbeatTime ?? time, lastTransitionTime: time };
  }
  const wanted: Taint[] = [
    { key: UNREACHABLE_TAINT, effect: 'NoSchedule' },
    { key: UNREACHABLE_TAINT, effect: 'NoExecute', timeAdded: rfc3339(now) },
  ];
  const missing = wanted.filter((w) => !taints.some((t) => t.key === w.key && t.effect === w.effect));
  if (missing.length) out.taints = [...taints.filter((t) => t.key !== NOT_READY_TAINT), ...missing];
  const noExecute = (out.taints ?? taints).find((t) => t.key === UNREACHABLE_TAINT && t.effect === 'NoExecute');
  const taintedFor = noExecute?.timeAdded ? now.getTime() - Date.parse(noExecute.timeAdded) : 0;
  if (taintedFor >= evictionMs) out.evictPods = true;
  else out.recheckAfterMs = evictionMs - taintedFor + 500;
  return out;
}
