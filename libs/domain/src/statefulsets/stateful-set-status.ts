import type { Pod } from '../kinds/pod';
import type { StatefulSet, StatefulSetStatus } from '../kinds/stateful-set';
import { isStatefulPodRunningAndAvailable, isStatefulPodRunningAndReady, isStatefulPodTerminating, statefulPodRevision, statefulSetReplicas } from './stateful-set-identity';

/**
 * A StatefulSet's status (Kubernetes' computeReplicaStatus, completeRollingUpdate,
 * inconsistentStatus), which `kubectl rollout status statefulset` reads: observedGeneration
 * must reach metadata.generation, readyReplicas spec.replicas, then updatedReplicas
 * spec.replicas − partition (RollingUpdate with a partition), or currentRevision must
 * equal updateRevision.
 */

/** The replica counts over a set's pods (existing pods only; every one counts as created). */
export interface StatefulSetReplicaCounts {
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  currentReplicas: number;
  updatedReplicas: number;
}

/**
 * computeReplicaStatus: replicas (every pod), readyReplicas (Running and Ready),
 * availableReplicas (and ready for minReadySeconds), currentReplicas / updatedReplicas
 * (not terminating and labelled with the current / update revision).
 */
export function statefulSetReplicaCounts(
  pods: readonly Pod[],
  minReadySeconds: number,
  currentRevision: string,
  updateRevision: string,
  now: Date,
): StatefulSetReplicaCounts {
  const counts: StatefulSetReplicaCounts = { replicas: 0, readyReplicas: 0, availableReplicas: 0, currentReplicas: 0, updatedReplicas: 0 };
  for (const pod of pods) {
    counts.replicas++;
    if (isStatefulPodRunningAndReady(pod)) {
      counts.readyReplicas++;
      if (isStatefulPodRunningAndAvailable(pod, minReadySeconds, now)) counts.availableReplicas++;
    }
    if (!isStatefulPodTerminating(pod)) {
      const revision = statefulPodRevision(pod);
      if (revision === currentRevision) counts.currentReplicas++;
      if (revision === updateRevision) counts.updatedReplicas++;
    }
  }
  return counts;
}

/** Inputs of {@link statefulSetStatus}. */
export interface StatefulSetStatusInput {
  set: StatefulSet;
  counts: StatefulSetReplicaCounts;
  currentRevision: string;
  updateRevision: string;
  collisionCount: number;
}

/**
 * The status to write: the counts, the two revision names, observedGeneration and
 * collisionCount; then completeRollingUpdate — under RollingUpdate, once spec.replicas pods
 * exist, are ready and are all updated, the update revision becomes the current one.
 * Zero counts are left out, as Go's omitempty does (replicas and availableReplicas stay).
 */
export function statefulSetStatus({ set, counts, currentRevision, updateRevision, collisionCount }: StatefulSetStatusInput): StatefulSetStatus {
  let current = currentRevision;
  let currentReplicas = counts.currentReplicas;
  const replicas = statefulSetReplicas(set);
  if (
    (set.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate' &&
    counts.updatedReplicas === replicas &&
    counts.readyReplicas === replicas &&
    counts.replicas === replicas
  ) {
    currentReplicas = counts.updatedReplicas;
    current = updateRevision;
  }
  const status: StatefulSetStatus = { replicas: counts.replicas };
  const generation = set.metadata.generation ?? 0;
  if (generation) status.observedGeneration = generation;
  if (counts.readyReplicas) status.readyReplicas = counts.readyReplicas;
  if (currentReplicas) status.currentReplicas = currentReplicas;
  if (counts.updatedReplicas) status.updatedReplicas = counts.updatedReplicas;
  if (current) status.currentRevision = current;
  if (updateRevision) status.updateRevision = updateRevision;
  status.collisionCount = collisionCount;
  status.availableReplicas = counts.availableReplicas;
  return status;
}

/**
 * Whether `next` differs from the stored status in anything the controller owns (missing
 * numbers count as 0, as in Go); conditions are not the controller's and are not compared.
 */
export function statefulSetStatusChanged(stored: StatefulSetStatus | undefined, next: StatefulSetStatus): boolean {
  const s = stored ?? { replicas: 0 };
  return (
    (next.observedGeneration ?? 0) !== (s.observedGeneration ?? 0) ||
    next.replicas !== (s.replicas ?? 0) ||
    (next.readyReplicas ?? 0) !== (s.readyReplicas ?? 0) ||
    (next.currentReplicas ?? 0) !== (s.currentReplicas ?? 0) ||
    (next.updatedReplicas ?? 0) !== (s.updatedReplicas ?? 0) ||
    (next.availableReplicas ?? 0) !== (s.availableReplicas ?? 0) ||
    (next.currentRevision ?? '') !== (s.currentRevision ?? '') ||
    (next.updateRevision ?? '') !== (s.updateRevision ?? '') ||
    (next.collisionCount ?? 0) !== (s.collisionCount ?? 0) ||
    (s.collisionCount === undefined && next.collisionCount !== undefined)
  );
}
