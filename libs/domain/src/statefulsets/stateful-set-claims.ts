import type { PersistentVolumeClaim } from '../kinds/persistent-volume-claim';
import type { Pod } from '../kinds/pod';
import type { StatefulSet } from '../kinds/stateful-set';
import type { OwnerReference } from '../meta/types';
import { newControllerRef, type OwnerKind } from '../workloads/pod-control';
import { statefulPodInOrdinalRange, STATEFUL_SET_OWNER_KIND } from './stateful-set-identity';

/**
 * persistentVolumeClaimRetentionPolicy (Kubernetes' StatefulSetAutoDeletePVC): which owner
 * references a StatefulSet's claims carry so the garbage collector deletes them, or not.
 *
 *   Retain / Retain (the default): no owner reference — claims outlive scale-down and the set
 *   whenDeleted Delete:            the set as controller — removed with the set
 *   whenScaled Delete:             the pod as controller once its ordinal is scaled away
 *   both Delete:                   the set while in range, the pod once scaled away
 */

const POD_OWNER_KIND: OwnerKind = { apiVersion: 'v1', kind: 'Pod' };

export type ClaimRetention = 'Retain' | 'Delete';

/** The effective policy: Retain for anything missing (or unknown, as Kubernetes treats it). */
export function statefulSetClaimRetention(set: StatefulSet): { whenDeleted: ClaimRetention; whenScaled: ClaimRetention } {
  const p = set.spec?.persistentVolumeClaimRetentionPolicy;
  return {
    whenDeleted: p?.whenDeleted === 'Delete' ? 'Delete' : 'Retain',
    whenScaled: p?.whenScaled === 'Delete' ? 'Delete' : 'Retain',
  };
}

function isRetainRetain(set: StatefulSet): boolean {
  const p = statefulSetClaimRetention(set);
  return p.whenDeleted === 'Retain' && p.whenScaled === 'Retain';
}

/** matchesRef: the reference names this object by apiVersion, kind and name. */
function matchesRef(ref: OwnerReference, name: string | undefined, kind: OwnerKind): boolean {
  return ref.apiVersion === kind.apiVersion && ref.kind === kind.kind && ref.name === (name ?? '');
}

function hasOwnerRef(claim: PersistentVolumeClaim, uid: string | undefined): boolean {
  return (claim.metadata.ownerReferences ?? []).some((r) => r.uid === (uid ?? ''));
}

/** hasStaleOwnerRef: the first reference naming the object carries another uid (a previous incarnation). */
export function claimHasStaleOwnerRef(claim: PersistentVolumeClaim, name: string | undefined, uid: string | undefined, kind: OwnerKind): boolean {
  for (const ref of claim.metadata.ownerReferences ?? []) {
    if (matchesRef(ref, name, kind)) return ref.uid !== (uid ?? '');
  }
  return false;
}

/** hasUnexpectedController: under a Delete policy, something other than this set or pod controls the claim. */
function hasUnexpectedController(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  if (isRetainRetain(set)) return false;
  for (const ref of claim.metadata.ownerReferences ?? []) {
    if (matchesRef(ref, set.metadata.name, STATEFUL_SET_OWNER_KIND)) {
      if (ref.uid !== (set.metadata.uid ?? '')) return true;
      continue;
    }
    if (matchesRef(ref, pod.metadata.name, POD_OWNER_KIND)) {
      if (ref.uid !== (pod.metadata.uid ?? '')) return true;
      continue;
    }
    if (ref.controller === true) return true;
  }
  return false;
}

function hasNonControllerOwner(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  return (claim.metadata.ownerReferences ?? []).some(
    (r) => (r.uid === (set.metadata.uid ?? '') || r.uid === (pod.metadata.uid ?? '')) && r.controller !== true,
  );
}

/** isClaimOwnerUpToDate: the claim's references already fit the policy (or must not be touched). */
export function isClaimOwnerUpToDate(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  if (
    claimHasStaleOwnerRef(claim, set.metadata.name, set.metadata.uid, STATEFUL_SET_OWNER_KIND) ||
    claimHasStaleOwnerRef(claim, pod.metadata.name, pod.metadata.uid, POD_OWNER_KIND)
  ) {
    return true;
  }
  if (hasUnexpectedController(claim, set, pod)) {
    return !(hasOwnerRef(claim, set.metadata.uid) || hasOwnerRef(claim, pod.metadata.uid));
  }
  if (hasNonControllerOwner(claim, set, pod)) return false;
  const policy = statefulSetClaimRetention(set);
  const setRef = hasOwnerRef(claim, set.metadata.uid);
  const podRef = hasOwnerRef(claim, pod.metadata.uid);
  const scaledDown = !statefulPodInOrdinalRange(pod, set);
  if (policy.whenScaled === 'Retain' && policy.whenDeleted === 'Retain') return !setRef && !podRef;
  if (policy.whenScaled === 'Retain') return setRef && !podRef;
  if (policy.whenDeleted === 'Retain') return !setRef && scaledDown === podRef;
  return scaledDown !== setRef && scaledDown === podRef;
}

/** updateClaimOwnerRefForSetAndPod: the claim's references rewritten for the policy. */
export function claimOwnerRefsForPolicy(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): OwnerReference[] {
  const unexpected = hasUnexpectedController(claim, set, pod);
  let refs = (claim.metadata.ownerReferences ?? []).filter(
    (r) => !matchesRef(r, set.metadata.name, STATEFUL_SET_OWNER_KIND) && !matchesRef(r, pod.metadata.name, POD_OWNER_KIND),
  );
  if (unexpected) return refs;
  const add = (owner: StatefulSet | Pod, kind: OwnerKind) => {
    if (!refs.some((r) => r.uid === (owner.metadata.uid ?? ''))) refs = [...refs, newControllerRef(owner, kind)];
  };
  const policy = statefulSetClaimRetention(set);
  const scaledDown = !statefulPodInOrdinalRange(pod, set);
  if (policy.whenScaled === 'Retain' && policy.whenDeleted === 'Delete') add(set, STATEFUL_SET_OWNER_KIND);
  else if (policy.whenScaled === 'Delete' && policy.whenDeleted === 'Retain') {
    if (scaledDown) add(pod, POD_OWNER_KIND);
  } else if (policy.whenScaled === 'Delete' && policy.whenDeleted === 'Delete') {
    if (scaledDown) add(pod, POD_OWNER_KIND);
    else add(set, STATEFUL_SET_OWNER_KIND);
  }
  return refs;
}

/** A copy of the claim with its references fixed for the policy; undefined when already right. */
export function claimUpdatedForPolicy(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): PersistentVolumeClaim | undefined {
  if (isClaimOwnerUpToDate(claim, set, pod)) return undefined;
  const refs = claimOwnerRefsForPolicy(claim, set, pod);
  const copy = structuredClone(claim);
  if (refs.length) copy.metadata.ownerReferences = refs;
  else delete copy.metadata.ownerReferences;
  return copy;
}

/**
 * PodClaimIsStale: with whenScaled Delete, a claim still owned by an earlier pod of the same
 * name (another uid; a pod not created yet has none) is on its way out; the pod waits.
 */
export function podClaimIsStale(set: StatefulSet, pod: Pod, claims: readonly (PersistentVolumeClaim | undefined)[]): boolean {
  if (statefulSetClaimRetention(set).whenScaled === 'Retain') return false;
  return claims.some((c) => !!c && claimHasStaleOwnerRef(c, pod.metadata.name, pod.metadata.uid, POD_OWNER_KIND));
}
