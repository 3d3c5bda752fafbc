import type { Node, Taint } from '../kinds/node';
import type { Pod } from '../kinds/pod';
import { HostPortUsage } from './host-ports';
import { isPodInfo, newPodInfo, podKey, type PodInfo } from './pod-info';
import { addResources, emptyResources, nodeAllocatable, type AllocatableResources, type Resources } from './resources';

/** Taint the node lifecycle controller puts on a node whose Ready condition is False. */
export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
/** Taint the node lifecycle controller puts on a node whose Ready condition is Unknown. */
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';
/** Taint a cordoned node carries; tolerating it lets a pod past NodeUnschedulable. */
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** The Ready condition's status: 'True', 'False', 'Unknown', or undefined when not reported. */
export function nodeReadyStatus(node: Node): string | undefined {
  return node.status?.conditions?.find((c) => c.type === 'Ready')?.status;
}

/**
 * The taint a node's readiness stands for when the node lifecycle controller has not
 * tainted it yet. kube-scheduler itself never reads the Ready condition: it relies on
 * the controller's `not-ready` / `unreachable` taints. Skiff's scheduler may see a node
 * go NotReady before those taints land, so it acts as if they were there already:
 * Ready=Unknown → `unreachable:NoSchedule`, Ready=False or no Ready condition at all (a
 * node that never reported, like the kubelet's registration taint) → `not-ready:NoSchedule`.
 * Nothing is added when the node is Ready or already has either taint, whatever its
 * effect. Being an ordinary taint, it is tolerable (DaemonSet pods tolerate it), and a
 * pod that does not tolerate it fails with the TaintToleration wording.
 */
export function implicitReadinessTaint(node: Node): Taint | undefined {
  const status = nodeReadyStatus(node);
  if (status === 'True') return undefined;
  const taints = node.spec?.taints ?? [];
  if (taints.some((t) => t.key === TAINT_NODE_NOT_READY || t.key === TAINT_NODE_UNREACHABLE)) return undefined;
  return { key: status === 'Unknown' ? TAINT_NODE_UNREACHABLE : TAINT_NODE_NOT_READY, effect: 'NoSchedule' };
}

/**
 * One node with the aggregates of the pods bound or assumed on it (kube-scheduler's
 * NodeInfo), kept up to date by {@link NodeInfo.addPod} and {@link NodeInfo.removePod}
 * so filters and scores are O(1) in the number of pods on the node.
 *
 * Pods that have finished (Succeeded/Failed) hold nothing and should not be added.
 */
export class NodeInfo {
  /** The Node object as last seen. */
  node!: Node;
  name!: string;
  labels!: Readonly<Record<string, string>>;
  /** `spec.taints` as the node carries them. */
  taints!: readonly Taint[];
  /** The taints the TaintToleration filter checks: `spec.taints` plus {@link implicitReadinessTaint}. */
  filterTaints!: readonly Taint[];
  /** `spec.unschedulable` (cordoned). */
  unschedulable!: boolean;
  /** Whether the Ready condition is True. */
  ready!: boolean;
  allocatable!: AllocatableResources;

  /** Sum of the effective requests of the pods on the node (no request counts 0). */
  readonly requested: Resources = emptyResources();
  /** The same with missing cpu/memory requests counted as 100m/200Mi, for scoring. */
  readonly nonZeroRequested: Resources = emptyResources();
  readonly usedPorts = new HostPortUsage();
  /** Pods bound or assumed here, by {@link podKey}. */
  readonly pods = new Map<string, PodInfo>();
  /** Bumped on every change, so a cache can tell a stale snapshot. */
  generation = 0;

  private readonly podsByController = new Map<string, number>();

  constructor(node: Node, pods: Iterable<Pod | PodInfo> = []) {
    this.setNode(node);
    for (const p of pods) this.addPod(p);
  }

  /** Replaces the Node object (an update from the watch), keeping the pods. */
  setNode(node: Node): void {
    this.node = node;
    this.name = node.metadata.name ?? '';
    this.labels = node.metadata.labels ?? {};
    this.taints = node.spec?.taints ?? [];
    const implicit = implicitReadinessTaint(node);
    this.filterTaints = implicit ? [...this.taints, implicit] : this.taints;
    this.unschedulable = node.spec?.unschedulable === true;
    this.ready = nodeReadyStatus(node) === 'True';
    this.allocatable = nodeAllocatable(node.status?.allocatable ?? node.status?.capacity);
    this.generation++;
  }

  /** How many pods are bound or assumed here. */
  get podCount(): number {
    return this.pods.size;
  }

  /** How many pods of the controller with this uid are here (for spreading replicas). */
  controllerPodCount(controllerUid: string): number {
    return this.podsByController.get(controllerUid) ?? 0;
  }

  /** Whether a pod (by key) is bound or assumed here. */
  hasPod(key: string): boolean {
    return this.pods.has(key);
  }

  /**
   * Adds a bound or assumed pod; adding a pod already here replaces it (a newer version).
   * Returns its PodInfo.
   */
  addPod(pod: Pod | PodInfo): PodInfo {
    const info = isPodInfo(pod) ? pod : newPodInfo(pod);
    if (this.pods.has(info.key)) this.removePod(info.key);
    this.pods.set(info.key, info);
    this.update(info, 1);
    return info;
  }

  /** Removes a pod (an assumed pod that failed to bind, or a deleted one); false when not here. */
  removePod(pod: Pod | PodInfo | string): boolean {
    const key = typeof pod === 'string' ? pod : isPodInfo(pod) ? pod.key : podKey(pod);
    const info = this.pods.get(key);
    if (!info) return false;
    this.pods.delete(key);
    this.update(info, -1);
    return true;
  }

  private update(info: PodInfo, sign: 1 | -1): void {
    addResources(this.requested, info.requests, sign);
    addResources(this.nonZeroRequested, info.nonZeroRequests, sign);
    for (const p of info.hostPorts) {
      if (sign > 0) this.usedPorts.add(p);
      else this.usedPorts.remove(p);
    }
    if (info.controllerUid) {
      const n = (this.podsByController.get(info.controllerUid) ?? 0) + sign;
      if (n > 0) this.podsByController.set(info.controllerUid, n);
      else this.podsByController.delete(info.controllerUid);
    }
    this.generation++;
  }
}

/**
 * A NodeInfo for a node and the pods bound to it, leaving out pods that have finished
 * (phase Succeeded or Failed), which hold no resources.
 */
export function newNodeInfo(node: Node, pods: Iterable<Pod> = []): NodeInfo {
  const info = new NodeInfo(node);
  for (const p of pods) {
    const phase = p.status?.phase;
    if (phase !== 'Succeeded' && phase !== 'Failed') info.addPod(p);
  }
  return info;
}
