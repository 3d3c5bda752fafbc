import type { Deployment } from '../kinds/deployment';
import type { ReplicaSet } from '../kinds/replica-set';
import { deploymentMaxSurge, deploymentReplicas, isRollingUpdate } from './deployment-fenceposts';
import {
  compareBySizeNewer,
  compareBySizeOlder,
  filterActiveReplicaSets,
  findActiveOrLatest,
} from './deployment-replica-sets';
import { desiredReplicasAnnotation, maxReplicasAnnotation } from './deployment-revisions';
import { current, newIsSaturated, scaleReplicaSet, scaleReplicaSetAndRecordEvent, type RolloutState } from './deployment-state';
import { specReplicas } from './replica-set';

/**
 * Scaling a Deployment without rolling it (Kubernetes' deployment sync.go scale): one
 * active ReplicaSet takes the new size; several share it in proportion to their size, so
 * a scale in the middle of a rollout neither speeds it up nor changes its mix.
 */

/** integer.RoundToInt32: halves round away from zero. */
function roundToInt(a: number): number {
  return a < 0 ? Math.trunc(a - 0.5) : Math.trunc(a + 0.5);
}

/**
 * getReplicaSetFraction: the change a ReplicaSet's size takes from the Deployment's new
 * replicas + maxSurge against the max-replicas it was sized for (annotation, else the
 * Deployment's status.replicas).
 */
export function replicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  const size = specReplicas(rs);
  if (deploymentReplicas(d) === 0) return -size;
  const deploymentSize = deploymentReplicas(d) + deploymentMaxSurge(d);
  const annotated = maxReplicasAnnotation(rs) ?? d.status?.replicas ?? 0;
  if (annotated === 0) return 0;
  return roundToInt((size * deploymentSize) / annotated) - size;
}

/** GetProportion: the fraction, bounded by what is still left to add (or remove). */
export function replicaSetProportion(rs: ReplicaSet | undefined, d: Deployment, toAdd: number, added: number): number {
  if (!rs || specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/**
 * isScalingEvent: some ReplicaSet with replicas was sized for another spec.replicas
 * (desired-replicas annotation), i.e. the Deployment was scaled rather than changed.
 */
export function isScalingEvent(state: RolloutState, newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): boolean {
  const replicas = deploymentReplicas(state.d);
  for (const rs of filterActiveReplicaSets([...oldRSs, newRS].map((r) => r && current(state, r)))) {
    const desired = desiredReplicasAnnotation(rs);
    if (desired !== undefined && desired !== replicas) return true;
  }
  return false;
}

/**
 * scale: a single active (or else the newest) ReplicaSet is set to spec.replicas; a
 * saturated new ReplicaSet makes the old ones go to 0; otherwise, for RollingUpdate, the
 * difference between replicas + maxSurge and the current total is spread over the active
 * ReplicaSets in proportion to their size (larger first; newer first when adding, older
 * first when removing; leftovers to the first), and every one gets fresh annotations.
 */
export function scaleDeployment(state: RolloutState, newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): void {
  const d = state.d;
  const replicas = deploymentReplicas(d);
  const latestNew = newRS && current(state, newRS);
  const latestOld = oldRSs.map((rs) => current(state, rs));
  const activeOrLatest = findActiveOrLatest(latestNew, latestOld);
  if (activeOrLatest) {
    if (specReplicas(activeOrLatest) === replicas) return;
    scaleReplicaSetAndRecordEvent(state, activeOrLatest, replicas);
    return;
  }
  if (newIsSaturated(state, latestNew)) {
    for (const old of filterActiveReplicaSets(latestOld)) scaleReplicaSetAndRecordEvent(state, old, 0);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const all = filterActiveReplicaSets([...latestOld, latestNew]);
  const total = all.reduce((n, rs) => n + specReplicas(rs), 0);
  const allowed = replicas > 0 ? replicas + deploymentMaxSurge(d) : 0;
  const toAdd = allowed - total;
  let operation = '';
  if (toAdd > 0) {
    all.sort(compareBySizeNewer);
    operation = 'up';
  } else if (toAdd < 0) {
    all.sort(compareBySizeOlder);
    operation = 'down';
  }
  const sizes = new Map<string, number>();
  let added = 0;
  for (const rs of all) {
    if (toAdd !== 0) {
      const proportion = replicaSetProportion(rs, d, toAdd, added);
      sizes.set(rs.metadata.name ?? '', specReplicas(rs) + proportion);
      added += proportion;
    } else {
      sizes.set(rs.metadata.name ?? '', specReplicas(rs));
    }
  }
  all.forEach((rs, i) => {
    const name = rs.metadata.name ?? '';
    if (i === 0 && toAdd !== 0) sizes.set(name, Math.max(0, (sizes.get(name) ?? 0) + toAdd - added));
    scaleReplicaSet(state, rs, sizes.get(name) ?? 0, operation);
  });
}
