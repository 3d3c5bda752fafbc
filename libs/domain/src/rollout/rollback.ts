import type { ControllerRevision } from '../kinds/controller-revision';
import type { Deployment } from '../kinds/deployment';
import type { PodTemplateSpec } from '../kinds/pod-template';
import type { ReplicaSet } from '../kinds/replica-set';
import { deepEqual } from '../lifecycle/object-lifecycle';
import type { KubeObject } from '../meta/types';
import { invalidArgument } from '../actions/action-errors';
import { isControlledBy } from '../workloads/pod-control';
import { POD_TEMPLATE_HASH_LABEL } from '../workloads/pod-template-hash';
import { skipCopyAnnotation } from '../workloads/deployment-revisions';
import { controllerRevisionHistory, deploymentHistory, type RolloutRevision } from './rollout-history';
import { refuseIfPaused } from './restart';
import { groupOfKind } from './workload-kinds';
import { podTemplateOf } from './workload-template';

/** The revision a rollback goes to, with the template (and, for a Deployment, the annotations) it restores. */
export interface RollbackTarget {
  revision: number;
  /** The ReplicaSet or ControllerRevision holding it. */
  source: string;
  template: PodTemplateSpec;
  /** Whether the workload's template already is this one (the rollback changes nothing). */
  current: boolean;
}

/**
 * The revision `toRevision` names in a workload's history (oldest first), or when it is
 * left out (or 0) the one before the newest, as `kubectl rollout undo` picks. A 422 on
 * `toRevision` naming the revision and the ones there are when there is no such revision.
 */
function pickRevision(workload: KubeObject, history: RolloutRevision[], toRevision: number | undefined): RolloutRevision {
  const target = { group: groupOfKind(workload.kind ?? ''), kind: workload.kind ?? '', name: workload.metadata.name ?? '' };
  const what = `${(workload.kind ?? '').toLowerCase()} "${workload.metadata.name}"`;
  const known = history.map((r) => r.revision).join(', ') || 'none';
  if (toRevision !== undefined && (!Number.isInteger(toRevision) || toRevision < 0)) {
    throw invalidArgument('toRevision', `Invalid value: ${toRevision}: must be a revision number, or 0 for the previous revision`, target);
  }
  if (!toRevision) {
    if (history.length < 2) throw invalidArgument('toRevision', `Not found: ${what} has no previous revision to roll back to (revisions: ${known})`, target, 'FieldValueNotFound');
    return history[history.length - 2];
  }
  const found = history.find((r) => r.revision === toRevision);
  if (!found) throw invalidArgument('toRevision', `Not found: ${toRevision}: ${what} has no revision ${toRevision} (revisions: ${known})`, target, 'FieldValueNotFound');
  return found;
}

/** A ReplicaSet's template as a Deployment template: without the pod-template-hash label the controller added. */
function withoutHashLabel(template: PodTemplateSpec): PodTemplateSpec {
  const out = structuredClone(template);
  const labels = out.metadata?.labels;
  if (labels && POD_TEMPLATE_HASH_LABEL in labels) {
    const { [POD_TEMPLATE_HASH_LABEL]: _hash, ...rest } = labels;
    out.metadata = { ...out.metadata, labels: rest };
  }
  return out;
}

/** The Deployment revision to go back to, from the ReplicaSets it controls (others in `replicaSets` are ignored). */
export function deploymentRollbackTarget(d: Deployment, replicaSets: readonly ReplicaSet[], toRevision?: number): RollbackTarget {
  refuseIfPaused(d, 'roll back');
  const owned = replicaSets.filter((rs) => isControlledBy(rs, d));
  const chosen = pickRevision(d, deploymentHistory(owned), toRevision);
  const template = withoutHashLabel(chosen.template);
  return { revision: chosen.revision, source: chosen.source, template, current: deepEqual(template, d.spec?.template) };
}

/**
 * `kubectl rollout undo` on a Deployment (a copy the caller owns): the revision's template,
 * and the annotations as kubectl sets them: the Deployment's own bookkeeping annotations
 * (revision, last-applied, …) kept, all others taken from the revision's ReplicaSet.
 */
export function rollDeploymentBack(d: Deployment, target: RollbackTarget, replicaSets: readonly ReplicaSet[]): Deployment {
  const rs = replicaSets.find((r) => r.metadata.name === target.source);
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (skipCopyAnnotation(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(rs?.metadata.annotations ?? {})) if (!skipCopyAnnotation(k)) annotations[k] = v;
  d.metadata.annotations = annotations;
  d.spec = { ...d.spec, template: structuredClone(target.template) };
  return d;
}

/** The StatefulSet or DaemonSet revision to go back to, from the ControllerRevisions it controls. */
export function controllerRollbackTarget(workload: KubeObject, revisions: readonly ControllerRevision[], toRevision?: number): RollbackTarget {
  const owned = revisions.filter((cr) => isControlledBy(cr, workload));
  const chosen = pickRevision(workload, controllerRevisionHistory(owned), toRevision);
  return { revision: chosen.revision, source: chosen.source, template: chosen.template, current: deepEqual(chosen.template, podTemplateOf(workload)) };
}

/** `kubectl rollout undo` on a StatefulSet or DaemonSet (a copy the caller owns): the revision's template, whole. */
export function rollTemplateBack<T extends KubeObject>(workload: T, target: RollbackTarget): T {
  (workload as KubeObject).spec = { ...(workload.spec as object), template: structuredClone(target.template) };
  return workload;
}
