import type { Pod } from '../kinds/pod';
import type { ReplicaSet, ReplicaSetCondition, ReplicaSetStatus } from '../kinds/replica-set';
import type { ReplicationController } from '../kinds/replication-controller';
import { deepEqual, rfc3339 } from '../lifecycle/object-lifecycle';
import { matches, type LabelSelectorRequirements } from '../selectors/label-requirement';
import { labelSelectorAsRequirements, labelSelectorFromSet } from '../selectors/label-selector-object';
import {
  claimPods,
  isPodActive,
  isPodAvailable,
  isPodReady,
  newControllerRef,
  podBecomesAvailableAt,
  podFromTemplate,
  secondsUntilEarliest,
  type OwnerKind,
} from './pod-control';
import { podsToDelete, type DeletionOrderOptions } from './pod-deletion-order';

/**
 * The ReplicaSet and ReplicationController controllers' decision (Kubernetes'
 * pkg/controller/replicaset: syncReplicaSet, manageReplicas, calculateStatus).
 */

/** Kubernetes' BurstReplicas: at most this many creates or deletes per reconcile. */
export const BURST_REPLICAS = 500;

/** A ReplicaSet or a ReplicationController: the same controller drives both. */
export type ReplicaSetLike = ReplicaSet | ReplicationController;

/** The condition type a ReplicaSet reports when it cannot create or delete pods. */
export const REPLICA_FAILURE_CONDITION = 'ReplicaFailure';

/** The owner-reference kind of a ReplicaSet or ReplicationController. */
export function replicaSetOwnerKind(rs: ReplicaSetLike): OwnerKind {
  return isReplicationController(rs)
    ? { apiVersion: 'v1', kind: 'ReplicationController' }
    : { apiVersion: 'apps/v1', kind: 'ReplicaSet' };
}

function isReplicationController(rs: ReplicaSetLike): rs is ReplicationController {
  return rs.kind === 'ReplicationController';
}

/**
 * The parsed selector: a ReplicaSet's LabelSelector (matchLabels and matchExpressions),
 * or a ReplicationController's equality map, which defaults to the template's labels when
 * empty. `undefined` when the selector is invalid; an empty selector selects nothing here
 * (validation forbids it; adopting every pod of the namespace would be worse).
 */
export function replicaSetSelector(rs: ReplicaSetLike): LabelSelectorRequirements | undefined {
  let requirements: LabelSelectorRequirements;
  if (isReplicationController(rs)) {
    const selector = rs.spec?.selector;
    const set = selector && Object.keys(selector).length ? selector : rs.spec?.template?.metadata?.labels;
    requirements = labelSelectorFromSet(set);
  } else {
    const conversion = labelSelectorAsRequirements(rs.spec?.selector);
    if (!conversion.ok) return undefined;
    requirements = conversion.requirements;
  }
  return requirements && requirements.length ? requirements : null;
}

/** The desired replica count (defaulted to 1, as the API does). */
export function specReplicas(rs: { spec?: { replicas?: number } }): number {
  return rs.spec?.replicas ?? 1;
}

/**
 * slowStartBatch sizes: create 1, then 2, 4, ... pods, stopping at the first failed batch,
 * so a broken template costs a handful of failed creates instead of `count`.
 */
export function slowStartBatchSizes(count: number, initial = 1): number[] {
  const sizes: number[] = [];
  let remaining = count;
  for (let size = Math.min(remaining, initial); size > 0; size = Math.min(2 * size, remaining)) {
    sizes.push(size);
    remaining -= size;
  }
  return sizes;
}

function setOrOmit<T extends object, K extends keyof T>(obj: T, key: K, value: number): void {
  if (value) (obj as Record<K, number>)[key] = value;
  else delete obj[key];
}

/** Inputs of {@link replicaSetStatus}. */
export interface ReplicaSetStatusInput {
  rs: ReplicaSetLike;
  /** The pods the controller manages: active and claimed. */
  pods: readonly Pod[];
  now: Date;
  /** Why the last creates or deletes failed; sets (or, when absent, clears) ReplicaFailure. */
  manageReplicasError?: string;
}

/**
 * calculateStatus: replicas, fullyLabeledReplicas (pods carrying every template label),
 * readyReplicas, availableReplicas (ready for minReadySeconds), observedGeneration and the
 * ReplicaFailure condition (FailedCreate / FailedDelete while an error is reported).
 */
export function replicaSetStatus({ rs, pods, now, manageReplicasError }: ReplicaSetStatusInput): ReplicaSetStatus {
  const old = (rs.status ?? { replicas: 0 }) as ReplicaSetStatus;
  const templateLabels = labelSelectorFromSet(rs.spec?.template?.metadata?.labels);
  const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of pods) {
    if (matches(templateLabels, pod.metadata.labels)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReadySeconds, now)) available++;
    }
  }
  const status: ReplicaSetStatus = { ...old, conditions: old.conditions ? [...old.conditions] : undefined };
  const failure = old.conditions?.find((c) => c.type === REPLICA_FAILURE_CONDITION);
  if (manageReplicasError !== undefined && !failure) {
    const diff = pods.length - specReplicas(rs);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    const condition: ReplicaSetCondition = {
      type: REPLICA_FAILURE_CONDITION,
      status: 'True',
      lastTransitionTime: rfc3339(now),
      reason,
      message: manageReplicasError,
    };
    status.conditions = [...(status.conditions ?? []), condition];
  } else if (manageReplicasError === undefined && failure) {
    status.conditions = (status.conditions ?? []).filter((c) => c.type !== REPLICA_FAILURE_CONDITION);
  }
  if (!status.conditions?.length) delete status.conditions;
  // Go leaves zero counts out of the JSON (omitempty), except replicas.
  status.replicas = pods.length;
  setOrOmit(status, 'fullyLabeledReplicas', fullyLabeled);
  setOrOmit(status, 'readyReplicas', ready);
  setOrOmit(status, 'availableReplicas', available);
  setOrOmit(status, 'observedGeneration', rs.metadata.generation ?? old.observedGeneration ?? 0);
  return status;
}

/** Inputs of {@link replicaSetDecision}. */
export interface ReplicaSetDecisionInput {
  /** The ReplicaSet or ReplicationController, as read. */
  rs: ReplicaSetLike;
  /** The pods of its namespace (at least every pod its selector matches and every pod it controls). */
  pods: readonly Pod[];
  now: Date;
  /**
   * Pods of every ReplicaSet sharing this one's controller (a Deployment's ReplicaSets),
   * used to prefer deleting pods doubled up on a node. Omit for a ReplicaSet without a
   * controller, as Kubernetes does.
   */
  relatedPods?: readonly Pod[];
  /** At most this many creates or deletes (default {@link BURST_REPLICAS}). */
  burstReplicas?: number;
  /** Set when recomputing the status after creates or deletes failed. */
  manageReplicasError?: string;
  deletionOrder?: DeletionOrderOptions;
}

/** What one ReplicaSet / ReplicationController reconcile must do. */
export interface ReplicaSetDecision {
  /** Orphans to adopt: add `controllerRef` (adoptionPatch / withOwnerRef). They already count as ours below. */
  adopt: Pod[];
  /** Pods it controls that stopped matching: drop its owner reference (releasePatch / withoutOwnerRef). */
  release: Pod[];
  /** How many copies of `podTemplate` to create (slowStartBatchSizes). */
  create: number;
  /** The pod to create, with generateName, labels, controller reference and spec. */
  podTemplate: Pod;
  /** The pods to delete, most deletable first. */
  delete: Pod[];
  /** The owner reference for adoptions and new pods. */
  controllerRef: ReturnType<typeof newControllerRef>;
  /** The status to write through /status when `statusChanged`. */
  status: ReplicaSetStatus;
  statusChanged: boolean;
  /** Reconcile again after this many seconds (fractional): when a ready pod becomes available. */
  requeueAfterSeconds?: number;
  /** The selector could not be parsed: nothing was decided (Kubernetes logs this and does not retry). */
  invalidSelector?: boolean;
}

/**
 * One level-triggered reconcile of a ReplicaSet or ReplicationController: claim the active
 * pods (adopt matching orphans, release strays), then create or delete up to a burst to
 * reach spec.replicas (nothing while the owner is being deleted), and compute the status
 * from the claimed pods. Applying the result and deciding again yields no further actions.
 */
export function replicaSetDecision(input: ReplicaSetDecisionInput): ReplicaSetDecision {
  const { rs, now } = input;
  const burst = input.burstReplicas ?? BURST_REPLICAS;
  const controllerRef = newControllerRef(rs, replicaSetOwnerKind(rs));
  const podTemplate = podFromTemplate(rs.spec?.template, rs, controllerRef);
  const selector = replicaSetSelector(rs);
  if (selector === undefined) {
    const status = (rs.status ?? { replicas: 0 }) as ReplicaSetStatus;
    return { adopt: [], release: [], create: 0, podTemplate, delete: [], controllerRef, status, statusChanged: false, invalidSelector: true };
  }
  const active = input.pods.filter(isPodActive);
  const claim = claimPods(rs, selector, active);
  const claimed = claim.claimed;

  let create = 0;
  let victims: Pod[] = [];
  if (!rs.metadata.deletionTimestamp) {
    const diff = claimed.length - specReplicas(rs);
    if (diff < 0) create = Math.min(-diff, burst);
    else if (diff > 0) victims = podsToDelete(claimed, Math.min(diff, burst), input.relatedPods ?? [], { now, ...input.deletionOrder });
  }

  const status = replicaSetStatus({ rs, pods: claimed, now, manageReplicasError: input.manageReplicasError });
  const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
  const requeueAfterSeconds = secondsUntilEarliest(
    claimed.map((p) => podBecomesAvailableAt(p, minReadySeconds, now)),
    now,
  );
  return {
    adopt: claim.adopt,
    release: claim.release,
    create,
    podTemplate,
    delete: victims,
    controllerRef,
    status,
    statusChanged: !deepEqual(status, rs.status ?? { replicas: 0 }),
    ...(requeueAfterSeconds !== undefined ? { requeueAfterSeconds } : {}),
  };
}
