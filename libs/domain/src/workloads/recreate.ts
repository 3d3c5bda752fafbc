import type { ReplicaSet } from '../kinds/replica-set';
import { deploymentReplicas } from './deployment-fenceposts';
import { filterActiveReplicaSets } from './deployment-replica-sets';
import {
  cleanupDeployment,
  current,
  getAllReplicaSetsAndSyncRevision,
  podsOf,
  scaleReplicaSetAndRecordEvent,
  type RolloutState,
} from './deployment-state';
import { deploymentComplete } from './deployment-status';
import { newRSNewReplicas } from './rolling-update';

/**
 * The Recreate strategy (Kubernetes' deployment recreate.go): scale every old ReplicaSet
 * to 0, wait until none of their pods is left running (terminating ones included), and
 * only then create the new ReplicaSet (or scale it) to all replicas.
 */

/**
 * oldPodsRunning: an old ReplicaSet still reports pods, or a pod of any ReplicaSet but the
 * new one is not Succeeded/Failed (a terminating pod still counts).
 */
export function oldPodsRunning(state: RolloutState, newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): boolean {
  if (oldRSs.some((rs) => (rs.status?.replicas ?? 0) > 0)) return true;
  for (const rs of state.rsList) {
    if (newRS && rs.metadata.name === newRS.metadata.name) continue;
    for (const pod of podsOf(state, rs)) {
      const phase = pod.status?.phase;
      if (phase !== 'Failed' && phase !== 'Succeeded') return true;
    }
  }
  return false;
}

/** rolloutRecreate: one step of a Recreate rollout. Returns the ReplicaSets for the status. */
export function rolloutRecreate(state: RolloutState): { newRS?: ReplicaSet; oldRSs: ReplicaSet[] } {
  const newReplicas = (all: ReplicaSet[], rs: ReplicaSet) => newRSNewReplicas(state, all, rs);
  let { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(state, false, newReplicas);
  let scaledDown = false;
  for (const rs of filterActiveReplicaSets(oldRSs)) {
    if (scaleReplicaSetAndRecordEvent(state, rs, 0)) scaledDown = true;
  }
  if (scaledDown) return { newRS, oldRSs };
  if (oldPodsRunning(state, newRS, oldRSs)) return { newRS, oldRSs };
  if (!newRS) {
    ({ newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(state, true, newReplicas));
    if (!newRS) return { oldRSs };
  }
  scaleReplicaSetAndRecordEvent(state, current(state, newRS), deploymentReplicas(state.d));
  if (deploymentComplete(state.d, state.d.status)) cleanupDeployment(state, oldRSs);
  return { newRS, oldRSs };
}
