import type { Deployment } from '../kinds/deployment';
import type { ReplicaSet } from '../kinds/replica-set';
import type { KubeObject } from '../meta/types';

/**
 * Deployment revision bookkeeping on ReplicaSet annotations (deploymentutil's
 * SetNewReplicaSetAnnotations, SetReplicasAnnotations, MaxRevision, ...), which is what
 * `kubectl rollout history` and `kubectl rollout undo` read.
 */

/** The rollout sequence number of a ReplicaSet, and of the Deployment (its newest). */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
/** Earlier revisions a ReplicaSet served, comma-separated (set when a rollback reuses it). */
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
/** spec.replicas of the Deployment when the ReplicaSet was last scaled by it. */
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
/** spec.replicas + maxSurge of the Deployment when the ReplicaSet was last scaled by it. */
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
/** Why a revision was made; copied from the Deployment to its new ReplicaSet, shown in history. */
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
/** kubectl apply's record; never copied to ReplicaSets. */
export const LAST_APPLIED_CONFIG_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
/** extensions/v1beta1 rollback request; never copied. */
export const DEPRECATED_ROLLBACK_TO_ANNOTATION = 'deprecated.deployment.rollback.to';
/** Set on the pod template by `kubectl rollout restart`. */
export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';

/** Longest revision-history annotation kept (about 100 revisions). */
export const MAX_REVISION_HISTORY_CHARS = 2000;

const ANNOTATIONS_TO_SKIP = new Set([
  LAST_APPLIED_CONFIG_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  DEPRECATED_ROLLBACK_TO_ANNOTATION,
]);

/** Whether a Deployment annotation stays off its ReplicaSets (and survives a rollback on the Deployment). */
export function skipCopyAnnotation(key: string): boolean {
  return ANNOTATIONS_TO_SKIP.has(key);
}

/** strconv.ParseInt(s, 10, 64), as a safe JS number; undefined when not an integer. */
function parseInt64(s: string): number | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Revision: the revision annotation as a number (0 when absent, undefined when unparsable). */
export function revisionOf(obj: KubeObject): number | undefined {
  const v = obj.metadata.annotations?.[REVISION_ANNOTATION];
  return v === undefined ? 0 : parseInt64(v);
}

/** MaxRevision: the highest parsable revision among the ReplicaSets (0 if none). */
export function maxRevision(replicaSets: readonly ReplicaSet[]): number {
  let max = 0;
  for (const rs of replicaSets) {
    const v = revisionOf(rs);
    if (v !== undefined && v > max) max = v;
  }
  return max;
}

/** LastRevision: the second highest revision (what `kubectl rollout undo` goes back to). */
export function lastRevision(replicaSets: readonly ReplicaSet[]): number {
  let max = 0;
  let second = 0;
  for (const rs of replicaSets) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    if (v >= max) {
      second = max;
      max = v;
    } else if (v > second) second = v;
  }
  return second;
}

function annotationsOf(obj: KubeObject): Record<string, string> {
  if (!obj.metadata.annotations) obj.metadata.annotations = {};
  return obj.metadata.annotations;
}

/** copyDeploymentAnnotationsToReplicaSet: every non-skipped Deployment annotation onto the ReplicaSet (mutates `rs`). */
export function copyDeploymentAnnotationsToReplicaSet(d: Deployment, rs: ReplicaSet): boolean {
  let changed = false;
  const target = annotationsOf(rs);
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (skipCopyAnnotation(k) || target[k] === v) continue;
    target[k] = v;
    changed = true;
  }
  return changed;
}

/** SetReplicasAnnotations: desired-replicas and max-replicas (mutates `rs`); true when changed. */
export function setReplicasAnnotations(rs: ReplicaSet, desiredReplicas: number, maxReplicas: number): boolean {
  let changed = false;
  const a = annotationsOf(rs);
  if (a[DESIRED_REPLICAS_ANNOTATION] !== String(desiredReplicas)) {
    a[DESIRED_REPLICAS_ANNOTATION] = String(desiredReplicas);
    changed = true;
  }
  if (a[MAX_REPLICAS_ANNOTATION] !== String(maxReplicas)) {
    a[MAX_REPLICAS_ANNOTATION] = String(maxReplicas);
    changed = true;
  }
  return changed;
}

/** ReplicasAnnotationsNeedUpdate. */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desiredReplicas: number, maxReplicas: number): boolean {
  const a = rs.metadata.annotations;
  if (!a) return true;
  return a[DESIRED_REPLICAS_ANNOTATION] !== String(desiredReplicas) || a[MAX_REPLICAS_ANNOTATION] !== String(maxReplicas);
}

/** Go's strconv.Atoi on an annotation, as int32. */
function intAnnotation(rs: ReplicaSet, key: string): number | undefined {
  const v = rs.metadata.annotations?.[key];
  if (v === undefined) return undefined;
  const n = parseInt64(v);
  return n === undefined ? undefined : n;
}

/** GetDesiredReplicasAnnotation. */
export function desiredReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
}

/** getMaxReplicasAnnotation. */
export function maxReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return intAnnotation(rs, MAX_REPLICAS_ANNOTATION);
}

/**
 * SetNewReplicaSetAnnotations (mutates `rs`): copy the Deployment's annotations, raise the
 * revision to `newRevision` when lower — keeping the old one in revision-history when the
 * ReplicaSet already had one (a rollback reusing it) — and, for a ReplicaSet about to be
 * created, set desired-replicas and max-replicas. True when an annotation changed.
 */
export function setNewReplicaSetAnnotations(
  d: Deployment,
  rs: ReplicaSet,
  newRevision: string,
  exists: boolean,
  maxReplicas: number,
  desiredReplicas: number,
): boolean {
  let changed = copyDeploymentAnnotationsToReplicaSet(d, rs);
  const a = annotationsOf(rs);
  const had = Object.prototype.hasOwnProperty.call(a, REVISION_ANNOTATION);
  const oldRevision = had ? a[REVISION_ANNOTATION] : '';
  let oldRevisionInt = parseInt64(oldRevision);
  if (oldRevisionInt === undefined) {
    if (oldRevision !== '') return false;
    oldRevisionInt = 0;
  }
  const newRevisionInt = parseInt64(newRevision);
  if (newRevisionInt === undefined) return false;
  if (oldRevisionInt < newRevisionInt) {
    a[REVISION_ANNOTATION] = newRevision;
    changed = true;
  }
  if (had && oldRevisionInt < newRevisionInt) {
    const history = a[REVISION_HISTORY_ANNOTATION] ?? '';
    const old = history.split(',');
    if (old[0].length === 0) {
      a[REVISION_HISTORY_ANNOTATION] = oldRevision;
    } else {
      let total = history.length + oldRevision.length + 1;
      let start = 0;
      while (total > MAX_REVISION_HISTORY_CHARS && start < old.length) {
        total -= old[start].length + 1;
        start++;
      }
      if (total <= MAX_REVISION_HISTORY_CHARS) a[REVISION_HISTORY_ANNOTATION] = [...old.slice(start), oldRevision].join(',');
    }
  }
  if (!exists && setReplicasAnnotations(rs, desiredReplicas, maxReplicas)) changed = true;
  return changed;
}

/** SetDeploymentRevision (mutates `d`): the Deployment's revision annotation; true when changed. */
export function setDeploymentRevision(d: Deployment, revision: string): boolean {
  const a = annotationsOf(d);
  if (a[REVISION_ANNOTATION] === revision) return false;
  a[REVISION_ANNOTATION] = revision;
  return true;
}
