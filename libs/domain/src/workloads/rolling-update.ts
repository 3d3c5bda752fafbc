import type { ReplicaSet } from '../kinds/replica-set';
import { deploymentMaxSurge, deploymentMaxUnavailable, deploymentReplicas, strategyType } from './deployment-fenceposts';
import { compareByCreation, filterActiveReplicaSets } from './deployment-replica-sets';
import {
  cleanupDeployment,
  current,
  effectiveAvailable,
  effectiveReplicas,
  getAllReplicaSetsAndSyncRevision,
  scaleReplicaSetAndRecordEvent,
  type RolloutState,
} from './deployment-state';
import { deploymentComplete } from './deployment-status';
import { specReplicas } from './replica-set';

/**
 * The RollingUpdate strategy (Kubernetes' deployment rolling.go), one step per reconcile:
 * scale the new ReplicaSet up as far as maxSurge allows, otherwise scale old ones down as
 * far as maxUnavailable allows (unhealthy replicas first), otherwise clean up history.
 * Pod counts come from the pods themselves (see effectiveReplicas / effectiveAvailable),
 * so total pods ≤ replicas + maxSurge and available ≥ replicas − maxUnavailable hold even
 * while the ReplicaSet controller has not caught up with an earlier step.
 */

function sumOf(rss: readonly ReplicaSet[], f: (rs: ReplicaSet) => number): number {
  return rss.reduce((n, rs) => n + f(rs), 0);
}

/**
 * NewRSNewReplicas: the new ReplicaSet's next size — as many more as keep every pod of
 * the Deployment within replicas + maxSurge, never beyond replicas (RollingUpdate); all
 * replicas at once (Recreate).
 */
export function newRSNewReplicas(state: RolloutState, allRSs: readonly ReplicaSet[], newRS: ReplicaSet): number {
  const d = state.d;
  const replicas = deploymentReplicas(d);
  const newSize = specReplicas(current(state, newRS));
  if (strategyType(d) === 'Recreate') return replicas;
  if (strategyType(d) !== 'RollingUpdate') return newSize;
  const currentPods = sumOf(allRSs, (rs) => effectiveReplicas(state, current(state, rs)));
  const maxTotal = replicas + deploymentMaxSurge(d);
  if (currentPods >= maxTotal) return newSize;
  return newSize + Math.min(maxTotal - currentPods, replicas - newSize);
}

/** reconcileNewReplicaSet: scale the new ReplicaSet toward replicas (down at once if above). True when scaled. */
export function reconcileNewReplicaSet(state: RolloutState, allRSs: readonly ReplicaSet[], newRS: ReplicaSet): boolean {
  const replicas = deploymentReplicas(state.d);
  const size = specReplicas(current(state, newRS));
  if (size === replicas) return false;
  if (size > replicas) return scaleReplicaSetAndRecordEvent(state, newRS, replicas);
  return scaleReplicaSetAndRecordEvent(state, newRS, newRSNewReplicas(state, allRSs, newRS));
}

/**
 * cleanupUnhealthyReplicas: scale old ReplicaSets (oldest first) down by their replicas
 * that are not available, at most `maxCleanupCount` in all; this never lowers availability
 * and unblocks a rollout stuck behind broken old pods. Returns how many were removed.
 */
export function cleanupUnhealthyReplicas(state: RolloutState, oldRSs: readonly ReplicaSet[], maxCleanupCount: number): number {
  let total = 0;
  for (const rs of [...oldRSs].sort(compareByCreation)) {
    if (total >= maxCleanupCount) break;
    const latest = current(state, rs);
    const size = specReplicas(latest);
    if (size === 0) continue;
    const available = effectiveAvailable(state, latest);
    if (size === available) continue;
    const count = Math.min(maxCleanupCount - total, size - available);
    scaleReplicaSetAndRecordEvent(state, latest, size - count);
    total += count;
  }
  return total;
}

/**
 * scaleDownOldReplicaSetsForRollingUpdate: scale old ReplicaSets (oldest first) down by as
 * many as the available pods exceed replicas − maxUnavailable. Returns how many.
 */
export function scaleDownOldReplicaSetsForRollingUpdate(state: RolloutState, allRSs: readonly ReplicaSet[], oldRSs: readonly ReplicaSet[]): number {
  const minAvailable = deploymentReplicas(state.d) - deploymentMaxUnavailable(state.d);
  const available = sumOf(allRSs, (rs) => effectiveAvailable(state, current(state, rs)));
  if (available <= minAvailable) return 0;
  const toScaleDown = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(compareByCreation)) {
    if (total >= toScaleDown) break;
    const size = specReplicas(current(state, rs));
    if (size === 0) continue;
    const count = Math.min(size, toScaleDown - total);
    scaleReplicaSetAndRecordEvent(state, rs, size - count);
    total += count;
  }
  return total;
}

/**
 * reconcileOldReplicaSets: how far old ReplicaSets may shrink is allPods − minAvailable −
 * the new ReplicaSet's unavailable pods (so a broken new template never makes old pods go);
 * within that, unhealthy old replicas go first, then healthy ones as availability allows.
 * True when anything was scaled down.
 */
export function reconcileOldReplicaSets(state: RolloutState, allRSs: readonly ReplicaSet[], oldRSs: readonly ReplicaSet[], newRS: ReplicaSet): boolean {
  const oldPods = sumOf(oldRSs, (rs) => specReplicas(current(state, rs)));
  if (oldPods === 0) return false;
  const allPods = sumOf(allRSs, (rs) => specReplicas(current(state, rs)));
  const minAvailable = deploymentReplicas(state.d) - deploymentMaxUnavailable(state.d);
  const latestNew = current(state, newRS);
  const newUnavailable = specReplicas(latestNew) - effectiveAvailable(state, latestNew);
  const maxScaledDown = allPods - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(state, oldRSs, maxScaledDown);
  const scaled = scaleDownOldReplicaSetsForRollingUpdate(state, allRSs, oldRSs);
  return cleaned + scaled > 0;
}

/**
 * rolloutRolling: make sure the new ReplicaSet exists, then one step — scale up, else
 * scale down, else (once the stored status says the rollout is complete) clean up old
 * ReplicaSets beyond revisionHistoryLimit. Returns the ReplicaSets for the status.
 */
export function rolloutRolling(state: RolloutState): { newRS?: ReplicaSet; oldRSs: ReplicaSet[] } {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(state, true, (all, rs) => newRSNewReplicas(state, all, rs));
  if (!newRS) return { oldRSs };
  const allRSs = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(state, allRSs, newRS)) return { newRS, oldRSs };
  if (reconcileOldReplicaSets(state, allRSs, filterActiveReplicaSets(oldRSs.map((rs) => current(state, rs))), newRS)) return { newRS, oldRSs };
  if (deploymentComplete(state.d, state.d.status)) cleanupDeployment(state, oldRSs);
  return { newRS, oldRSs };
}
