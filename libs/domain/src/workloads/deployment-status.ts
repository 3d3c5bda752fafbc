import type { Deployment, DeploymentCondition, DeploymentStatus } from '../kinds/deployment';
import type { ReplicaSet } from '../kinds/replica-set';
import { rfc3339 } from '../lifecycle/object-lifecycle';
// progressDeadlineSeconds / revisionHistoryLimit at MaxInt32 mean "no limit".
import { MAX_INT32 } from '../validation/json-access';
import { deploymentMaxUnavailable, deploymentReplicas } from './deployment-fenceposts';
import { timeMillis } from './pod-control';
import { specReplicas } from './replica-set';

/**
 * Deployment status and conditions (Kubernetes' deployment sync.go calculateStatus,
 * progress.go syncRolloutStatus / requeueStuckDeployment and deploymentutil's condition
 * helpers): what `kubectl rollout status` reads.
 */

/** Condition reasons, spelled as Kubernetes spells them. */
export const DeploymentConditionReason = {
  /** Progressing True: a ReplicaSet was scaled as part of the rollout. */
  ReplicaSetUpdated: 'ReplicaSetUpdated',
  /** Progressing False: the new ReplicaSet could not be created. */
  FailedReplicaSetCreate: 'ReplicaSetCreateError',
  /** Progressing True: the new ReplicaSet was created. */
  NewReplicaSetCreated: 'NewReplicaSetCreated',
  /** Progressing True: an existing ReplicaSet matches the template. */
  FoundNewReplicaSet: 'FoundNewReplicaSet',
  /** Progressing True: the rollout completed. */
  NewReplicaSetAvailable: 'NewReplicaSetAvailable',
  /** Progressing False: no progress within progressDeadlineSeconds. */
  ProgressDeadlineExceeded: 'ProgressDeadlineExceeded',
  /** Progressing Unknown: paused. */
  DeploymentPaused: 'DeploymentPaused',
  /** Progressing Unknown: resumed. */
  DeploymentResumed: 'DeploymentResumed',
  /** Available True. */
  MinimumReplicasAvailable: 'MinimumReplicasAvailable',
  /** Available False. */
  MinimumReplicasUnavailable: 'MinimumReplicasUnavailable',
} as const;


/** NewDeploymentCondition: both times are `now`. */
export function newDeploymentCondition(type: string, status: string, reason: string, message: string, now: Date): DeploymentCondition {
  const t = rfc3339(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

/** GetDeploymentCondition. */
export function getDeploymentCondition(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/**
 * SetDeploymentCondition (mutates `status`): nothing changes when a condition of that type
 * already has the same status and reason; otherwise it replaces it (moved to the end),
 * keeping lastTransitionTime when only the reason changed.
 */
export function setDeploymentCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getDeploymentCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const next = { ...condition };
  if (current && current.status === condition.status) next.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next];
}

/** RemoveDeploymentCondition (mutates `status`). */
export function removeDeploymentCondition(status: DeploymentStatus, type: string): void {
  if (!status.conditions) return;
  status.conditions = status.conditions.filter((c) => c.type !== type);
  if (status.conditions.length === 0) delete status.conditions;
}

/** HasProgressDeadline: progressDeadlineSeconds is set and is not MaxInt32. */
export function hasProgressDeadline(d: Deployment): boolean {
  const s = d.spec?.progressDeadlineSeconds;
  return s !== undefined && s !== null && s !== MAX_INT32;
}

/** HasRevisionHistoryLimit: revisionHistoryLimit is set and is not MaxInt32. */
export function hasRevisionHistoryLimit(d: Deployment): boolean {
  const l = d.spec?.revisionHistoryLimit;
  return l !== undefined && l !== null && l !== MAX_INT32;
}

function sum(rss: readonly (ReplicaSet | undefined)[], f: (rs: ReplicaSet) => number | undefined): number {
  let total = 0;
  for (const rs of rss) if (rs) total += f(rs) ?? 0;
  return total;
}

function setOrOmit(status: DeploymentStatus, key: keyof DeploymentStatus, value: number | undefined): void {
  if (value) (status as Record<string, unknown>)[key] = value;
  else delete status[key];
}

/**
 * calculateStatus: the counts summed over the ReplicaSets' own statuses (replicas,
 * updatedReplicas from the new ReplicaSet, ready, available; unavailable is the sum of
 * spec.replicas minus available, never negative), observedGeneration, collisionCount,
 * the existing conditions and Available (MinimumReplicasAvailable when available ≥
 * replicas − maxUnavailable). Zero counts are left out, as Go's omitempty does.
 */
export function calculateDeploymentStatus(
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
  now: Date,
): DeploymentStatus {
  const available = sum(allRSs, (rs) => rs.status?.availableReplicas);
  const total = sum(allRSs, (rs) => specReplicas(rs));
  const status: DeploymentStatus = {};
  setOrOmit(status, 'observedGeneration', d.metadata.generation);
  setOrOmit(status, 'replicas', sum(allRSs, (rs) => rs.status?.replicas));
  setOrOmit(status, 'updatedReplicas', sum([newRS], (rs) => rs.status?.replicas));
  setOrOmit(status, 'readyReplicas', sum(allRSs, (rs) => rs.status?.readyReplicas));
  setOrOmit(status, 'availableReplicas', available);
  setOrOmit(status, 'unavailableReplicas', Math.max(0, total - available));
  if (d.status?.conditions?.length) status.conditions = d.status.conditions.map((c) => ({ ...c }));
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (available >= deploymentReplicas(d) - deploymentMaxUnavailable(d)) {
    setDeploymentCondition(
      status,
      newDeploymentCondition('Available', 'True', DeploymentConditionReason.MinimumReplicasAvailable, 'Deployment has minimum availability.', now),
    );
  } else {
    setDeploymentCondition(
      status,
      newDeploymentCondition('Available', 'False', DeploymentConditionReason.MinimumReplicasUnavailable, 'Deployment does not have minimum availability.', now),
    );
  }
  return status;
}

/** DeploymentComplete: every desired replica updated and available, no old ones left, generation observed. */
export function deploymentComplete(d: Deployment, status: DeploymentStatus | undefined): boolean {
  const replicas = deploymentReplicas(d);
  return (
    (status?.updatedReplicas ?? 0) === replicas &&
    (status?.replicas ?? 0) === replicas &&
    (status?.availableReplicas ?? 0) === replicas &&
    (status?.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/**
 * DeploymentProgressing: compared with the stored status, more updated pods, fewer old
 * pods, or more ready or available pods.
 */
export function deploymentProgressing(d: Deployment, newStatus: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (newStatus.replicas ?? 0) - (newStatus.updatedReplicas ?? 0);
  return (
    (newStatus.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (newStatus.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (newStatus.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/**
 * DeploymentTimedOut: the Progressing condition (unless it reports a finished rollout)
 * was last updated more than progressDeadlineSeconds before `now`, or already says so.
 */
export function deploymentTimedOut(d: Deployment, newStatus: DeploymentStatus, now: Date): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getDeploymentCondition(newStatus, 'Progressing');
  if (!c) return false;
  if (c.reason === DeploymentConditionReason.NewReplicaSetAvailable) return false;
  if (c.reason === DeploymentConditionReason.ProgressDeadlineExceeded) return true;
  const from = timeMillis(c.lastUpdateTime) ?? 0;
  return from + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 < now.getTime();
}

/** ReplicaSetToDeploymentCondition over the ReplicaFailure conditions, the new ReplicaSet's first. */
export function replicaFailureConditions(allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): DeploymentCondition[] {
  const convert = (rs: ReplicaSet): DeploymentCondition[] =>
    (rs.status?.conditions ?? [])
      .filter((c) => c.type === 'ReplicaFailure')
      .map((c) => ({
        type: c.type,
        status: c.status,
        lastTransitionTime: c.lastTransitionTime,
        lastUpdateTime: c.lastTransitionTime,
        reason: c.reason,
        message: c.message,
      }));
  const fromNew = newRS ? convert(newRS) : [];
  if (fromNew.length) return fromNew;
  return allRSs.flatMap((rs) => (rs ? convert(rs) : []));
}

/**
 * syncRolloutStatus: calculateStatus plus the Progressing condition while a rollout is
 * under way — NewReplicaSetAvailable once complete, ReplicaSetUpdated (lastUpdateTime
 * bumped) whenever progress shows, ProgressDeadlineExceeded once the deadline passed
 * without progress; no Progressing condition without a deadline — and ReplicaFailure
 * carried over from the ReplicaSets. `d` carries the conditions set earlier in this
 * reconcile; its counts are the stored ones progress is measured against.
 */
export function rolloutStatus(allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment, now: Date): DeploymentStatus {
  const status = calculateDeploymentStatus(allRSs, newRS, d, now);
  if (!hasProgressDeadline(d)) removeDeploymentCondition(status, 'Progressing');
  const current = getDeploymentCondition(d.status, 'Progressing');
  const isComplete =
    (status.replicas ?? 0) === (status.updatedReplicas ?? 0) && current?.reason === DeploymentConditionReason.NewReplicaSetAvailable;
  if (hasProgressDeadline(d) && !isComplete) {
    if (deploymentComplete(d, status)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has successfully progressed.` : `Deployment "${d.metadata.name}" has successfully progressed.`;
      setDeploymentCondition(status, newDeploymentCondition('Progressing', 'True', DeploymentConditionReason.NewReplicaSetAvailable, msg, now));
    } else if (deploymentProgressing(d, status)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`;
      const condition = newDeploymentCondition('Progressing', 'True', DeploymentConditionReason.ReplicaSetUpdated, msg, now);
      // Unlike other conditions, progress refreshes lastUpdateTime even when the reason is unchanged.
      if (current) {
        if (current.status === 'True') condition.lastTransitionTime = current.lastTransitionTime;
        removeDeploymentCondition(status, 'Progressing');
      }
      setDeploymentCondition(status, condition);
    } else if (deploymentTimedOut(d, status, now)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
      setDeploymentCondition(status, newDeploymentCondition('Progressing', 'False', DeploymentConditionReason.ProgressDeadlineExceeded, msg, now));
    }
  }
  const failures = replicaFailureConditions(allRSs, newRS);
  if (failures.length) setDeploymentCondition(status, failures[0]);
  else removeDeploymentCondition(status, 'ReplicaFailure');
  return status;
}

/**
 * checkPausedConditions (mutates `d.status`): with a progress deadline, a paused Deployment
 * gets Progressing Unknown DeploymentPaused and a resumed one DeploymentResumed, so time
 * spent paused never counts against the deadline; a timed-out condition is kept.
 */
export function checkPausedConditions(d: Deployment, now: Date): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getDeploymentCondition(d.status, 'Progressing');
  if (c?.reason === DeploymentConditionReason.ProgressDeadlineExceeded) return false;
  const pausedCondExists = c?.reason === DeploymentConditionReason.DeploymentPaused;
  const status = (d.status ??= {});
  if (d.spec?.paused && !pausedCondExists) {
    setDeploymentCondition(status, newDeploymentCondition('Progressing', 'Unknown', DeploymentConditionReason.DeploymentPaused, 'Deployment is paused', now));
    return true;
  }
  if (!d.spec?.paused && pausedCondExists) {
    setDeploymentCondition(status, newDeploymentCondition('Progressing', 'Unknown', DeploymentConditionReason.DeploymentResumed, 'Deployment is resumed', now));
    return true;
  }
  return false;
}

/**
 * requeueStuckDeployment: seconds until the progress deadline should be checked again
 * (Progressing.lastUpdateTime + progressDeadlineSeconds − now, plus one second of slack;
 * 0 when already due), or undefined when there is nothing to watch (no deadline, no
 * Progressing condition, rollout complete or already timed out).
 */
export function progressDeadlineRequeueSeconds(d: Deployment, status: DeploymentStatus, now: Date): number | undefined {
  const c = getDeploymentCondition(status, 'Progressing');
  if (!hasProgressDeadline(d) || !c) return undefined;
  if (deploymentComplete(d, status) || c.reason === DeploymentConditionReason.ProgressDeadlineExceeded) return undefined;
  const from = timeMillis(c.lastUpdateTime) ?? 0;
  const after = (from + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 - now.getTime()) / 1000;
  return after < 1 ? 0 : after + 1;
}
