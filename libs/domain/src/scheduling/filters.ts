import { TAINT_NODE_UNSCHEDULABLE, type NodeInfo } from './node-info';
import type { PodInfo } from './pod-info';
import { findUntoleratedTaint, tolerationsTolerateTaint } from './tolerations';
import { requiredNodeAffinityMatches } from './node-affinity';

/**
 * A filter's verdict on one node: undefined when the pod fits, otherwise the reason (or,
 * for NodeResourcesFit, every reason) in kube-scheduler's words; each reason is counted
 * in the FailedScheduling message.
 */
export type FilterResult = undefined | string | readonly string[];

/** A Filter plugin: a name (kube-scheduler's) and a pure check of one pod against one node. */
export interface FilterPlugin {
  readonly name: string;
  filter(pod: PodInfo, node: NodeInfo): FilterResult;
}

/** NodeUnschedulable's reason (nodeunschedulable.ErrReasonUnschedulable). */
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
/** NodeAffinity's reason (nodeaffinity.ErrReasonPod). */
export const ERR_REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
/** NodePorts' reason (nodeports.ErrReason). */
export const ERR_REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";
/** NodeResourcesFit's reason when the node is at its pod limit. */
export const ERR_REASON_TOO_MANY_PODS = 'Too many pods';

/** TaintToleration's reason, as kube-scheduler 1.32 words it: `node(s) had untolerated taint {key: value}`. */
export function untoleratedTaintReason(key: string, value: string | undefined): string {
  return `node(s) had untolerated taint {${key}: ${value ?? ''}}`;
}

/** NodeResourcesFit's reason for one resource: `Insufficient cpu`. */
export function insufficientResourceReason(resource: string): string {
  return `Insufficient ${resource}`;
}

const UNSCHEDULABLE_TAINT = { key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' } as const;

/** NodeUnschedulable: a cordoned node takes only pods tolerating `node.kubernetes.io/unschedulable:NoSchedule`. */
export function nodeUnschedulableFilter(pod: PodInfo, node: NodeInfo): string | undefined {
  if (!node.unschedulable) return undefined;
  return tolerationsTolerateTaint(pod.tolerations, UNSCHEDULABLE_TAINT) ? undefined : ERR_REASON_UNSCHEDULABLE;
}

const FILTERED_TAINT_EFFECTS: ReadonlySet<string> = new Set(['NoSchedule', 'NoExecute']);

/**
 * TaintToleration: every NoSchedule and NoExecute taint (including a not-Ready node's
 * implicit taint, see implicitReadinessTaint) must be tolerated; PreferNoSchedule only
 * lowers the score. The reason names the first untolerated taint in the node's order.
 */
export function taintTolerationFilter(pod: PodInfo, node: NodeInfo): string | undefined {
  if (node.filterTaints.length === 0) return undefined;
  const taint = findUntoleratedTaint(node.filterTaints, pod.tolerations, FILTERED_TAINT_EFFECTS);
  return taint ? untoleratedTaintReason(taint.key, taint.value) : undefined;
}

/** NodeAffinity: the node must match the pod's nodeSelector and one of its required node selector terms. */
export function nodeAffinityFilter(pod: PodInfo, node: NodeInfo): string | undefined {
  const affinity = pod.requiredNodeAffinity;
  if (!affinity) return undefined;
  return requiredNodeAffinityMatches(affinity, node.name, node.labels) ? undefined : ERR_REASON_NODE_AFFINITY;
}

/** NodePorts: none of the pod's host ports may clash with one in use on the node. */
export function nodePortsFilter(pod: PodInfo, node: NodeInfo): string | undefined {
  for (const p of pod.hostPorts) if (node.usedPorts.conflicts(p)) return ERR_REASON_NODE_PORTS;
  return undefined;
}

/**
 * NodeResourcesFit (noderesources.fitsRequest): the node must have room for one more pod
 * and for each resource the pod requests beyond what its pods already request. Every
 * shortfall is a reason, in kube-scheduler's order: pods, cpu, memory, ephemeral-storage,
 * then extended resources.
 */
export function nodeResourcesFitFilter(pod: PodInfo, node: NodeInfo): readonly string[] | undefined {
  const want = pod.requests;
  const alloc = node.allocatable;
  const used = node.requested;
  let reasons: string[] | undefined;
  if (node.podCount + 1 > alloc.pods) reasons = [ERR_REASON_TOO_MANY_PODS];
  if (want.milliCPU > 0 && want.milliCPU > alloc.milliCPU - used.milliCPU) reasons = withReason(reasons, 'cpu');
  if (want.memory > 0 && want.memory > alloc.memory - used.memory) reasons = withReason(reasons, 'memory');
  if (want.ephemeralStorage > 0 && want.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) {
    reasons = withReason(reasons, 'ephemeral-storage');
  }
  if (want.scalar) {
    for (const name in want.scalar) {
      const q = want.scalar[name];
      if (q > 0 && q > (alloc.scalar?.[name] ?? 0) - (used.scalar?.[name] ?? 0)) reasons = withReason(reasons, name);
    }
  }
  return reasons;
}

function withReason(reasons: string[] | undefined, resource: string): string[] {
  const reason = insufficientResourceReason(resource);
  if (!reasons) return [reason];
  reasons.push(reason);
  return reasons;
}

/**
 * The filters in kube-scheduler's default order. A node is rejected by the first plugin
 * that fails, and only that plugin's reasons are counted for it, as the framework does
 * (RunFilterPlugins stops at the first failure).
 */
export const DEFAULT_FILTER_PLUGINS: readonly FilterPlugin[] = [
  { name: 'NodeUnschedulable', filter: nodeUnschedulableFilter },
  { name: 'TaintToleration', filter: taintTolerationFilter },
  { name: 'NodeAffinity', filter: nodeAffinityFilter },
  { name: 'NodePorts', filter: nodePortsFilter },
  { name: 'NodeResourcesFit', filter: nodeResourcesFitFilter },
];

/** The reasons of a filter result as a list (empty when the pod fits). */
export function filterReasons(result: FilterResult): readonly string[] {
  if (result === undefined) return [];
  return typeof result === 'string' ? [result] : result;
}

/** Runs the filters in order; undefined when the node passes all, else the first failure's reasons. */
export function runFilters(pod: PodInfo, node: NodeInfo, plugins: readonly FilterPlugin[] = DEFAULT_FILTER_PLUGINS): FilterResult {
  for (const plugin of plugins) {
    const result = plugin.filter(pod, node);
    if (result !== undefined && (typeof result === 'string' || result.length > 0)) return result;
  }
  return undefined;
}
