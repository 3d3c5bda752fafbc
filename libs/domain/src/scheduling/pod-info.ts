import type { Pod, Toleration } from '../kinds/pod';
import { podHostPorts, type HostPort } from './host-ports';
import {
  compilePreferredNodeAffinity,
  compileRequiredNodeAffinity,
  type RequiredNodeAffinity,
  type WeightedNodeSelectorTerm,
} from './node-affinity';
import { podRequests, type Resources } from './resources';

/**
 * What the scheduler needs of one pod, computed once (kube-scheduler's PodInfo plus its
 * PreFilter state) so filtering and scoring a thousand nodes reads no quantities and
 * parses no selectors.
 */
export interface PodInfo {
  readonly pod: Pod;
  /** The cache key: the uid, or `namespace/name` for a pod not stored yet. */
  readonly key: string;
  /** Effective requests (containers, init containers, overhead); no request counts 0. */
  readonly requests: Resources;
  /** The same with a missing cpu/memory request counted as 100m/200Mi, for scoring. */
  readonly nonZeroRequests: Resources;
  readonly hostPorts: readonly HostPort[];
  readonly tolerations: readonly Toleration[];
  /** nodeSelector + required node affinity; undefined when the pod has neither. */
  readonly requiredNodeAffinity: RequiredNodeAffinity | undefined;
  readonly preferredNodeAffinity: readonly WeightedNodeSelectorTerm[];
  /** The uid of the controller owning the pod (its ownerReference with `controller: true`). */
  readonly controllerUid: string | undefined;
}

/** The cache key of a pod: its uid, or `namespace/name` before it has one. */
export function podKey(pod: Pod): string {
  return pod.metadata.uid || `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;
}

/** The uid of the pod's controller (metav1.GetControllerOf), if any. */
export function controllerUidOf(pod: Pod): string | undefined {
  return pod.metadata.ownerReferences?.find((r) => r.controller === true)?.uid;
}

/** Builds the scheduler's view of a pod. */
export function newPodInfo(pod: Pod): PodInfo {
  return {
    pod,
    key: podKey(pod),
    requests: podRequests(pod),
    nonZeroRequests: podRequests(pod, { nonMissing: true }),
    hostPorts: podHostPorts(pod),
    tolerations: pod.spec?.tolerations ?? [],
    requiredNodeAffinity: compileRequiredNodeAffinity(pod.spec),
    preferredNodeAffinity: compilePreferredNodeAffinity(pod.spec),
    controllerUid: controllerUidOf(pod),
  };
}

/** Tells a PodInfo from a Pod (a Pod always has metadata, a PodInfo never does). */
export function isPodInfo(x: Pod | PodInfo): x is PodInfo {
  return !('metadata' in x) && 'key' in x && 'requests' in x;
}

/** The PodInfo of a pod, or the PodInfo itself. */
export function toPodInfo(x: Pod | PodInfo): PodInfo {
  return isPodInfo(x) ? x : newPodInfo(x);
}
