import { nodeSelectorTermMatches } from './node-affinity';
import type { NodeInfo } from './node-info';
import type { PodInfo } from './pod-info';
import { tolerationsTolerateTaint } from './tolerations';

// Read once: a global lookup per call is slow inside vm contexts (Jest runs tests in one).
const { abs, floor, min, trunc } = Math;

/** The highest score a plugin gives a node (framework.MaxNodeScore). */
export const MAX_NODE_SCORE = 100;

/**
 * A Score plugin: a raw score per candidate node, then (optionally) a normalization over
 * all candidates to 0..{@link MAX_NODE_SCORE}; the scheduler sums `weight × score`.
 */
export interface ScorePlugin {
  readonly name: string;
  readonly weight: number;
  score(pod: PodInfo, node: NodeInfo): number;
  /** NormalizeScore: rescales the candidates' raw scores in place. */
  normalize?(scores: number[]): void;
}

/**
 * pluginhelper.DefaultNormalizeScore: scales scores so the highest becomes `max`
 * (integer division, as Go does); `reverse` turns "more is worse" counts into scores.
 * All zeros stay 0, or become `max` when reversed.
 */
export function defaultNormalizeScore(scores: number[], reverse: boolean, max = MAX_NODE_SCORE): void {
  let highest = 0;
  for (const s of scores) if (s > highest) highest = s;
  if (highest === 0) {
    if (reverse) scores.fill(max);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    const s = floor((max * scores[i]) / highest);
    scores[i] = reverse ? max - s : s;
  }
}

function leastRequested(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return floor(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/**
 * NodeResourcesFit with the LeastAllocated strategy (kube-scheduler's default): for cpu
 * and memory, weight 1 each, the share left free once the pod is placed, × 100, averaged.
 * Uses requests with missing cpu/memory counted as 100m/200Mi, so pods that request
 * nothing still spread out.
 */
export function leastAllocatedScore(pod: PodInfo, node: NodeInfo): number {
  const alloc = node.allocatable;
  let total = 0;
  let weights = 0;
  if (alloc.milliCPU > 0) {
    total += leastRequested(node.nonZeroRequested.milliCPU + pod.nonZeroRequests.milliCPU, alloc.milliCPU);
    weights++;
  }
  if (alloc.memory > 0) {
    total += leastRequested(node.nonZeroRequested.memory + pod.nonZeroRequests.memory, alloc.memory);
    weights++;
  }
  return weights ? floor(total / weights) : 0;
}

/**
 * NodeResourcesBalancedAllocation: 100 when cpu and memory would be equally used once the
 * pod is placed, less as they diverge: `(1 - |cpuFraction - memoryFraction| / 2) × 100`,
 * fractions capped at 1, from actual requests. A pod requesting neither scores 0
 * everywhere (kube-scheduler skips the plugin for BestEffort pods).
 */
export function balancedAllocationScore(pod: PodInfo, node: NodeInfo): number {
  if (pod.requests.milliCPU === 0 && pod.requests.memory === 0) return 0;
  const alloc = node.allocatable;
  const fractions: number[] = [];
  if (alloc.milliCPU > 0) fractions.push(min(1, (node.requested.milliCPU + pod.requests.milliCPU) / alloc.milliCPU));
  if (alloc.memory > 0) fractions.push(min(1, (node.requested.memory + pod.requests.memory) / alloc.memory));
  const std = fractions.length === 2 ? abs((fractions[0] - fractions[1]) / 2) : 0;
  return trunc((1 - std) * MAX_NODE_SCORE);
}

/**
 * SelectorSpread (raw): how many pods of the pod's controller are on the node already.
 * Normalized reversed over the candidates, so the node with the fewest replicas scores
 * 100 and the one with the most 0. Counting by controller uid, kept per node, makes this
 * O(1); kube-scheduler's default PodTopologySpread (hostname, ScheduleAnyway) spreads
 * the same way for a controller's replicas. A pod without a controller scores 0 raw.
 */
export function selectorSpreadScore(pod: PodInfo, node: NodeInfo): number {
  return pod.controllerUid ? node.controllerPodCount(pod.controllerUid) : 0;
}

/**
 * TaintToleration (raw): how many PreferNoSchedule taints of the node the pod does not
 * tolerate. Normalized reversed: the node with the most such taints scores 0.
 */
export function taintTolerationScore(pod: PodInfo, node: NodeInfo): number {
  let count = 0;
  for (const taint of node.taints) {
    if (taint.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(pod.tolerations, taint)) count++;
  }
  return count;
}

/**
 * NodeAffinity (raw): the sum of the weights of the pod's preferred node affinity terms
 * the node matches. Normalized so the best-matching node scores 100.
 */
export function nodeAffinityScore(pod: PodInfo, node: NodeInfo): number {
  let sum = 0;
  for (const p of pod.preferredNodeAffinity) if (nodeSelectorTermMatches(p.term, node.name, node.labels)) sum += p.weight;
  return sum;
}

/**
 * kube-scheduler's default score weights (v1 scheduler config): TaintToleration 3,
 * NodeAffinity 2, PodTopologySpread 2 (its weight goes to SelectorSpread here),
 * NodeResourcesFit 1, NodeResourcesBalancedAllocation 1. InterPodAffinity (2) and
 * ImageLocality (1) are not implemented.
 */
export const DEFAULT_SCORE_WEIGHTS = {
  NodeResourcesFit: 1,
  NodeResourcesBalancedAllocation: 1,
  SelectorSpread: 2,
  TaintToleration: 3,
  NodeAffinity: 2,
} as const;

/** The score plugins with their default weights. */
export const DEFAULT_SCORE_PLUGINS: readonly ScorePlugin[] = [
  { name: 'NodeResourcesFit', weight: DEFAULT_SCORE_WEIGHTS.NodeResourcesFit, score: leastAllocatedScore },
  {
    name: 'NodeResourcesBalancedAllocation',
    weight: DEFAULT_SCORE_WEIGHTS.NodeResourcesBalancedAllocation,
    score: balancedAllocationScore,
  },
  {
    name: 'SelectorSpread',
    weight: DEFAULT_SCORE_WEIGHTS.SelectorSpread,
    score: selectorSpreadScore,
    normalize: (scores) => defaultNormalizeScore(scores, true),
  },
  {
    name: 'TaintToleration',
    weight: DEFAULT_SCORE_WEIGHTS.TaintToleration,
    score: taintTolerationScore,
    normalize: (scores) => defaultNormalizeScore(scores, true),
  },
  {
    name: 'NodeAffinity',
    weight: DEFAULT_SCORE_WEIGHTS.NodeAffinity,
    score: nodeAffinityScore,
    normalize: (scores) => defaultNormalizeScore(scores, false),
  },
];

/**
 * Each candidate's weighted total over the plugins (`Σ weight × normalized score`), in
 * the candidates' order.
 */
export function scoreNodes(pod: PodInfo, nodes: readonly NodeInfo[], plugins: readonly ScorePlugin[] = DEFAULT_SCORE_PLUGINS): number[] {
  const totals = new Array<number>(nodes.length).fill(0);
  const scores = new Array<number>(nodes.length);
  for (const plugin of plugins) {
    if (plugin.weight === 0) continue;
    for (let i = 0; i < nodes.length; i++) scores[i] = plugin.score(pod, nodes[i]);
    plugin.normalize?.(scores);
    for (let i = 0; i < nodes.length; i++) totals[i] += plugin.weight * scores[i];
  }
  return totals;
}
