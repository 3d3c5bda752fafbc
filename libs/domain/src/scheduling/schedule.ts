import type { Pod } from '../kinds/pod';
import { fitErrorMessage } from './fit-error';
import { DEFAULT_FILTER_PLUGINS, filterReasons, runFilters, type FilterPlugin } from './filters';
import type { NodeInfo } from './node-info';
import { toPodInfo, type PodInfo } from './pod-info';
import { DEFAULT_SCORE_PLUGINS, scoreNodes, type ScorePlugin } from './scores';

// Read once: a global lookup per call is slow inside vm contexts (Jest runs tests in one).
const { floor, random: defaultRandom } = Math;

/** Below this many nodes every node is filtered and scored (minFeasibleNodesToFind). */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
/** The adaptive percentage of nodes to score never drops below this (minFeasibleNodesPercentageToFind). */
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/** A pod placed: the node to bind it to. */
export interface ScheduleSuccess {
  node: string;
}

/** A pod no node fits: the FailedScheduling message and the count of nodes per reason. */
export interface ScheduleFailure {
  unschedulable: true;
  message: string;
  reasons: Record<string, number>;
}

/** The outcome of scheduling one pod. */
export type ScheduleResult = ScheduleSuccess | ScheduleFailure;

/** Where the next search starts; kept between calls so nodes are visited round-robin. */
export interface SchedulerState {
  nextStartNodeIndex: number;
}

/** A state starting the next search at the first node. */
export function newSchedulerState(): SchedulerState {
  return { nextStartNodeIndex: 0 };
}

/** How {@link schedulePod} and {@link scheduleBatch} search. */
export interface ScheduleOptions {
  /**
   * kube-scheduler's percentageOfNodesToScore: stop filtering once this share of the
   * nodes was found feasible. 0 or unset: adaptive (see {@link numFeasibleNodesToFind}).
   */
  percentageOfNodesToScore?: number;
  /** Rotating start index; without it each schedulePod call starts at the first node. */
  state?: SchedulerState;
  /** Uniform [0, 1) source for breaking ties between equal scores (default Math.random). */
  random?: () => number;
  filterPlugins?: readonly FilterPlugin[];
  scorePlugins?: readonly ScorePlugin[];
}

/**
 * How many feasible nodes to look for before scoring (kube-scheduler's
 * numFeasibleNodesToFind). Clusters under 100 nodes are searched whole. Otherwise the
 * adaptive percentage is `50 − nodes/125` (50% at 100 nodes, 42% at 1,000, 10% at 5,000),
 * never under 5%, and never fewer than 100 nodes. Filtering stops once that many
 * feasible nodes were found, so a pod costs O(sampled nodes), not O(all nodes); an
 * unschedulable pod still visits every node, so its message counts them all.
 */
export function numFeasibleNodesToFind(numAllNodes: number, percentageOfNodesToScore = 0): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let percentage = percentageOfNodesToScore;
  if (!(percentage > 0)) {
    percentage = Math.max(MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND, 50 - Math.floor(numAllNodes / 125));
  }
  const n = Math.floor((numAllNodes * Math.min(percentage, 100)) / 100);
  return Math.max(n, MIN_FEASIBLE_NODES_TO_FIND);
}

type Placement = { nodeInfo: NodeInfo } | ScheduleFailure;

/**
 * Filters nodes round-robin from the state's start index until enough are feasible,
 * scores those, and picks the best (ties at random, by reservoir sampling).
 */
function place(pod: PodInfo, nodes: readonly NodeInfo[], opts: ScheduleOptions): Placement {
  const numAll = nodes.length;
  if (numAll === 0) return { unschedulable: true, message: fitErrorMessage(0, {}), reasons: {} };
  const filters = opts.filterPlugins ?? DEFAULT_FILTER_PLUGINS;
  const wanted = numFeasibleNodesToFind(numAll, opts.percentageOfNodesToScore);
  const start = opts.state ? opts.state.nextStartNodeIndex % numAll : 0;

  const feasible: NodeInfo[] = [];
  let reasons: Map<string, number> | undefined;
  let processed = 0;
  while (processed < numAll && feasible.length < wanted) {
    const node = nodes[(start + processed) % numAll];
    processed++;
    const result = runFilters(pod, node, filters);
    if (result === undefined) {
      feasible.push(node);
      continue;
    }
    reasons ??= new Map();
    for (const reason of filterReasons(result)) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  if (opts.state) opts.state.nextStartNodeIndex = (start + processed) % numAll;

  if (feasible.length === 0) {
    const counts = Object.fromEntries(reasons ?? []);
    return { unschedulable: true, message: fitErrorMessage(numAll, counts), reasons: counts };
  }
  if (feasible.length === 1) return { nodeInfo: feasible[0] };

  const totals = scoreNodes(pod, feasible, opts.scorePlugins ?? DEFAULT_SCORE_PLUGINS);
  const random = opts.random ?? defaultRandom;
  let best = 0;
  let ties = 1;
  for (let i = 1; i < totals.length; i++) {
    if (totals[i] > totals[best]) {
      best = i;
      ties = 1;
    } else if (totals[i] === totals[best]) {
      ties++;
      if (floor(random() * ties) === 0) best = i;
    }
  }
  return { nodeInfo: feasible[best] };
}

/**
 * Picks a node for one pod (kube-scheduler's schedulePod: filter, score, select host).
 * Does not change the NodeInfos; the caller assumes the pod on the chosen node
 * (`nodeInfo.addPod(pod)`) before scheduling the next one, or uses {@link scheduleBatch}.
 */
export function schedulePod(pod: Pod | PodInfo, nodes: readonly NodeInfo[], opts: ScheduleOptions = {}): ScheduleResult {
  const placement = place(toPodInfo(pod), nodes, opts);
  return 'nodeInfo' in placement ? { node: placement.nodeInfo.name } : placement;
}

/**
 * Schedules pods one after another, assuming each placed pod on its NodeInfo (the
 * NodeInfos are changed) so later pods see its requests, ports and replica count.
 * Results are in the pods' order. The start index rotates across the batch (and across
 * batches when `opts.state` is kept), so replicas spread over the cluster.
 */
export function scheduleBatch(pods: readonly (Pod | PodInfo)[], nodes: readonly NodeInfo[], opts: ScheduleOptions = {}): ScheduleResult[] {
  const options: ScheduleOptions = { ...opts, state: opts.state ?? newSchedulerState() };
  return pods.map((p) => {
    const info = toPodInfo(p);
    const placement = place(info, nodes, options);
    if (!('nodeInfo' in placement)) return placement;
    placement.nodeInfo.addPod(info);
    return { node: placement.nodeInfo.name };
  });
}
