import type { ControllerRevision } from '../kinds/controller-revision';
import type { Pod } from '../kinds/pod';
import type { PodTemplateSpec } from '../kinds/pod-template';
import type { StatefulSet } from '../kinds/stateful-set';
import { newControllerRef } from '../workloads/pod-control';
import {
  CONTROLLER_HISTORY_HASH_LABEL,
  controllerRevisionName,
  hashControllerRevisionData,
  nextControllerRevisionNumber,
  revisionDataEqual,
  revisionDataTemplate,
  sortControllerRevisions,
  templateRevisionData,
  controllerRevisionWithNumber,
} from './controller-history';
import { STATEFUL_SET_OWNER_KIND, statefulPodRevision } from './stateful-set-identity';

/**
 * A StatefulSet's revisions (Kubernetes' getStatefulSetRevisions, newRevision,
 * ApplyRevision and truncateHistory). Each template the set has had is one
 * ControllerRevision `<set>-<hash>` whose data is the patch restoring it; going back to an
 * old template reuses that revision with the next revision number, so
 * `kubectl rollout history` lists it as the newest.
 */

/** Default spec.revisionHistoryLimit. */
export const DEFAULT_REVISION_HISTORY_LIMIT = 10;

/**
 * newRevision: the ControllerRevision for the set's current template — name
 * `<set>-<hash>` (hash of the data and the collision count), the template's labels plus
 * `controller.kubernetes.io/hash`, the set's annotations (so `kubectl rollout history`
 * shows its change-cause), a controller reference to the set, and `revision` (0 = not
 * numbered yet).
 */
export function statefulSetRevision(set: StatefulSet, collisionCount: number, revision = 0): ControllerRevision {
  const data = templateRevisionData(set.spec?.template);
  const hash = hashControllerRevisionData(data, collisionCount);
  const rev: ControllerRevision = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: controllerRevisionName(set.metadata.name ?? '', hash),
      namespace: set.metadata.namespace,
      labels: { ...(set.spec?.template?.metadata?.labels ?? {}), [CONTROLLER_HISTORY_HASH_LABEL]: hash },
      ownerReferences: [newControllerRef(set, STATEFUL_SET_OWNER_KIND)],
    },
    data,
    revision,
  };
  const annotations = set.metadata.annotations;
  if (annotations && Object.keys(annotations).length) rev.metadata.annotations = { ...annotations };
  return rev;
}

/**
 * ApplyRevision: the template a revision restores (what pods of that revision are made
 * from); the set's own template when the revision's data holds none.
 */
export function statefulSetRevisionTemplate(set: StatefulSet, revision: ControllerRevision): PodTemplateSpec | undefined {
  return revisionDataTemplate(revision.data) ?? set.spec?.template;
}

/** What {@link statefulSetRevisionPlan} decides. */
export interface StatefulSetRevisionPlan {
  /** The revision pods below the partition keep (status.currentRevision, else the update revision). */
  current: ControllerRevision;
  /** The revision of the set's template, as it will be once `create` / `renumber` are written. */
  update: ControllerRevision;
  /** status.collisionCount after this plan (raised when a revision name was taken by other data). */
  collisionCount: number;
  /** Create this revision (the template is new). */
  create?: ControllerRevision;
  /** Update this existing revision: the template went back to it, so it takes the next number. */
  renumber?: ControllerRevision;
}

/**
 * getStatefulSetRevisions on the set's revisions (`owned`: those it controls plus the
 * orphans it adopts) and every revision of the namespace (to see name collisions).
 * The newest revision equal to the template is reused: as it is when it is already the
 * newest, renumbered to max + 1 otherwise (a rollback); else a new revision numbered
 * max + 1 is created, raising the collision count while its name is taken by other data.
 */
export function statefulSetRevisionPlan(
  set: StatefulSet,
  owned: readonly ControllerRevision[],
  namespaceRevisions: readonly ControllerRevision[] = owned,
): StatefulSetRevisionPlan {
  const revisions = sortControllerRevisions(owned);
  let collisionCount = set.status?.collisionCount ?? 0;
  const next = nextControllerRevisionNumber(revisions);
  const wanted = statefulSetRevision(set, collisionCount, next);
  const equal = revisions.filter((r) => revisionDataEqual(r.data, wanted.data));
  let update: ControllerRevision;
  let create: ControllerRevision | undefined;
  let renumber: ControllerRevision | undefined;
  const newestEqual = equal[equal.length - 1];
  if (newestEqual && newestEqual === revisions[revisions.length - 1]) {
    update = newestEqual;
  } else if (newestEqual) {
    renumber = controllerRevisionWithNumber(newestEqual, next);
    update = renumber;
  } else {
    // CreateControllerRevision: an existing name with equal data is ours already; other data is a collision.
    const byName = new Map(namespaceRevisions.map((r) => [r.metadata.name, r]));
    let candidate = wanted;
    for (let guard = 0; guard < 1000; guard++) {
      const existing = byName.get(candidate.metadata.name);
      if (!existing) {
        create = candidate;
        break;
      }
      if (revisionDataEqual(existing.data, candidate.data)) {
        candidate = existing;
        break;
      }
      collisionCount++;
      candidate = statefulSetRevision(set, collisionCount, next);
    }
    update = create ?? candidate;
  }
  const current = revisions.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
  const plan: StatefulSetRevisionPlan = { current, update, collisionCount };
  if (create) plan.create = create;
  if (renumber) plan.renumber = renumber;
  return plan;
}

/**
 * truncateHistory: the revisions to delete so at most spec.revisionHistoryLimit
 * (default 10; negative = keep all) non-live revisions remain, oldest first. Live: the
 * current and update revisions and every revision a pod of the set is labelled with.
 */
export function statefulSetHistoryToDelete(
  set: StatefulSet,
  owned: readonly ControllerRevision[],
  pods: readonly Pod[],
  currentName: string,
  updateName: string,
): ControllerRevision[] {
  const live = new Set([currentName, updateName, ...pods.map(statefulPodRevision)]);
  const history = sortControllerRevisions(owned).filter((r) => !live.has(r.metadata.name ?? ''));
  const limit = set.spec?.revisionHistoryLimit ?? DEFAULT_REVISION_HISTORY_LIMIT;
  if (limit < 0 || history.length <= limit) return [];
  return history.slice(0, history.length - limit);
}
