import { NodeInfo, podKey, type KubeObject, type Pod } from '@skiff/domain';
import type { Change } from '../store/store-types';

/** Whether the default scheduler must place this pod. */
export function needsScheduling(pod: KubeObject): boolean {
  const spec = pod.spec as { nodeName?: string; schedulerName?: string } | undefined;
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return !spec?.nodeName && !pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed' && (spec?.schedulerName ?? 'default-scheduler') === 'default-scheduler';
}

function holdsResources(pod: KubeObject): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return !!(pod.spec as { nodeName?: string } | undefined)?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
}

/** A change to a node that can make an unschedulable pod fit somewhere. */
function nodeChangeMatters(c: Change): boolean {
  if (c.type === 'ADDED' || !c.prev) return true;
  const pick = (n: KubeObject) => {
    const spec = (n.spec ?? {}) as { taints?: unknown; unschedulable?: unknown };
    const status = (n.status ?? {}) as { allocatable?: unknown; conditions?: { type: string; status: string }[] };
    return JSON.stringify([n.metadata.labels, spec.taints, spec.unschedulable, status.allocatable, status.conditions?.find((x) => x.type === 'Ready')?.status]);
  };
  return pick(c.object) !== pick(c.prev);
}

/**
 * kube-scheduler's cache and queue in one: a NodeInfo per node with the pods bound (or
 * assumed) on it, fed by the watch, and the pods waiting to be placed — `pending` to try
 * now, `unschedulable` until a node changes or a pod goes away.
 */
export class SchedulerCache {
  readonly nodes = new Map<string, NodeInfo>();
  readonly pending = new Map<string, Pod>();
  readonly unschedulable = new Map<string, Pod>();
  private readonly bound = new Map<string, { node: string; pod: Pod }>(); // pods holding resources, by key

  /** Applies one change; true when pods may now be placed (something to wake the worker for). */
  apply(c: Change): boolean {
    if (c.resource === 'nodes') return this.applyNode(c);
    if (c.resource === 'pods') return this.applyPod(c.type === 'DELETED' ? undefined : (c.object as Pod), c.object as Pod);
    return false;
  }

  loadNode(node: KubeObject): void {
    this.applyNode({ type: 'ADDED', object: node } as Change);
  }

  loadPod(pod: KubeObject): void {
    this.applyPod(pod as Pod, pod as Pod);
  }

  /** A pod the scheduler placed, counted on its node before the watch says so. */
  assume(pod: Pod, node: string): void {
    this.hold(pod, node);
  }

  forget(pod: Pod): void {
    this.release(podKey(pod));
  }

  /** Unschedulable pods are tried again (a node changed, or resources were freed). */
  retryUnschedulable(): boolean {
    if (!this.unschedulable.size) return false;
    for (const [k, p] of this.unschedulable) this.pending.set(k, p);
    this.unschedulable.clear();
    return true;
  }

  private applyNode(c: Change): boolean {
    const name = c.object.metadata.name!;
    if (c.type === 'DELETED') {
      this.nodes.delete(name);
      return false;
    }
    const info = this.nodes.get(name);
    if (info) info.setNode(c.object as never);
    else this.nodes.set(name, new NodeInfo(c.object as never, [...this.bound.values()].filter((b) => b.node === name).map((b) => b.pod)));
    return nodeChangeMatters(c) && this.retryUnschedulable();
  }

  private applyPod(pod: Pod | undefined, last: Pod): boolean {
    const key = podKey(last);
    if (!pod || !needsScheduling(pod)) {
      this.pending.delete(key);
      this.unschedulable.delete(key);
    }
    if (!pod || !holdsResources(pod)) {
      // Gone or finished: what it held is free.
      const freed = this.release(key);
      if (pod && needsScheduling(pod) && !this.unschedulable.has(key)) this.pending.set(key, pod);
      return (freed && this.retryUnschedulable()) || (!!pod && this.pending.has(key));
    }
    this.hold(pod, (pod.spec as { nodeName: string }).nodeName);
    return false;
  }

  private hold(pod: Pod, node: string): void {
    const key = podKey(pod);
    if (this.bound.get(key)?.node !== node) this.release(key);
    this.nodes.get(node)?.addPod(pod);
    this.bound.set(key, { node, pod });
  }

  private release(key: string): boolean {
    const b = this.bound.get(key);
    if (!b) return false;
    this.bound.delete(key);
    return this.nodes.get(b.node)?.removePod(key) ?? false;
  }
}
