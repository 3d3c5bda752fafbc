import type { Pod, PodCondition } from '../kinds/pod';
import type { PodTemplateSpec } from '../kinds/pod-template';
import type { KubeObject, ObjectMeta, OwnerReference } from '../meta/types';
import { matches, type LabelSelectorRequirements } from '../selectors/label-requirement';

/**
 * Pod helpers shared by the workload controllers (Kubernetes' pkg/controller
 * controller_utils.go, controller_ref_manager.go and api/v1/pod util).
 */

/** The apiVersion and kind an owner reference names. */
export interface OwnerKind {
  apiVersion: string;
  kind: string;
}

/** controller.IsPodActive: not terminating and not in a terminal phase. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

/** The pod's Ready condition (the first one, as GetPodCondition finds it). */
export function podReadyCondition(pod: Pod): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return podReadyCondition(pod)?.status === 'True';
}

/** Milliseconds since the epoch of an RFC 3339 time; undefined for a missing or unparsable (Go's zero) time. */
export function timeMillis(time: string | null | undefined): number | undefined {
  if (!time) return undefined;
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? undefined : ms;
}

/** When a ready pod turned ready (its Ready condition's lastTransitionTime); undefined if not ready or unknown. */
export function podReadySince(pod: Pod): number | undefined {
  const c = podReadyCondition(pod);
  return c?.status === 'True' ? timeMillis(c.lastTransitionTime) : undefined;
}

/**
 * podutil.IsPodAvailable: ready, and ready for more than `minReadySeconds` at `now`
 * (strictly: a pod that turned ready exactly minReadySeconds ago is not yet available).
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number | undefined, now: Date): boolean {
  if (!isPodReady(pod)) return false;
  if (!minReadySeconds) return true;
  const since = podReadySince(pod);
  return since !== undefined && since + minReadySeconds * 1000 < now.getTime();
}

/**
 * When a ready but not yet available pod becomes available (the first instant
 * isPodAvailable turns true), in epoch milliseconds; undefined when it is already
 * available, not ready, or has no ready time.
 */
export function podBecomesAvailableAt(pod: Pod, minReadySeconds: number | undefined, now: Date): number | undefined {
  if (!minReadySeconds || !isPodReady(pod) || isPodAvailable(pod, minReadySeconds, now)) return undefined;
  const since = podReadySince(pod);
  return since === undefined ? undefined : since + minReadySeconds * 1000 + 1;
}

/** The earliest of several epoch-millisecond instants as seconds after `now` (fractional, never negative). */
export function secondsUntilEarliest(instants: readonly (number | undefined)[], now: Date): number | undefined {
  const defined = instants.filter((t): t is number => t !== undefined);
  if (defined.length === 0) return undefined;
  return Math.max(0, (Math.min(...defined) - now.getTime()) / 1000);
}

/** metav1.NewControllerRef: the owner reference a controller puts on what it creates or adopts. */
export function newControllerRef(owner: KubeObject, gvk: OwnerKind): OwnerReference {
  return {
    apiVersion: gvk.apiVersion,
    kind: gvk.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** metav1.GetControllerOf: the owner reference with controller: true, if any. */
export function controllerRefOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

/** metav1.IsControlledBy: the object's controller reference points at this owner's uid. */
export function isControlledBy(obj: KubeObject, owner: KubeObject): boolean {
  const ref = controllerRefOf(obj);
  return !!ref && !!owner.metadata.uid && ref.uid === owner.metadata.uid;
}

/** A copy of `obj` with `ref` added to its owner references (adoption as a full-object update). */
export function withOwnerRef<T extends KubeObject>(obj: T, ref: OwnerReference): T {
  const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== ref.uid);
  return { ...obj, metadata: { ...obj.metadata, ownerReferences: [...refs, ref] } };
}

/** A copy of `obj` without the owner reference to `ownerUid` (release as a full-object update). */
export function withoutOwnerRef<T extends KubeObject>(obj: T, ownerUid: string): T {
  const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
  const metadata: ObjectMeta = { ...obj.metadata, ownerReferences: refs };
  if (refs.length === 0) delete metadata.ownerReferences;
  return { ...obj, metadata };
}

/**
 * The strategic merge patch Kubernetes sends to adopt an object; the uid guards
 * against adopting a different object that reused the name.
 */
export function adoptionPatch(obj: KubeObject, ref: OwnerReference): Record<string, unknown> {
  return { metadata: { ownerReferences: [ref], uid: obj.metadata.uid } };
}

/** The strategic merge patch Kubernetes sends to release an object (drop our owner reference). */
export function releasePatch(obj: KubeObject, ownerUid: string): Record<string, unknown> {
  return { metadata: { ownerReferences: [{ $patch: 'delete', uid: ownerUid }], uid: obj.metadata.uid } };
}

/** The max length of a name; a prefix too long to leave room for the random suffix is used bare. */
const MAX_NAME_LENGTH = 253;

/**
 * controller.GetPodFromTemplate: the pod a controller creates for `owner` — generateName
 * `<owner>-`, the template's labels, annotations and finalizers, a controller reference
 * and a copy of the template's spec. The caller creates it in the owner's namespace.
 */
export function podFromTemplate(template: PodTemplateSpec | undefined, owner: KubeObject, controllerRef?: OwnerReference): Pod {
  const name = owner.metadata.name ?? '';
  const prefix = `${name}-`;
  const meta = template?.metadata ?? {};
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: prefix.length <= MAX_NAME_LENGTH ? prefix : name,
      namespace: owner.metadata.namespace,
    },
    spec: structuredClone(template?.spec ?? { containers: [] }),
  };
  if (meta.labels && Object.keys(meta.labels).length) pod.metadata.labels = { ...meta.labels };
  if (meta.annotations && Object.keys(meta.annotations).length) pod.metadata.annotations = { ...meta.annotations };
  if (meta.finalizers?.length) pod.metadata.finalizers = [...meta.finalizers];
  if (controllerRef) pod.metadata.ownerReferences = [{ ...controllerRef }];
  return pod;
}

/** What ClaimObjects decides for one owner. */
export interface ClaimResult<T extends KubeObject> {
  /** Everything the owner manages after this claim: `owned` plus `adopt`. */
  claimed: T[];
  /** Already controlled by the owner and still matching. */
  owned: T[];
  /** Orphans the owner must adopt (add its controller reference), as they are now. */
  adopt: T[];
  /** Objects the owner controls that no longer match: remove its owner reference. */
  release: T[];
}

/**
 * BaseControllerRefManager.ClaimObject over a list: owned-and-matching objects are kept,
 * owned ones that stopped matching are released (unless the owner is being deleted),
 * matching orphans in the owner's namespace are adopted unless the owner or the orphan
 * is being deleted, and anything controlled by someone else is left alone.
 */
export function claimObjects<T extends KubeObject>(
  owner: KubeObject,
  selector: LabelSelectorRequirements,
  objects: readonly T[],
  match: (obj: T) => boolean = (obj) => matches(selector, obj.metadata.labels),
): ClaimResult<T> {
  const result: ClaimResult<T> = { claimed: [], owned: [], adopt: [], release: [] };
  const ownerDeleting = !!owner.metadata.deletionTimestamp;
  const ownerNamespace = owner.metadata.namespace;
  for (const obj of objects) {
    const ref = controllerRefOf(obj);
    if (ref) {
      if (ref.uid !== owner.metadata.uid) continue;
      if (match(obj)) {
        result.owned.push(obj);
        result.claimed.push(obj);
      } else if (!ownerDeleting) {
        result.release.push(obj);
      }
      continue;
    }
    if (ownerDeleting || !match(obj)) continue;
    if (obj.metadata.deletionTimestamp) continue;
    if (ownerNamespace && ownerNamespace !== obj.metadata.namespace) continue;
    result.adopt.push(obj);
    result.claimed.push(obj);
  }
  return result;
}

/**
 * PodControllerRefManager.ClaimPods: which pods `owner` manages (`claimed`), which
 * orphans it adopts and which of its pods it releases. `selector` is the owner's parsed
 * selector (null matches nothing).
 */
export function claimPods(owner: KubeObject, selector: LabelSelectorRequirements, pods: readonly Pod[]): ClaimResult<Pod> {
  return claimObjects(owner, selector, pods);
}
