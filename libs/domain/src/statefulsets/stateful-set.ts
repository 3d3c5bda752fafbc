import type { ControllerRevision } from '../kinds/controller-revision';
import type { PersistentVolumeClaim } from '../kinds/persistent-volume-claim';
import type { Pod } from '../kinds/pod';
import type { StatefulSet, StatefulSetStatus } from '../kinds/stateful-set';
import type { OwnerReference } from '../meta/types';
import { matches } from '../selectors/label-requirement';
import { labelSelectorAsRequirements } from '../selectors/label-selector-object';
import { claimObjects, newControllerRef, podBecomesAvailableAt, secondsUntilEarliest } from '../workloads/pod-control';
import { claimUpdatedForPolicy, podClaimIsStale, statefulSetClaimRetention } from './stateful-set-claims';
import {
  isStatefulPodRunningAndAvailable,
  isStatefulPodRunningAndReady,
  isStatefulSetMember,
  isStatefulPodTerminating,
  isStatefulPodUnavailable,
  newStatefulSetPod,
  setStatefulPodIdentityLabels,
  STATEFUL_SET_OWNER_KIND,
  statefulPodIdentityMatches,
  statefulPodOrdinal,
  statefulPodRevision,
  statefulSetClaimsForOrdinal,
  statefulSetReplicas,
  statefulSetStartOrdinal,
} from './stateful-set-identity';
import { statefulSetHistoryToDelete, statefulSetRevisionPlan, statefulSetRevisionTemplate } from './stateful-set-revisions';
import { statefulSetReplicaCounts, statefulSetStatus, statefulSetStatusChanged } from './stateful-set-status';

/**
 * The StatefulSet controller's decision (Kubernetes' pkg/controller/statefulset: sync,
 * UpdateStatefulSet, updateStatefulSet, processReplica, processCondemned): given the set and
 * the pods, claims and revisions of its namespace, what to write so that pods
 * `<set>-<start>` … `<set>-<start+replicas-1>` exist — created in order, each waiting for
 * its predecessors to be Running and Ready (OrderedReady) or all at once (Parallel), each
 * with its claims — surplus ordinals are removed from the top, and a RollingUpdate replaces
 * pods from the highest ordinal down to the partition, one at a time.
 */

/** Inputs of {@link statefulSetDecision}. */
export interface StatefulSetDecisionInput {
  /** The StatefulSet, as read (defaulted by the API). */
  set: StatefulSet;
  /** The pods of the set's namespace (every phase, terminating ones included). */
  pods: readonly Pod[];
  /** The PersistentVolumeClaims of the namespace. */
  claims: readonly PersistentVolumeClaim[];
  /** The ControllerRevisions of the namespace. */
  revisions: readonly ControllerRevision[];
  now: Date;
}

/**
 * What one StatefulSet reconcile must write, in this order. Every update and delete carries
 * the resourceVersion / uid it was decided on; a conflict (or any failure) means: stop,
 * requeue, decide again on fresh reads. Nothing here depends on how the worker was woken.
 */
export interface StatefulSetDecision {
  /** The owner reference for adoptions and new objects. */
  controllerRef: OwnerReference;
  /** 1. Orphan revisions matching the selector to adopt (adoptionPatch(rev, controllerRef), or update withOwnerRef). */
  adoptRevisions: ControllerRevision[];
  /** 2. Create this revision (the template is new). AlreadyExists: requeue (a name collision raises collisionCount next time). */
  createRevision?: ControllerRevision;
  /** 2. Update these revisions (full objects, only `revision` changed): the template went back to an old revision (rollback). */
  updateRevisions: ControllerRevision[];
  /** 3. Orphan pods to adopt and own pods to release (adoptionPatch / releasePatch from workloads/pod-control). */
  adoptPods: Pod[];
  releasePods: Pod[];
  /** 4. Create these claims before any pod (AlreadyExists counts as success). If one fails, create no pod: requeue. */
  createClaims: PersistentVolumeClaim[];
  /** 5. Update these claims (full objects; ownerReferences for persistentVolumeClaimRetentionPolicy). */
  updateClaims: PersistentVolumeClaim[];
  /** 6. Create these pods (fixed names; AlreadyExists: requeue). At most one under OrderedReady. */
  createPods: Pod[];
  /** 7. Update these pods (full objects; identity labels restored). */
  updatePods: Pod[];
  /** 8. Delete these pods (uid precondition; NotFound is fine): failed pods, scale-down, rolling update. */
  deletePods: Pod[];
  /** 9. The status to write through /status when `statusChanged` (also after a failure above, as Kubernetes does). */
  status: StatefulSetStatus;
  statusChanged: boolean;
  /** 10. Delete these old revisions (revisionHistoryLimit), uid precondition. */
  deleteRevisions: ControllerRevision[];
  /** The current and update revision names (as in the status). */
  currentRevision: string;
  updateRevision: string;
  /** Reconcile again after this many seconds (fractional): a ready pod becomes available (minReadySeconds). */
  requeueAfterSeconds?: number;
  /** Why the rollout is not moving (for logs), e.g. `waiting for web-0 to be Running and Ready`. */
  waiting?: string;
  /** Nothing could be decided (invalid selector): log it, do not retry hot. */
  error?: string;
}

interface Replica {
  pod: Pod;
  /** False for a pod this decision would create (not in the store yet). */
  created: boolean;
}

function emptyDecision(set: StatefulSet, controllerRef: OwnerReference, error: string): StatefulSetDecision {
  const status = set.status ?? { replicas: 0 };
  return {
    controllerRef,
    adoptRevisions: [],
    updateRevisions: [],
    adoptPods: [],
    releasePods: [],
    createClaims: [],
    updateClaims: [],
    createPods: [],
    updatePods: [],
    deletePods: [],
    status,
    statusChanged: false,
    deleteRevisions: [],
    currentRevision: status.currentRevision ?? '',
    updateRevision: status.updateRevision ?? '',
    error,
  };
}

/**
 * One level-triggered reconcile of a StatefulSet. Applying the result and deciding again on
 * the new state yields nothing more until pods change (become ready, fail, go away) or time
 * passes (minReadySeconds).
 */
export function statefulSetDecision(input: StatefulSetDecisionInput): StatefulSetDecision {
  const { set, now } = input;
  const controllerRef = newControllerRef(set, STATEFUL_SET_OWNER_KIND);
  const conversion = labelSelectorAsRequirements(set.spec?.selector, 'spec.selector');
  if (!conversion.ok) {
    return emptyDecision(set, controllerRef, `StatefulSet ${set.metadata.namespace ?? ''}/${set.metadata.name ?? ''} has an invalid label selector`);
  }
  const selector = conversion.requirements;
  const deleting = !!set.metadata.deletionTimestamp;
  const minReadySeconds = set.spec?.minReadySeconds ?? 0;

  // adoptOrphanRevisions + ListRevisions: ours and matching orphans (never released).
  const revisionClaim = claimObjects(set, selector, input.revisions);
  const owned = revisionClaim.claimed;
  // getPodsForStatefulSet: members by name that match the selector.
  const podClaim = claimObjects(set, selector, input.pods, (p) => matches(selector, p.metadata.labels) && isStatefulSetMember(set, p));
  const pods = podClaim.claimed;

  const plan = statefulSetRevisionPlan(set, owned, input.revisions);
  const currentName = plan.current.metadata.name ?? '';
  const updateName = plan.update.metadata.name ?? '';
  const currentTemplate = statefulSetRevisionTemplate(set, plan.current);
  const updateTemplate = statefulSetRevisionTemplate(set, plan.update);

  const claimsByName = new Map(input.claims.map((c) => [c.metadata.name ?? '', c]));
  const createClaims: PersistentVolumeClaim[] = [];
  const updateClaims = new Map<string, PersistentVolumeClaim>();
  const createPods: Pod[] = [];
  const updatePods: Pod[] = [];
  const deletePods = new Map<string, Pod>();
  let waiting: string | undefined;
  const wait = (why: string) => {
    if (waiting === undefined) waiting = why;
  };
  const remove = (pod: Pod) => deletePods.set(pod.metadata.uid ?? pod.metadata.name ?? '', pod);

  // Partition the pods: one per wanted ordinal, and condemned ones above (or below) the range.
  const start = statefulSetStartOrdinal(set);
  const replicaCount = Math.max(0, statefulSetReplicas(set));
  const slots: (Pod | undefined)[] = new Array(replicaCount).fill(undefined);
  const condemned: Pod[] = [];
  for (const pod of pods) {
    const ordinal = statefulPodOrdinal(pod);
    if (ordinal >= start && ordinal < start + replicaCount) slots[ordinal - start] = pod;
    else if (ordinal >= 0) condemned.push(pod);
  }
  condemned.sort((a, b) => statefulPodOrdinal(b) - statefulPodOrdinal(a));

  // newVersionedStatefulSetPod: ordinals below the partition keep the current revision.
  const strategy = set.spec?.updateStrategy;
  const rollingUpdate = strategy?.rollingUpdate;
  const isRolling = (strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
  const keepsCurrent = (ordinal: number) =>
    (isRolling && !rollingUpdate && ordinal < start + (set.status?.currentReplicas ?? 0)) ||
    (!!rollingUpdate && ordinal < start + (rollingUpdate.partition ?? 0));
  const replicas: Replica[] = slots.map((pod, i) => {
    if (pod) return { pod, created: true };
    const ordinal = start + i;
    const current = keepsCurrent(ordinal);
    return {
      pod: newStatefulSetPod(set, current ? currentTemplate : updateTemplate, ordinal, current ? currentName : updateName, controllerRef),
      created: false,
    };
  });

  let firstUnavailable: Pod | undefined;
  for (const r of replicas) {
    if (!r.created || isStatefulPodUnavailable(r.pod, minReadySeconds, now)) {
      firstUnavailable = r.pod;
      break;
    }
  }
  if (!firstUnavailable) {
    for (let i = condemned.length - 1; i >= 0; i--) {
      if (isStatefulPodUnavailable(condemned[i], minReadySeconds, now)) {
        firstUnavailable = condemned[i];
        break;
      }
    }
  }

  /** createPersistentVolumeClaims: create the missing claims of a pod; false while one is being deleted. */
  const ensureClaims = (pod: Pod): boolean => {
    const ordinal = statefulPodOrdinal(pod);
    const retention = statefulSetClaimRetention(set);
    let ok = true;
    for (const claim of statefulSetClaimsForOrdinal(set, ordinal)) {
      const existing = claimsByName.get(claim.metadata.name ?? '');
      if (!existing) {
        if (retention.whenDeleted === 'Delete') claim.metadata.ownerReferences = [{ ...controllerRef }];
        if (!createClaims.some((c) => c.metadata.name === claim.metadata.name)) createClaims.push(claim);
      } else if (existing.metadata.deletionTimestamp) {
        wait(`PersistentVolumeClaim ${claim.metadata.name} is being deleted`);
        ok = false;
      }
    }
    return ok;
  };

  /** ClaimsMatchRetentionPolicy / UpdatePodClaimForRetentionPolicy for one pod's existing claims. */
  const fixClaimOwners = (pod: Pod) => {
    for (const claim of statefulSetClaimsForOrdinal(set, statefulPodOrdinal(pod))) {
      const existing = claimsByName.get(claim.metadata.name ?? '');
      if (!existing || existing.metadata.deletionTimestamp) continue;
      const updated = claimUpdatedForPolicy(existing, set, pod);
      if (updated) updateClaims.set(updated.metadata.name ?? '', updated);
    }
  };

  const monotonic = set.spec?.podManagementPolicy !== 'Parallel';
  let rollingDeleted = false;

  /** processReplica: true when, under OrderedReady, nothing after this ordinal may proceed. */
  const processReplica = (r: Replica): boolean => {
    const pod = r.pod;
    const name = pod.metadata.name ?? '';
    const phase = pod.status?.phase;
    if (r.created && (phase === 'Failed' || phase === 'Succeeded')) {
      // A finished pod is replaced: deleted now, created again once it is gone.
      if (!isStatefulPodTerminating(pod)) remove(pod);
      wait(`waiting for ${phase.toLowerCase()} pod ${name} to be replaced`);
      return true;
    }
    if (!r.created) {
      const existing = statefulSetClaimsForOrdinal(set, statefulPodOrdinal(pod)).map((c) => claimsByName.get(c.metadata.name ?? ''));
      if (podClaimIsStale(set, pod, existing)) {
        wait(`waiting for the stale claims of ${name} to be removed`);
        return true;
      }
      if (!ensureClaims(pod)) return true;
      createPods.push(pod);
      if (monotonic) {
        wait(`waiting for ${name} to be created`);
        return true;
      }
      return false;
    }
    if (!phase || phase === 'Pending') {
      if (!ensureClaims(pod) && monotonic) return true;
    }
    if (monotonic) {
      if (isStatefulPodTerminating(pod)) {
        wait(`waiting for ${name} to terminate`);
        return true;
      }
      if (!isStatefulPodRunningAndReady(pod)) {
        wait(`waiting for ${name} to be Running and Ready`);
        return true;
      }
      if (!isStatefulPodRunningAndAvailable(pod, minReadySeconds, now)) {
        wait(`waiting for ${name} to be available`);
        return true;
      }
    }
    fixClaimOwners(pod);
    if (!statefulPodIdentityMatches(set, pod)) {
      const updated = structuredClone(pod);
      const labels = { ...(updated.metadata.labels ?? {}) };
      setStatefulPodIdentityLabels(labels, set, statefulPodOrdinal(pod));
      updated.metadata.labels = labels;
      updatePods.push(updated);
    }
    return false;
  };

  /** processCondemned: delete surplus pods from the top; under OrderedReady one at a time, healthy first. */
  const processCondemned = (pod: Pod): boolean => {
    const name = pod.metadata.name ?? '';
    if (isStatefulPodTerminating(pod)) {
      if (monotonic) wait(`waiting for ${name} to terminate before scaling down`);
      return monotonic;
    }
    if (monotonic && pod !== firstUnavailable && !isStatefulPodRunningAndAvailable(pod, minReadySeconds, now)) {
      wait(`waiting for ${firstUnavailable?.metadata.name ?? name} to be Running and Ready before scaling down`);
      return true;
    }
    remove(pod);
    return monotonic;
  };

  const runForAll = <T>(items: readonly T[], fn: (item: T) => boolean): boolean => {
    for (const item of items) {
      if (fn(item) && monotonic) return true;
    }
    return false;
  };

  if (!deleting) {
    const blocked =
      runForAll(replicas, processReplica) ||
      runForAll(condemned, (pod) => {
        fixClaimOwners(pod);
        return false;
      }) ||
      runForAll(condemned, processCondemned);
    if (!blocked && isRolling) {
      // Rolling update: the highest ordinal (down to the partition) not at the update revision is
      // deleted once every pod above it is available; it comes back at the update revision.
      const partition = rollingUpdate?.partition ?? 0;
      for (let target = replicas.length - 1; target >= partition; target--) {
        const { pod, created } = replicas[target];
        if (statefulPodRevision(pod) !== updateName && !isStatefulPodTerminating(pod)) {
          if (created) remove(pod);
          rollingDeleted = true;
          break;
        }
        if (isStatefulPodUnavailable(pod, minReadySeconds, now)) {
          wait(`waiting for ${pod.metadata.name} to be updated and available`);
          break;
        }
      }
    }
  }

  const existing = replicas.filter((r) => r.created).map((r) => r.pod);
  const counts = statefulSetReplicaCounts([...existing, ...condemned], minReadySeconds, currentName, updateName, now);
  if (rollingDeleted) counts.currentReplicas--;
  const status = statefulSetStatus({ set, counts, currentRevision: currentName, updateRevision: updateName, collisionCount: plan.collisionCount });

  const decision: StatefulSetDecision = {
    controllerRef,
    adoptRevisions: deleting ? [] : revisionClaim.adopt,
    updateRevisions: !deleting && plan.renumber ? [plan.renumber] : [],
    adoptPods: podClaim.adopt,
    releasePods: podClaim.release,
    createClaims,
    updateClaims: [...updateClaims.values()],
    createPods,
    updatePods,
    deletePods: [...deletePods.values()],
    status,
    statusChanged: statefulSetStatusChanged(set.status, status),
    deleteRevisions: deleting ? [] : statefulSetHistoryToDelete(set, owned, pods, currentName, updateName),
    currentRevision: status.currentRevision ?? currentName,
    updateRevision: updateName,
  };
  if (!deleting && plan.create) decision.createRevision = plan.create;
  if (waiting !== undefined) decision.waiting = waiting;
  if (minReadySeconds > 0) {
    const requeue = secondsUntilEarliest(
      pods.filter(isStatefulPodRunningAndReady).map((p) => podBecomesAvailableAt(p, minReadySeconds, now)),
      now,
    );
    if (requeue !== undefined) decision.requeueAfterSeconds = requeue;
  }
  return decision;
}
