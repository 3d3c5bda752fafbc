import type { PersistentVolumeClaim } from '../kinds/persistent-volume-claim';
import type { Pod } from '../kinds/pod';
import type { PodTemplateSpec } from '../kinds/pod-template';
import type { StatefulSet } from '../kinds/stateful-set';
import type { Volume } from '../kinds/volume';
import type { OwnerReference } from '../meta/types';
import { isPodAvailable, isPodReady, podFromTemplate, type OwnerKind } from '../workloads/pod-control';
import { CONTROLLER_REVISION_HASH_LABEL } from './controller-history';

/**
 * A StatefulSet pod's identity (Kubernetes' stateful_set_utils.go): name `<set>-<ordinal>`,
 * hostname and subdomain, the pod-name and pod-index labels, and one claim per
 * volumeClaimTemplate named `<template>-<set>-<ordinal>`.
 */

/** The owner-reference kind of a StatefulSet. */
export const STATEFUL_SET_OWNER_KIND: OwnerKind = { apiVersion: 'apps/v1', kind: 'StatefulSet' };
/** apps/v1 StatefulSetPodNameLabel: the pod's own name, so a Service can select one replica. */
export const STATEFUL_SET_POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
/** apps/v1 PodIndexLabel: the pod's ordinal. */
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

const STATEFUL_POD_NAME = /^(.*)-([0-9]+)$/;
const MAX_INT32 = 2147483647;

/** getParentNameAndOrdinal: the set name and ordinal a pod name encodes; ordinal -1 when it has none. */
export function statefulPodParentAndOrdinal(name: string | undefined): { parent: string; ordinal: number } {
  const m = STATEFUL_POD_NAME.exec(name ?? '');
  if (!m) return { parent: '', ordinal: -1 };
  const n = Number(m[2]);
  return { parent: m[1], ordinal: Number.isSafeInteger(n) && n <= MAX_INT32 ? n : -1 };
}

/** getOrdinal: the pod's ordinal, -1 if its name has none. */
export function statefulPodOrdinal(pod: Pod): number {
  return statefulPodParentAndOrdinal(pod.metadata.name).ordinal;
}

/** isMemberOf: the pod's name says it belongs to the set. */
export function isStatefulSetMember(set: StatefulSet, pod: Pod): boolean {
  return statefulPodParentAndOrdinal(pod.metadata.name).parent === set.metadata.name;
}

/** spec.replicas, defaulted to 1 as the API does. */
export function statefulSetReplicas(set: StatefulSet): number {
  return set.spec?.replicas ?? 1;
}

/** getStartOrdinal: spec.ordinals.start, else 0. */
export function statefulSetStartOrdinal(set: StatefulSet): number {
  return set.spec?.ordinals?.start ?? 0;
}

/** getEndOrdinal: the last ordinal of the wanted range (inclusive). */
export function statefulSetEndOrdinal(set: StatefulSet): number {
  return statefulSetStartOrdinal(set) + statefulSetReplicas(set) - 1;
}

/** podInOrdinalRange: the pod's ordinal is one the set currently wants. */
export function statefulPodInOrdinalRange(pod: Pod, set: StatefulSet): boolean {
  const ordinal = statefulPodOrdinal(pod);
  return ordinal >= statefulSetStartOrdinal(set) && ordinal <= statefulSetEndOrdinal(set);
}

/** getPodName: `<set>-<ordinal>`. */
export function statefulPodName(set: StatefulSet, ordinal: number): string {
  return `${set.metadata.name ?? ''}-${ordinal}`;
}

/** getPersistentVolumeClaimName: `<claim template>-<set>-<ordinal>`. */
export function statefulSetClaimName(set: StatefulSet, templateName: string, ordinal: number): string {
  return `${templateName}-${set.metadata.name ?? ''}-${ordinal}`;
}

/** The revision a pod was made from (its controller-revision-hash label), '' if none. */
export function statefulPodRevision(pod: Pod): string {
  return pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '';
}

/** isRunningAndReady: phase Running and the Ready condition True. */
export function isStatefulPodRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

/** isRunningAndAvailable: running, ready, and ready for longer than minReadySeconds. */
export function isStatefulPodRunningAndAvailable(pod: Pod, minReadySeconds: number, now: Date): boolean {
  return isStatefulPodRunningAndReady(pod) && isPodAvailable(pod, minReadySeconds, now);
}

/** isTerminating: the pod has a deletion timestamp. */
export function isStatefulPodTerminating(pod: Pod): boolean {
  return !!pod.metadata.deletionTimestamp;
}

/** isUnavailable: not running and available, or terminating. */
export function isStatefulPodUnavailable(pod: Pod, minReadySeconds: number, now: Date): boolean {
  return !isStatefulPodRunningAndAvailable(pod, minReadySeconds, now) || isStatefulPodTerminating(pod);
}

/**
 * identityMatches: the pod's name, namespace and pod-name label fit its ordinal in the set.
 * (Hostname and subdomain are set at creation only; they are immutable afterwards.)
 */
export function statefulPodIdentityMatches(set: StatefulSet, pod: Pod): boolean {
  const { parent, ordinal } = statefulPodParentAndOrdinal(pod.metadata.name);
  return (
    ordinal >= 0 &&
    parent === set.metadata.name &&
    pod.metadata.name === statefulPodName(set, ordinal) &&
    pod.metadata.namespace === set.metadata.namespace &&
    pod.metadata.labels?.[STATEFUL_SET_POD_NAME_LABEL] === pod.metadata.name
  );
}

/** storageMatches: each claim template is mounted as a volume of its name from the ordinal's claim. */
export function statefulPodStorageMatches(set: StatefulSet, pod: Pod): boolean {
  const ordinal = statefulPodOrdinal(pod);
  if (ordinal < 0) return false;
  const volumes = new Map((pod.spec?.volumes ?? []).map((v) => [v.name, v]));
  for (const t of set.spec?.volumeClaimTemplates ?? []) {
    const name = t.metadata?.name ?? '';
    const v = volumes.get(name);
    if (!v?.persistentVolumeClaim || v.persistentVolumeClaim.claimName !== statefulSetClaimName(set, name, ordinal)) return false;
  }
  return true;
}

/**
 * getPersistentVolumeClaims: the claims an ordinal needs, one per volumeClaimTemplate, in
 * template order: the template's spec and annotations, its labels with the selector's
 * matchLabels over them, in the set's namespace. No owner references here (Retain).
 */
export function statefulSetClaimsForOrdinal(set: StatefulSet, ordinal: number): PersistentVolumeClaim[] {
  const matchLabels = set.spec?.selector?.matchLabels ?? {};
  return (set.spec?.volumeClaimTemplates ?? []).map((t) => {
    const meta = t.metadata ?? {};
    const claim: PersistentVolumeClaim = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: statefulSetClaimName(set, meta.name ?? '', ordinal),
        namespace: set.metadata.namespace,
      },
      spec: structuredClone(t.spec ?? {}),
    };
    const labels = { ...(meta.labels ?? {}), ...matchLabels };
    if (Object.keys(labels).length) claim.metadata.labels = labels;
    if (meta.annotations && Object.keys(meta.annotations).length) claim.metadata.annotations = { ...meta.annotations };
    return claim;
  });
}

/**
 * updateStorage: the pod's volumes with one `persistentVolumeClaim` volume per claim
 * template (replacing a template volume of the same name), the others kept after them.
 */
export function statefulPodVolumes(set: StatefulSet, ordinal: number, current: readonly Volume[] | undefined): Volume[] {
  const claimVolumes: Volume[] = (set.spec?.volumeClaimTemplates ?? []).map((t) => {
    const name = t.metadata?.name ?? '';
    return { name, persistentVolumeClaim: { claimName: statefulSetClaimName(set, name, ordinal) } };
  });
  const taken = new Set(claimVolumes.map((v) => v.name));
  return [...claimVolumes, ...(current ?? []).filter((v) => !taken.has(v.name))];
}

/** updateIdentity's labels: the pod-name and pod-index labels for an ordinal (mutates `labels`). */
export function setStatefulPodIdentityLabels(labels: Record<string, string>, set: StatefulSet, ordinal: number): void {
  labels[STATEFUL_SET_POD_NAME_LABEL] = statefulPodName(set, ordinal);
  labels[POD_INDEX_LABEL] = String(ordinal);
}

/**
 * newStatefulSetPod + setPodRevision: the pod for an ordinal from a template (the one of
 * the revision the ordinal gets) — name `<set>-<ordinal>`, hostname = the name, subdomain =
 * spec.serviceName, the template's labels plus pod-name, pod-index and
 * controller-revision-hash (the revision's name), its claims mounted, a controller reference.
 */
export function newStatefulSetPod(
  set: StatefulSet,
  template: PodTemplateSpec | undefined,
  ordinal: number,
  revisionName: string,
  controllerRef: OwnerReference,
): Pod {
  const pod = podFromTemplate(template, set, controllerRef);
  delete pod.metadata.generateName;
  pod.metadata.name = statefulPodName(set, ordinal);
  pod.metadata.namespace = set.metadata.namespace;
  const labels = { ...(pod.metadata.labels ?? {}) };
  setStatefulPodIdentityLabels(labels, set, ordinal);
  labels[CONTROLLER_REVISION_HASH_LABEL] = revisionName;
  pod.metadata.labels = labels;
  const spec = pod.spec ?? { containers: [] };
  spec.hostname = pod.metadata.name;
  if (set.spec?.serviceName) spec.subdomain = set.spec.serviceName;
  else delete spec.subdomain;
  const volumes = statefulPodVolumes(set, ordinal, spec.volumes);
  if (volumes.length) spec.volumes = volumes;
  pod.spec = spec;
  return pod;
}
