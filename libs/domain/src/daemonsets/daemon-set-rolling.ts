import type { DaemonSet } from '../kinds/daemon-set';
import type { Pod } from '../kinds/pod';
import { scaledValueFromIntOrPercent } from '../workloads/deployment-fenceposts';
import { isPodAvailable } from '../workloads/pod-control';
import { daemonSetTemplateGeneration, isDaemonPodUpdated } from './daemon-set-pods';

/**
 * The DaemonSet RollingUpdate strategy (Kubernetes' rollingUpdate in update.go and
 * util.SurgeCount / UnavailableCount). Without surge, old pods are deleted while fewer than
 * maxUnavailable daemon nodes are unavailable, and the core loop recreates them at the new
 * revision; with surge, a new pod is started next to an old one on up to maxSurge nodes and
 * the old one is deleted once the new one is available.
 */

/** Whether the strategy is RollingUpdate (the API's default). */
export function isDaemonSetRollingUpdate(ds: DaemonSet): boolean {
  return (ds.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/** SurgeCount: maxSurge of `desired` nodes, rounded up (0 when not rolling or not set); undefined when invalid. */
export function daemonSetSurgeCount(ds: DaemonSet, desired: number): number | undefined {
  if (!isDaemonSetRollingUpdate(ds)) return 0;
  const ru = ds.spec?.updateStrategy?.rollingUpdate;
  if (!ru || ru.maxSurge === undefined || ru.maxSurge === null) return 0;
  return scaledValueFromIntOrPercent(ru.maxSurge, desired, true);
}

/** UnavailableCount: maxUnavailable (default 1) of `desired` nodes, rounded up; undefined when invalid. */
export function daemonSetUnavailableCount(ds: DaemonSet, desired: number): number | undefined {
  if (!isDaemonSetRollingUpdate(ds)) return 0;
  const ru = ds.spec?.updateStrategy?.rollingUpdate;
  return scaledValueFromIntOrPercent(ru?.maxUnavailable ?? 1, desired, true);
}

/** AllowsSurge: maxSurge is set and not zero. */
export function daemonSetAllowsSurge(ds: DaemonSet): boolean {
  const surge = daemonSetSurgeCount(ds, 1);
  return surge !== undefined && surge !== 0;
}

/** findUpdatedPodsOnNode: the node's live new and old pod; ok false when it has more than one of either. */
function updatedPodsOnNode(pods: readonly Pod[], hash: string, generation: number | undefined): { newPod?: Pod; oldPod?: Pod; ok: boolean } {
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    if (isDaemonPodUpdated(pod, hash, generation)) {
      if (newPod) return { ok: false };
      newPod = pod;
    } else {
      if (oldPod) return { ok: false };
      oldPod = pod;
    }
  }
  return { newPod, oldPod, ok: true };
}

/** Inputs of {@link daemonSetRollingUpdate}. */
export interface DaemonSetRollingUpdateInput {
  ds: DaemonSet;
  /** Daemon pods by target node (terminal pods being deleted left out), including an empty list for every node that should run one. */
  nodeToDaemonPods: ReadonlyMap<string, readonly Pod[]>;
  /** How many nodes should run a daemon pod. */
  desiredNumberScheduled: number;
  /** Whether a daemon pod should be started on the node (shouldRun), for the surge path. */
  shouldRun: (nodeName: string) => boolean;
  hash: string;
  now: Date;
}

/** What one rolling-update step does; the core loop (manage) takes it from there. */
export interface DaemonSetRollingUpdateStep {
  podsToDelete: Pod[];
  nodesToCreate: string[];
  /** maxSurge / maxUnavailable could not be resolved. */
  error?: string;
}

/** rollingUpdate: the old pods to delete and the nodes to surge onto now. Nodes are taken in name order. */
export function daemonSetRollingUpdate(input: DaemonSetRollingUpdateInput): DaemonSetRollingUpdateStep {
  const { ds, hash, now, desiredNumberScheduled } = input;
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const generation = daemonSetTemplateGeneration(ds);
  let maxUnavailable = daemonSetUnavailableCount(ds, desiredNumberScheduled);
  const maxSurge = daemonSetSurgeCount(ds, desiredNumberScheduled);
  if (maxUnavailable === undefined) return { podsToDelete: [], nodesToCreate: [], error: 'invalid value for MaxUnavailable' };
  if (maxSurge === undefined) return { podsToDelete: [], nodesToCreate: [], error: 'invalid value for MaxSurge' };
  // Neither surge nor unavailability allowed: accept one unavailable node, as Kubernetes does.
  if (desiredNumberScheduled > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  const nodes = [...input.nodeToDaemonPods.keys()].sort();
  const available = (pod: Pod) => isPodAvailable(pod, minReady, now);

  if (maxSurge === 0) {
    let numUnavailable = 0;
    const replacements: Pod[] = [];
    const candidates: Pod[] = [];
    for (const node of nodes) {
      const { newPod, oldPod, ok } = updatedPodsOnNode(input.nodeToDaemonPods.get(node) ?? [], hash, generation);
      if (!ok) {
        numUnavailable++;
        continue;
      }
      if ((!oldPod && !newPod) || (oldPod && newPod)) {
        numUnavailable++;
      } else if (newPod) {
        if (!available(newPod)) numUnavailable++;
      } else if (oldPod) {
        if (!available(oldPod)) {
          replacements.push(oldPod);
          numUnavailable++;
        } else if (numUnavailable < maxUnavailable) {
          candidates.push(oldPod);
        }
      }
    }
    const remaining = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidates.length);
    return { podsToDelete: [...replacements, ...candidates.slice(0, remaining)], nodesToCreate: [] };
  }

  const oldPodsToDelete: Pod[] = [];
  const shouldNotRunPodsToDelete: Pod[] = [];
  const candidateNewNodes: string[] = [];
  const allowedNewNodes: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  for (const node of nodes) {
    const { newPod, oldPod, ok } = updatedPodsOnNode(input.nodeToDaemonPods.get(node) ?? [], hash, generation);
    if (!ok) {
      numSurge++;
      continue;
    }
    if (oldPod) {
      if (available(oldPod)) numAvailable++;
    } else if (newPod && available(newPod)) {
      numAvailable++;
    }
    if (!oldPod) continue;
    if (!newPod) {
      if (!available(oldPod)) {
        if (!input.shouldRun(node)) oldPodsToDelete.push(oldPod);
        else allowedNewNodes.push(node);
      } else if (!input.shouldRun(node)) {
        shouldNotRunPodsToDelete.push(oldPod);
      } else if (numSurge < maxSurge) {
        candidateNewNodes.push(node);
      }
      continue;
    }
    // Already surged here: wait for the new pod, then retire the old one.
    if (!available(newPod)) numSurge++;
    else oldPodsToDelete.push(oldPod);
  }
  // Pods on nodes that no longer qualify go only once enough pods elsewhere are available.
  const deletable = Math.min(numAvailable - desiredNumberScheduled, shouldNotRunPodsToDelete.length);
  if (deletable > 0) oldPodsToDelete.push(...shouldNotRunPodsToDelete.slice(0, deletable));
  const remainingSurge = Math.min(Math.max(0, maxSurge - numSurge), candidateNewNodes.length);
  return { podsToDelete: oldPodsToDelete, nodesToCreate: [...allowedNewNodes, ...candidateNewNodes.slice(0, remainingSurge)] };
}
