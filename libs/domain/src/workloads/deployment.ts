import type { Deployment, DeploymentStatus } from '../kinds/deployment';
import type { Pod } from '../kinds/pod';
import type { ReplicaSet } from '../kinds/replica-set';
import { deepEqual } from '../lifecycle/object-lifecycle';
import { matches } from '../selectors/label-requirement';
import { labelSelectorAsRequirements } from '../selectors/label-selector-object';
import { strategyType } from './deployment-fenceposts';
import { DEPLOYMENT_OWNER_KIND } from './deployment-replica-sets';
import { isScalingEvent, scaleDeployment } from './deployment-scaling';
import {
  cleanupDeployment,
  current,
  getAllReplicaSetsAndSyncRevision,
  updateReplicaSet,
  type DeploymentEvent,
  type RolloutState,
} from './deployment-state';
import {
  calculateDeploymentStatus,
  checkPausedConditions,
  DeploymentConditionReason,
  hasProgressDeadline,
  newDeploymentCondition,
  progressDeadlineRequeueSeconds,
  rolloutStatus,
  setDeploymentCondition,
} from './deployment-status';
import {
  claimObjects,
  controllerRefOf,
  isPodActive,
  newControllerRef,
  podBecomesAvailableAt,
  secondsUntilEarliest,
  withOwnerRef,
  withoutOwnerRef,
} from './pod-control';
import { rolloutRecreate } from './recreate';
import { newRSNewReplicas, rolloutRolling } from './rolling-update';
import { specReplicas } from './replica-set';

/**
 * The Deployment controller's decision (Kubernetes' syncDeployment): given the Deployment,
 * the ReplicaSets of its namespace and their pods, what to write. The cases run in
 * Kubernetes' fixed order: selects everything → claim ReplicaSets → being deleted (status
 * only) → paused (scale only) → scaled (proportional scale) → roll out (Recreate or
 * RollingUpdate).
 */

/** Inputs of {@link deploymentDecision}. */
export interface DeploymentDecisionInput {
  deployment: Deployment;
  /** Every ReplicaSet of the Deployment's namespace (orphans are adopted, strays released, name collisions seen). */
  replicaSets: readonly ReplicaSet[];
  /** The pods of the namespace matching the Deployment's selector (more is fine: they are filtered). */
  pods: readonly Pod[];
  now: Date;
}

/** One ReplicaSet size change, for logs and tests. */
export interface ReplicaSetScale {
  name: string;
  from: number;
  to: number;
}

/**
 * What one Deployment reconcile must write, in this order; each write carries the
 * resourceVersion it was decided on, so a write that conflicts means "decide again".
 */
export interface DeploymentDecision {
  /** 1. Create this ReplicaSet (deterministic name). AlreadyExists: requeue. Another failure: write createFailureStatus and requeue. */
  createReplicaSet?: ReplicaSet;
  /**
   * 2. Replace these ReplicaSets (full objects: ownerReferences for adoption or release,
   * spec.replicas, minReadySeconds, annotations), in order. Stop at the first failure and requeue.
   */
  updateReplicaSets: ReplicaSet[];
  /** 3. Delete these old ReplicaSets (revisionHistoryLimit), with their uid as precondition. */
  deleteReplicaSets: ReplicaSet[];
  /** Every spec.replicas change above (a create counts from 0). */
  scales: ReplicaSetScale[];
  /** 4. When set, the Deployment's new metadata.annotations (the revision): a main-resource update. */
  deploymentAnnotations?: Record<string, string>;
  /** 5. The status to write through /status when `statusChanged` (after 1–4 succeeded). */
  status: DeploymentStatus;
  statusChanged: boolean;
  /** Events to record on the Deployment. */
  events: DeploymentEvent[];
  /** Reconcile again after this many seconds (fractional; 0 = now): progress deadline, minReadySeconds, a hash collision. */
  requeueAfterSeconds?: number;
  /** Nothing could be decided (an invalid selector or strategy); log it, do not retry hot. */
  error?: string;
}

function emptyDecision(d: Deployment, extra: Partial<DeploymentDecision>): DeploymentDecision {
  const status = extra.status ?? d.status ?? {};
  return {
    updateReplicaSets: [],
    deleteReplicaSets: [],
    scales: [],
    events: [],
    ...extra,
    status,
    statusChanged: !deepEqual(status, d.status ?? {}),
  };
}

function selectsEverything(d: Deployment): boolean {
  const s = d.spec?.selector;
  return !!s && !Object.keys(s.matchLabels ?? {}).length && !(s.matchExpressions ?? []).length;
}

/**
 * One level-triggered reconcile of a Deployment. Applying the decision and deciding again
 * on the result yields no further writes unless time (minReadySeconds, the progress
 * deadline) or the pods changed.
 */
export function deploymentDecision(input: DeploymentDecisionInput): DeploymentDecision {
  const original = input.deployment;
  const now = input.now;
  const d: Deployment = structuredClone(original);
  const name = `${d.metadata.namespace ?? ''}/${d.metadata.name ?? ''}`;

  if (selectsEverything(d)) {
    const status: DeploymentStatus = { ...(d.status ?? {}) };
    if ((status.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) status.observedGeneration = d.metadata.generation;
    const events: DeploymentEvent[] = [
      { type: 'Warning', reason: 'SelectingAll', message: 'This deployment is selecting all pods. A non-empty selector is required.' },
    ];
    return emptyDecision(original, { status, events });
  }
  const conversion = labelSelectorAsRequirements(d.spec?.selector, 'spec.selector');
  if (!conversion.ok || conversion.requirements === null) {
    return emptyDecision(original, { error: `deployment ${name} has invalid label selector` });
  }
  const selector = conversion.requirements;

  // getReplicaSetsForDeployment: adopt matching orphans, release strays.
  const claim = claimObjects(d, selector, input.replicaSets);
  const state: RolloutState = {
    d,
    now,
    rsList: [...claim.owned, ...claim.adopt],
    namespaceReplicaSets: input.replicaSets,
    podsByRs: new Map(),
    touched: new Map(),
    deletes: [],
    events: [],
    collision: false,
  };
  const ref = newControllerRef(d, DEPLOYMENT_OWNER_KIND);
  const released: ReplicaSet[] = [];
  for (const rs of claim.release) {
    state.touched.set(rs.metadata.name ?? '', rs);
    released.push(withoutOwnerRef(rs, d.metadata.uid ?? ''));
  }
  for (const rs of claim.adopt) {
    updateReplicaSet(state, rs, (copy) => {
      copy.metadata.ownerReferences = withOwnerRef(copy, ref).metadata.ownerReferences;
    });
  }

  // getPodMapForDeployment: the pods of our ReplicaSets, by ReplicaSet uid, every phase.
  const uids = new Set(state.rsList.map((rs) => rs.metadata.uid).filter((u): u is string => !!u));
  for (const pod of input.pods) {
    if (!matches(selector, pod.metadata.labels)) continue;
    const owner = controllerRefOf(pod)?.uid;
    if (!owner || !uids.has(owner)) continue;
    const list = state.podsByRs.get(owner) ?? [];
    list.push(pod);
    state.podsByRs.set(owner, list);
  }

  const newReplicas = (all: ReplicaSet[], rs: ReplicaSet) => newRSNewReplicas(state, all, rs);
  const finish = (status: DeploymentStatus, requeue: (number | undefined)[], error?: string) =>
    buildDecision(original, state, released, status, requeue, error);

  if (d.metadata.deletionTimestamp) {
    const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(state, false, newReplicas);
    return finish(statusOf(state, newRS, oldRSs, 'sync'), [availabilityRequeue(state)]);
  }

  checkPausedConditions(d, now);

  let scaling = !!d.spec?.paused;
  if (!scaling) {
    const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(state, false, newReplicas);
    scaling = isScalingEvent(state, newRS, oldRSs);
  }
  if (scaling) {
    const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(state, false, newReplicas);
    scaleDeployment(state, newRS, oldRSs);
    if (d.spec?.paused) cleanupDeployment(state, oldRSs);
    return finish(statusOf(state, newRS, oldRSs, 'sync'), [availabilityRequeue(state)]);
  }

  const strategy = strategyType(d);
  if (strategy !== 'Recreate' && strategy !== 'RollingUpdate') {
    return finish(d.status ?? {}, [], `unexpected deployment strategy type: ${strategy}`);
  }
  const { newRS, oldRSs } = strategy === 'Recreate' ? rolloutRecreate(state) : rolloutRolling(state);
  if (state.collision) return finish(d.status ?? {}, [0]);
  const status = statusOf(state, newRS, oldRSs, 'rollout');
  return finish(status, [progressDeadlineRequeueSeconds(d, status, now), availabilityRequeue(state)]);
}

/** The Deployment status from the ReplicaSets as they will be after the decided writes. */
function statusOf(state: RolloutState, newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[], mode: 'sync' | 'rollout'): DeploymentStatus {
  const latestNew = newRS && current(state, newRS);
  const all = [...oldRSs.map((rs) => current(state, rs)), latestNew];
  return mode === 'rollout' ? rolloutStatus(all, latestNew, state.d, state.now) : calculateDeploymentStatus(all, latestNew, state.d, state.now);
}

/** When the next pod of the Deployment becomes available (minReadySeconds), in seconds. */
function availabilityRequeue(state: RolloutState): number | undefined {
  const instants: (number | undefined)[] = [];
  for (const rs of state.rsList) {
    const latest = current(state, rs);
    const minReady = latest.spec?.minReadySeconds ?? 0;
    if (!minReady || !latest.metadata.uid) continue;
    for (const pod of state.podsByRs.get(latest.metadata.uid) ?? []) {
      if (isPodActive(pod)) instants.push(podBecomesAvailableAt(pod, minReady, state.now));
    }
  }
  return secondsUntilEarliest(instants, state.now);
}

function buildDecision(
  original: Deployment,
  state: RolloutState,
  released: readonly ReplicaSet[],
  status: DeploymentStatus,
  requeue: (number | undefined)[],
  error?: string,
): DeploymentDecision {
  const updateReplicaSets: ReplicaSet[] = [];
  const scales: ReplicaSetScale[] = [];
  if (state.created) scales.push({ name: state.created.metadata.name ?? '', from: 0, to: specReplicas(state.created) });
  for (const [name, before] of state.touched) {
    const after = released.find((rs) => rs.metadata.name === name) ?? state.rsList.find((rs) => rs.metadata.name === name);
    if (!after || deepEqual(after, before)) continue;
    updateReplicaSets.push(after);
    if (specReplicas(after) !== specReplicas(before)) scales.push({ name, from: specReplicas(before), to: specReplicas(after) });
  }
  const annotationsChanged = !deepEqual(state.d.metadata.annotations ?? {}, original.metadata.annotations ?? {});
  const defined = requeue.filter((s): s is number => s !== undefined);
  const decision: DeploymentDecision = {
    updateReplicaSets,
    deleteReplicaSets: state.deletes.filter((rs) => !state.touched.has(rs.metadata.name ?? '')),
    scales,
    status,
    statusChanged: !deepEqual(status, original.status ?? {}),
    events: state.events,
  };
  if (state.created) decision.createReplicaSet = state.created;
  if (annotationsChanged) decision.deploymentAnnotations = { ...(state.d.metadata.annotations ?? {}) };
  if (defined.length) decision.requeueAfterSeconds = Math.min(...defined);
  if (error) decision.error = error;
  return decision;
}

/**
 * The status to write when creating the new ReplicaSet failed for a reason other than
 * AlreadyExists: Progressing False ReplicaSetCreateError (with a progress deadline), as
 * Kubernetes records it; the worker also records a Warning Event with the same message.
 */
export function createFailureStatus(d: Deployment, replicaSetName: string, error: string, now: Date): { status: DeploymentStatus; message: string } {
  const message = `Failed to create new replica set "${replicaSetName}": ${error}`;
  const status: DeploymentStatus = structuredClone(d.status ?? {});
  if (hasProgressDeadline(d)) {
    setDeploymentCondition(status, newDeploymentCondition('Progressing', 'False', DeploymentConditionReason.FailedReplicaSetCreate, message, now));
  }
  return { status, message };
}
