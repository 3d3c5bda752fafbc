import type { Deployment } from '../kinds/deployment';
import type { Pod } from '../kinds/pod';
import type { ReplicaSet } from '../kinds/replica-set';
import { deploymentMaxSurge, deploymentReplicas } from './deployment-fenceposts';
import {
  findNewReplicaSet,
  isSaturated,
  newReplicaSetForDeployment,
  replicaSetsToCleanUp,
} from './deployment-replica-sets';
import { maxRevision, replicasAnnotationsNeedUpdate, setDeploymentRevision, setNewReplicaSetAnnotations, setReplicasAnnotations, REVISION_ANNOTATION } from './deployment-revisions';
import { DeploymentConditionReason, getDeploymentCondition, hasProgressDeadline, newDeploymentCondition, setDeploymentCondition } from './deployment-status';
import { isControlledBy, isPodActive, isPodAvailable } from './pod-control';
import { podTemplateHash, templatesEqualIgnoringHash } from './pod-template-hash';
import { specReplicas } from './replica-set';

/**
 * The working state of one Deployment reconcile. Kubernetes' controller writes as it goes
 * (scale this ReplicaSet, then read it back); here each write is applied to a copy in
 * memory instead, so later steps see it and the whole reconcile becomes one list of
 * writes for the worker to apply. Nothing outside this module mutates the inputs.
 */

/** An Event the worker should record on the Deployment. */
export interface DeploymentEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

/** The mutable state of one reconcile. */
export interface RolloutState {
  /** A private copy of the Deployment: annotations and status conditions change as Kubernetes changes them in-flight. */
  d: Deployment;
  now: Date;
  /** The ReplicaSets the Deployment owns (after claiming), in their latest in-memory version. */
  rsList: ReplicaSet[];
  /** Every ReplicaSet of the namespace as read (to detect a name collision on create). */
  namespaceReplicaSets: readonly ReplicaSet[];
  /** Pods by the uid of the ReplicaSet controlling them (every phase, terminating included). */
  podsByRs: Map<string, Pod[]>;
  /** The ReplicaSet to create, when the template is new. */
  created?: ReplicaSet;
  /** Names of ReplicaSets changed in memory, in first-change order, with the object as read. */
  touched: Map<string, ReplicaSet>;
  deletes: ReplicaSet[];
  events: DeploymentEvent[];
  /** A ReplicaSet of the new name exists with another template: collisionCount was raised, stop. */
  collision: boolean;
}

/** The ReplicaSet's pods (every phase). */
export function podsOf(state: RolloutState, rs: ReplicaSet): Pod[] {
  return rs.metadata.uid ? state.podsByRs.get(rs.metadata.uid) ?? [] : [];
}

/**
 * The pods a ReplicaSet has or will have: spec.replicas, or more while it still runs
 * pods beyond that (a scale-down its controller has not carried out yet). Kubernetes sums
 * spec.replicas only; counting live pods too keeps maxSurge from being exceeded while
 * another controller lags behind.
 */
export function effectiveReplicas(state: RolloutState, rs: ReplicaSet): number {
  return Math.max(specReplicas(rs), podsOf(state, rs).filter(isPodActive).length);
}

/**
 * The available pods a ReplicaSet keeps once its controller has reached spec.replicas:
 * its available pods now, capped at spec.replicas (a scale-down deletes unavailable pods
 * first). Kubernetes reads status.availableReplicas, which may lag behind the pods.
 */
export function effectiveAvailable(state: RolloutState, rs: ReplicaSet): number {
  const minReady = rs.spec?.minReadySeconds ?? 0;
  const available = podsOf(state, rs).filter((p) => isPodActive(p) && isPodAvailable(p, minReady, state.now)).length;
  return Math.min(available, specReplicas(rs));
}

/** The latest in-memory version of a ReplicaSet (by name). */
export function current(state: RolloutState, rs: ReplicaSet): ReplicaSet {
  const name = rs.metadata.name;
  if (state.created && state.created.metadata.name === name) return state.created;
  return state.rsList.find((r) => r.metadata.name === name) ?? rs;
}

/** Changes a ReplicaSet in memory (copy on first write) and returns the new version. */
export function updateReplicaSet(state: RolloutState, rs: ReplicaSet, change: (copy: ReplicaSet) => void): ReplicaSet {
  const name = rs.metadata.name ?? '';
  if (state.created && state.created.metadata.name === name) {
    change(state.created);
    return state.created;
  }
  const index = state.rsList.findIndex((r) => r.metadata.name === name);
  const latest = index >= 0 ? state.rsList[index] : rs;
  const copy = state.touched.has(name) ? latest : structuredClone(latest);
  if (!state.touched.has(name)) state.touched.set(name, latest);
  change(copy);
  if (index >= 0) state.rsList[index] = copy;
  return copy;
}

/**
 * scaleReplicaSet: set spec.replicas and the desired-/max-replicas annotations when
 * either differs; an Event when the size changed. True when the size changed.
 */
export function scaleReplicaSet(state: RolloutState, rs: ReplicaSet, newScale: number, operation: string): boolean {
  const latest = current(state, rs);
  const oldScale = specReplicas(latest);
  const desired = deploymentReplicas(state.d);
  const max = desired + deploymentMaxSurge(state.d);
  const sizeNeedsUpdate = oldScale !== newScale;
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(latest, desired, max)) return false;
  updateReplicaSet(state, latest, (copy) => {
    copy.spec = { ...copy.spec, replicas: newScale };
    setReplicasAnnotations(copy, desired, max);
  });
  if (!sizeNeedsUpdate) return false;
  state.events.push({
    type: 'Normal',
    reason: 'ScalingReplicaSet',
    message: `Scaled ${operation} replica set ${latest.metadata.name} to ${newScale} from ${oldScale}`,
  });
  return true;
}

/** scaleReplicaSetAndRecordEvent: scale when the size differs (annotations alone are not refreshed). */
export function scaleReplicaSetAndRecordEvent(state: RolloutState, rs: ReplicaSet, newScale: number): boolean {
  const latest = current(state, rs);
  if (specReplicas(latest) === newScale) return false;
  return scaleReplicaSet(state, latest, newScale, specReplicas(latest) < newScale ? 'up' : 'down');
}

/** What getAllReplicaSetsAndSyncRevision found. */
export interface ReplicaSetsAndRevision {
  newRS?: ReplicaSet;
  /** Every other ReplicaSet the Deployment owns. */
  oldRSs: ReplicaSet[];
}

/**
 * getAllReplicaSetsAndSyncRevision / getNewReplicaSet: find the ReplicaSet of the current
 * template and bring its annotations up to date (revision = highest old revision + 1,
 * revision-history when an old one is reused, the Deployment's annotations, minReadySeconds),
 * copy its revision to the Deployment, and note FoundNewReplicaSet. With `create` and no
 * such ReplicaSet, make one (NewReplicaSetCreated); a name collision raises
 * status.collisionCount instead and sets `state.collision`.
 */
export function getAllReplicaSetsAndSyncRevision(
  state: RolloutState,
  create: boolean,
  newReplicas: (allRSs: ReplicaSet[], newRS: ReplicaSet) => number,
): ReplicaSetsAndRevision {
  const d = state.d;
  const existing = state.created ?? findNewReplicaSet(d, state.rsList);
  const oldRSs = state.rsList.filter((rs) => rs.metadata.name !== existing?.metadata.name);
  const newRevision = String(maxRevision(oldRSs) + 1);
  const desired = deploymentReplicas(d);
  const max = desired + deploymentMaxSurge(d);

  if (existing) {
    let newRS = current(state, existing);
    const probe = structuredClone(newRS);
    const annotationsUpdated = setNewReplicaSetAnnotations(d, probe, newRevision, true, max, desired);
    const minReadyNeedsUpdate = (probe.spec?.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0);
    if (annotationsUpdated || minReadyNeedsUpdate) {
      newRS = updateReplicaSet(state, newRS, (copy) => {
        copy.metadata.annotations = probe.metadata.annotations;
        copy.spec = { ...copy.spec };
        if (d.spec?.minReadySeconds) copy.spec.minReadySeconds = d.spec.minReadySeconds;
        else delete copy.spec.minReadySeconds;
      });
    }
    setDeploymentRevision(d, newRS.metadata.annotations?.[REVISION_ANNOTATION] ?? '');
    if (hasProgressDeadline(d) && !getDeploymentCondition(d.status, 'Progressing')) {
      const msg = `Found new replica set "${newRS.metadata.name}"`;
      setDeploymentCondition((d.status ??= {}), newDeploymentCondition('Progressing', 'True', DeploymentConditionReason.FoundNewReplicaSet, msg, state.now));
    }
    return { newRS, oldRSs };
  }
  if (!create) return { oldRSs };

  const hash = podTemplateHash(d.spec?.template, d.status?.collisionCount);
  const name = `${d.metadata.name}-${hash}`;
  const clash = state.namespaceReplicaSets.find((rs) => rs.metadata.name === name);
  if (clash) {
    if (isControlledBy(clash, d) && templatesEqualIgnoringHash(d.spec?.template, clash.spec?.template)) {
      // Already created (by an earlier reconcile whose result we had not seen): it is the new one.
      if (!state.rsList.some((rs) => rs.metadata.name === name)) state.rsList.push(clash);
      setDeploymentRevision(d, newRevision);
      return { newRS: clash, oldRSs };
    }
    const status = (d.status ??= {});
    status.collisionCount = (status.collisionCount ?? 0) + 1;
    state.collision = true;
    return { oldRSs };
  }

  const rs = newReplicaSetForDeployment(d, hash);
  rs.spec!.replicas = newReplicas([...oldRSs, rs], rs);
  setNewReplicaSetAnnotations(d, rs, newRevision, false, max, desired);
  state.created = rs;
  if (specReplicas(rs) > 0) {
    state.events.push({ type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${name} to ${specReplicas(rs)}` });
  }
  setDeploymentRevision(d, newRevision);
  if (hasProgressDeadline(d)) {
    const msg = `Created new replica set "${name}"`;
    setDeploymentCondition((d.status ??= {}), newDeploymentCondition('Progressing', 'True', DeploymentConditionReason.NewReplicaSetCreated, msg, state.now));
  }
  return { newRS: rs, oldRSs };
}

/** cleanupDeployment: queue the deletion of old ReplicaSets beyond revisionHistoryLimit. */
export function cleanupDeployment(state: RolloutState, oldRSs: readonly ReplicaSet[]): void {
  const latest = oldRSs.map((rs) => current(state, rs));
  for (const rs of replicaSetsToCleanUp(state.d, latest, (r) => state.touched.has(r.metadata.name ?? ''))) {
    if (!state.deletes.includes(rs)) state.deletes.push(rs);
  }
}

/** IsSaturated on the latest version. */
export function newIsSaturated(state: RolloutState, newRS: ReplicaSet | undefined): boolean {
  return isSaturated(state.d, newRS && current(state, newRS));
}
