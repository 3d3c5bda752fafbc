import type { Pod } from '../kinds/pod';
import { isPodActive, isPodReady, podReadySince, timeMillis } from './pod-control';

/**
 * Which pods a ReplicaSet deletes first when it has too many: Kubernetes'
 * controller.ActivePodsWithRanks ordering and replicaset getPodsToDelete.
 */

/** The annotation whose (integer) value makes a pod cheaper (lower) or dearer to delete. */
export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

/** Options of the victim ordering. */
export interface DeletionOrderOptions {
  /**
   * Kubernetes' LogarithmicScaleDown feature (on by default since 1.22): ready and
   * creation times compare by log2 buckets of their age, ties broken by uid. Off by
   * default here, which gives the linear, deterministic order the scale-down tests expect.
   */
  logarithmicScaleDown?: boolean;
  /** The reference time for logarithmic comparisons. */
  now?: Date;
}

/** A pod with its rank: how many related active pods share its node (higher is deleted first). */
export interface RankedPod {
  pod: Pod;
  rank: number;
}

/** GetDeletionCostFromPodAnnotations: the cost annotation as an int32, 0 when absent or invalid. */
export function podDeletionCost(pod: Pod): number {
  const v = pod.metadata.annotations?.[POD_DELETION_COST_ANNOTATION];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

/** The most restarts of any regular container, and of any restartable init (sidecar) container. */
export function maxContainerRestarts(pod: Pod): { regular: number; sidecar: number } {
  let regular = 0;
  for (const c of pod.status?.containerStatuses ?? []) regular = Math.max(regular, c.restartCount ?? 0);
  const sidecars = new Set(
    (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name),
  );
  let sidecar = 0;
  for (const c of pod.status?.initContainerStatuses ?? []) if (sidecars.has(c.name)) sidecar = Math.max(sidecar, c.restartCount ?? 0);
  return { regular, sidecar };
}

/** afterOrZero: a zero time sorts first, otherwise the later time does. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

function logarithmicRankDiff(t1: number, t2: number, now: number): number {
  // Go measures durations in nanoseconds.
  const d1 = (now - t1) * 1e6;
  const d2 = (now - t2) * 1e6;
  const r1 = d1 > 0 ? Math.trunc(Math.log2(d1)) : -1;
  const r2 = d2 > 0 ? Math.trunc(Math.log2(d2)) : -1;
  return r1 - r2;
}

function compareTimes(t1: number | undefined, t2: number | undefined, a: Pod, b: Pod, opts: DeletionOrderOptions): boolean {
  if (!opts.logarithmicScaleDown || !opts.now || t1 === undefined || t2 === undefined) return afterOrZero(t1, t2);
  const diff = logarithmicRankDiff(t1, t2, opts.now.getTime());
  if (diff === 0) return (a.metadata.uid ?? '') < (b.metadata.uid ?? '');
  return diff < 0;
}

/**
 * ActivePodsWithRanks.Less: true when `a` should be deleted before `b`. In order:
 * unassigned < assigned; Pending < Unknown < Running; not ready < ready; lower
 * pod-deletion-cost < higher; more related pods on the node < fewer; ready for less
 * time < more; more container restarts < fewer; newer < older.
 */
export function deletesBefore(a: RankedPod, b: RankedPod, opts: DeletionOrderOptions = {}): boolean {
  const pa = a.pod;
  const pb = b.pod;
  const na = pa.spec?.nodeName ?? '';
  const nb = pb.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '';
  const phA = PHASE_ORDINAL[pa.status?.phase ?? ''] ?? 0;
  const phB = PHASE_ORDINAL[pb.status?.phase ?? ''] ?? 0;
  if (phA !== phB) return phA < phB;
  const readyA = isPodReady(pa);
  const readyB = isPodReady(pb);
  if (readyA !== readyB) return !readyA;
  const costA = podDeletionCost(pa);
  const costB = podDeletionCost(pb);
  if (costA !== costB) return costA < costB;
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (readyA && readyB) {
    const tA = podReadySince(pa);
    const tB = podReadySince(pb);
    if (tA !== tB) return compareTimes(tA, tB, pa, pb, opts);
  }
  const rA = maxContainerRestarts(pa);
  const rB = maxContainerRestarts(pb);
  if (rA.regular !== rB.regular) return rA.regular > rB.regular;
  if (rA.sidecar !== rB.sidecar) return rA.sidecar > rB.sidecar;
  const cA = timeMillis(pa.metadata.creationTimestamp);
  const cB = timeMillis(pb.metadata.creationTimestamp);
  if (cA !== cB) return compareTimes(cA, cB, pa, pb, opts);
  return false;
}

/**
 * getPodsRankedByRelatedPodsOnSameNode: each pod's rank is the number of active
 * related pods (those of every ReplicaSet with the same controller, this one's
 * included) on its node. With no related pods every rank is 0, as for a ReplicaSet
 * that has no controller.
 */
export function rankPodsByRelatedPodsOnSameNode(pods: readonly Pod[], relatedPods: readonly Pod[]): RankedPod[] {
  const onNode = new Map<string, number>();
  for (const p of relatedPods) {
    if (!isPodActive(p)) continue;
    const node = p.spec?.nodeName ?? '';
    onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  return pods.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
}

/** The pods ordered most-deletable first (a stable sort, so equal pods keep their input order). */
export function orderPodsForDeletion(pods: readonly Pod[], relatedPods: readonly Pod[] = [], opts: DeletionOrderOptions = {}): Pod[] {
  const ranked = rankPodsByRelatedPodsOnSameNode(pods, relatedPods);
  ranked.sort((a, b) => (deletesBefore(a, b, opts) ? -1 : deletesBefore(b, a, opts) ? 1 : 0));
  return ranked.map((r) => r.pod);
}

/** getPodsToDelete: the `count` pods a ReplicaSet with too many pods deletes, best victims first. */
export function podsToDelete(pods: readonly Pod[], count: number, relatedPods: readonly Pod[] = [], opts: DeletionOrderOptions = {}): Pod[] {
  if (count <= 0) return [];
  if (count >= pods.length) return [...pods];
  return orderPodsForDeletion(pods, relatedPods, opts).slice(0, count);
}
