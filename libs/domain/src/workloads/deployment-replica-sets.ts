import type { LabelSelector } from '../kinds/common';
import type { Deployment } from '../kinds/deployment';
import type { ReplicaSet } from '../kinds/replica-set';
import { compareStrings } from '../selectors/label-requirement';
import { deploymentReplicas } from './deployment-fenceposts';
import { hasRevisionHistoryLimit } from './deployment-status';
import { desiredReplicasAnnotation, revisionOf } from './deployment-revisions';
import { newControllerRef, timeMillis, type OwnerKind } from './pod-control';
import { POD_TEMPLATE_HASH_LABEL, templatesEqualIgnoringHash } from './pod-template-hash';
import { specReplicas } from './replica-set';

/**
 * A Deployment's ReplicaSets: which one runs the current template, which are old, how
 * they sort, and the ReplicaSet a new template gets (deploymentutil and controller_utils).
 */

/** The owner-reference kind of a Deployment. */
export const DEPLOYMENT_OWNER_KIND: OwnerKind = { apiVersion: 'apps/v1', kind: 'Deployment' };

/** ReplicaSetsByCreationTimestamp: older first, then by name. */
export function compareByCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = timeMillis(a.metadata.creationTimestamp) ?? Number.NEGATIVE_INFINITY;
  const tb = timeMillis(b.metadata.creationTimestamp) ?? Number.NEGATIVE_INFINITY;
  if (ta === tb) return compareStrings(a.metadata.name ?? '', b.metadata.name ?? '');
  return ta < tb ? -1 : 1;
}

/** ReplicaSetsByRevision: lower revision first; creation order when equal or unparsable. */
export function compareByRevision(a: ReplicaSet, b: ReplicaSet): number {
  const ra = revisionOf(a);
  const rb = revisionOf(b);
  if (ra === undefined || rb === undefined || ra === rb) return compareByCreation(a, b);
  return ra - rb;
}

/** ReplicaSetsBySizeOlder: larger first, then older first (the order proportional scale-down uses). */
export function compareBySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  const d = specReplicas(b) - specReplicas(a);
  return d !== 0 ? d : compareByCreation(a, b);
}

/** ReplicaSetsBySizeNewer: larger first, then newer first (the order proportional scale-up uses). */
export function compareBySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  const d = specReplicas(b) - specReplicas(a);
  return d !== 0 ? d : compareByCreation(b, a);
}

/** FilterActiveReplicaSets: present and with spec.replicas > 0. */
export function filterActiveReplicaSets(rss: readonly (ReplicaSet | undefined)[]): ReplicaSet[] {
  return rss.filter((rs): rs is ReplicaSet => !!rs && specReplicas(rs) > 0);
}

/**
 * FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's,
 * ignoring pod-template-hash — the one a rollback (`kubectl rollout undo`) brings back.
 */
export function findNewReplicaSet(d: Deployment, rsList: readonly ReplicaSet[]): ReplicaSet | undefined {
  return [...rsList].sort(compareByCreation).find((rs) => templatesEqualIgnoringHash(rs.spec?.template, d.spec?.template));
}

/** FindOldReplicaSets: every ReplicaSet but the new one (`all`), and those still with replicas (`active`). */
export function findOldReplicaSets(d: Deployment, rsList: readonly ReplicaSet[]): { active: ReplicaSet[]; all: ReplicaSet[] } {
  const newRS = findNewReplicaSet(d, rsList);
  const all = rsList.filter((rs) => rs !== newRS);
  return { active: all.filter((rs) => specReplicas(rs) !== 0), all };
}

/**
 * FindActiveOrLatest: the only ReplicaSet with replicas, or the newest one when none has
 * any; undefined when several have replicas (they must be scaled proportionally).
 */
export function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => compareByCreation(b, a));
  const active = filterActiveReplicaSets([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  if (active.length === 1) return active[0];
  return undefined;
}

/**
 * IsSaturated: the new ReplicaSet runs every desired replica, believes so
 * (desired-replicas annotation) and all of them are available.
 */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasAnnotation(rs);
  if (desired === undefined) return false;
  const replicas = deploymentReplicas(d);
  return specReplicas(rs) === replicas && desired === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}

/** CloneSelectorAndAddLabel: a copy of the selector with one more matchLabels entry. */
export function cloneSelectorAndAddLabel(selector: LabelSelector | undefined, key: string, value: string): LabelSelector {
  const out: LabelSelector = { matchLabels: { ...(selector?.matchLabels ?? {}), [key]: value } };
  if (selector?.matchExpressions) out.matchExpressions = selector.matchExpressions.map((e) => ({ ...e, ...(e.values ? { values: [...e.values] } : {}) }));
  return out;
}

/**
 * The ReplicaSet a Deployment creates for its current template: named `<deployment>-<hash>`
 * (deterministic, so a retried create cannot make a second one), controlled by the
 * Deployment, with the hash label added to its labels, selector and template, 0 replicas
 * and the Deployment's minReadySeconds. Annotations and replicas are set by the caller.
 */
export function newReplicaSetForDeployment(d: Deployment, hash: string): ReplicaSet {
  const template = structuredClone(d.spec?.template ?? {});
  const labels = { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  template.metadata = { ...(template.metadata ?? {}), labels };
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels: { ...labels },
      ownerReferences: [newControllerRef(d, DEPLOYMENT_OWNER_KIND)],
    },
    spec: { replicas: 0, selector: cloneSelectorAndAddLabel(d.spec?.selector, POD_TEMPLATE_HASH_LABEL, hash), template },
  };
  if (d.spec?.minReadySeconds) rs.spec!.minReadySeconds = d.spec.minReadySeconds;
  return rs;
}

/**
 * cleanupDeployment: the old ReplicaSets beyond revisionHistoryLimit to delete, oldest
 * revisions first, skipping any that still has replicas (spec or status), is being
 * deleted, or has a generation its controller has not observed yet (`unobserved`: also
 * those this reconcile is about to change).
 */
export function replicaSetsToCleanUp(d: Deployment, oldRSs: readonly ReplicaSet[], unobserved: (rs: ReplicaSet) => boolean = () => false): ReplicaSet[] {
  if (!hasRevisionHistoryLimit(d)) return [];
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - (d.spec?.revisionHistoryLimit ?? 0);
  if (diff <= 0) return [];
  const sorted = [...cleanable].sort(compareByRevision);
  const out: ReplicaSet[] = [];
  for (const rs of sorted.slice(0, diff)) {
    if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0) continue;
    if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0) || unobserved(rs)) continue;
    out.push(rs);
  }
  return out;
}
