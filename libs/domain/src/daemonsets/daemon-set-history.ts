import type { ControllerRevision } from '../kinds/controller-revision';
import type { DaemonSet } from '../kinds/daemon-set';
import type { Pod } from '../kinds/pod';
import { newControllerRef } from '../workloads/pod-control';
import { podTemplateHash } from '../workloads/pod-template-hash';
import {
  CONTROLLER_REVISION_HASH_LABEL,
  maxControllerRevisionNumber,
  revisionDataEqual,
  sortControllerRevisions,
  templateRevisionData,
  controllerRevisionWithNumber,
} from '../statefulsets/controller-history';
import { DAEMON_SET_OWNER_KIND } from './daemon-set-pods';

/**
 * A DaemonSet's revisions (Kubernetes' constructHistory, snapshot, dedupCurHistories,
 * cleanupHistory). One ControllerRevision per template, named `<ds>-<hash>` where the
 * hash is the pod template hash (with status.collisionCount) and labelled
 * `controller-revision-hash: <hash>`; that hash is also the label of the pods made from it.
 */

/** snapshot: the revision of the DaemonSet's current template, numbered `revision`. */
export function daemonSetRevision(ds: DaemonSet, collisionCount: number | undefined, revision: number): ControllerRevision {
  const hash = podTemplateHash(ds.spec?.template, collisionCount);
  const rev: ControllerRevision = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${ds.metadata.name ?? ''}-${hash}`,
      namespace: ds.metadata.namespace,
      labels: { ...(ds.spec?.template?.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash },
      ownerReferences: [newControllerRef(ds, DAEMON_SET_OWNER_KIND)],
    },
    data: templateRevisionData(ds.spec?.template),
    revision,
  };
  const annotations = ds.metadata.annotations;
  if (annotations && Object.keys(annotations).length) rev.metadata.annotations = { ...annotations };
  return rev;
}

/** Match: the revision stores the DaemonSet's current template. */
export function daemonSetRevisionMatches(ds: DaemonSet, revision: ControllerRevision): boolean {
  return revisionDataEqual(revision.data, templateRevisionData(ds.spec?.template));
}

/** What {@link daemonSetHistoryPlan} decides. */
export interface DaemonSetHistoryPlan {
  /** The revision of the current template, as it will be after the writes below. */
  current: ControllerRevision;
  /** The other revisions (older templates). */
  old: ControllerRevision[];
  /** The current revision's hash: the controller-revision-hash new pods get. */
  hash: string;
  /** status.collisionCount after this plan (raised while the revision's name is taken by other data). */
  collisionCount: number | undefined;
  /** Create this revision. */
  create?: ControllerRevision;
  /** Update these revisions (full objects): a missing hash label added, the current one renumbered. */
  update: ControllerRevision[];
  /** Delete these duplicates of the current revision. */
  delete: ControllerRevision[];
  /** Pods of a deleted duplicate, relabelled with the kept revision's hash (full objects). */
  relabelPods: Pod[];
}

/**
 * constructHistory over the DaemonSet's revisions (`owned`: controlled plus adopted) and
 * every revision of the namespace (to see name collisions): revisions lacking the hash
 * label get their name as label; the one(s) storing the current template are current — the
 * newest kept, duplicates deleted after their pods are relabelled — and renumbered to
 * max(old) + 1 when older (a rollback); without one, a new revision is created.
 */
export function daemonSetHistoryPlan(
  ds: DaemonSet,
  owned: readonly ControllerRevision[],
  namespaceRevisions: readonly ControllerRevision[],
  pods: readonly Pod[],
): DaemonSetHistoryPlan {
  const update = new Map<string, ControllerRevision>();
  const currents: ControllerRevision[] = [];
  const old: ControllerRevision[] = [];
  for (const original of owned) {
    let history = original;
    if (!(CONTROLLER_REVISION_HASH_LABEL in (history.metadata.labels ?? {}))) {
      history = structuredClone(history);
      history.metadata.labels = { ...(history.metadata.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: history.metadata.name ?? '' };
      update.set(history.metadata.name ?? '', history);
    }
    if (daemonSetRevisionMatches(ds, history)) currents.push(history);
    else old.push(history);
  }
  const next = maxControllerRevisionNumber(old) + 1;
  let collisionCount = ds.status?.collisionCount;
  const plan: Omit<DaemonSetHistoryPlan, 'current' | 'hash'> = { old, collisionCount, update: [], delete: [], relabelPods: [] };
  let current: ControllerRevision;
  if (currents.length === 0) {
    const byName = new Map(namespaceRevisions.map((r) => [r.metadata.name, r]));
    let candidate = daemonSetRevision(ds, collisionCount, next);
    for (let guard = 0; guard < 1000; guard++) {
      const existing = byName.get(candidate.metadata.name);
      if (!existing) {
        plan.create = candidate;
        break;
      }
      if (daemonSetRevisionMatches(ds, existing)) {
        candidate = existing;
        break;
      }
      collisionCount = (collisionCount ?? 0) + 1;
      candidate = daemonSetRevision(ds, collisionCount, next);
    }
    current = candidate;
    plan.collisionCount = collisionCount;
  } else {
    // dedupCurHistories: keep the highest revision (the last of equals), drop the others.
    current = currents[0];
    for (const c of currents) if (c.revision >= current.revision) current = c;
    const keepHash = current.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '';
    const dropped = currents.filter((c) => c !== current);
    // Kubernetes relabels every pod whose hash differs; only the dropped duplicates' pods are meant.
    const droppedHashes = new Set(dropped.map((c) => c.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? ''));
    for (const pod of pods) {
      const h = pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
      if (h === undefined || h === keepHash || !droppedHashes.has(h)) continue;
      const copy = structuredClone(pod);
      copy.metadata.labels = { ...(copy.metadata.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: keepHash };
      plan.relabelPods.push(copy);
    }
    plan.delete = dropped;
    for (const d of dropped) update.delete(d.metadata.name ?? '');
    if (current.revision < next) {
      current = controllerRevisionWithNumber(current, next);
      update.set(current.metadata.name ?? '', current);
    }
  }
  plan.update = [...update.values()];
  return { ...plan, current, hash: current.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '' };
}

/**
 * cleanupHistory: old revisions to delete, oldest first, so at most spec.revisionHistoryLimit
 * (default 10) remain; revisions whose hash a pod still carries (terminal pods included) stay.
 */
export function daemonSetHistoryToDelete(ds: DaemonSet, old: readonly ControllerRevision[], pods: readonly Pod[]): ControllerRevision[] {
  let toKill = old.length - (ds.spec?.revisionHistoryLimit ?? 10);
  if (toKill <= 0) return [];
  const live = new Set(pods.map((p) => p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL]).filter((h): h is string => !!h));
  const out: ControllerRevision[] = [];
  for (const history of sortControllerRevisions(old)) {
    if (toKill <= 0) break;
    if (live.has(history.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '')) continue;
    out.push(history);
    toKill--;
  }
  return out;
}
