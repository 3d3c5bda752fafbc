import type { DaemonSet } from '../kinds/daemon-set';
import type { Node } from '../kinds/node';
import type { Pod } from '../kinds/pod';
import { nodeAffinityFilter, nodeUnschedulableFilter, taintTolerationFilter } from '../scheduling/filters';
import { newNodeInfo } from '../scheduling/node-info';
import { newPodInfo, type PodInfo } from '../scheduling/pod-info';
import { findUntoleratedTaint } from '../scheduling/tolerations';
import { withDaemonPodTolerations } from './daemon-set-pods';

/**
 * Which nodes a DaemonSet runs on (Kubernetes' NodeShouldRunDaemonPod and predicates),
 * decided with the scheduler's own filters on the pod the DaemonSet would create there —
 * its nodeSelector and required node affinity, and the node's taints against its
 * tolerations (the template's plus the daemon defaults, so cordoned nodes and nodes under
 * pressure still qualify). Resources and host ports are the scheduler's business, as in
 * Kubernetes: a pod that does not fit stays Pending.
 */

/** NodeShouldRunDaemonPod's two answers for one node. */
export interface DaemonNodeEligibility {
  /** A daemon pod should be created on the node when none is there. */
  shouldRun: boolean;
  /** A daemon pod already on the node may stay (it tolerates every NoExecute taint). */
  shouldContinueRunning: boolean;
}

const NO_EXECUTE: ReadonlySet<string> = new Set(['NoExecute']);

/**
 * NewPod: the scheduler's view of the DaemonSet's pod — its template with the default daemon
 * tolerations, before it is pinned to a node. Compute once per reconcile; it does not depend on the node.
 */
export function daemonSetPodInfo(ds: DaemonSet): PodInfo {
  const template = ds.spec?.template;
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...(template?.metadata ?? {}), namespace: ds.metadata.namespace },
    spec: withDaemonPodTolerations(template?.spec ?? { containers: [] }),
  };
  return newPodInfo(pod);
}

/**
 * NodeShouldRunDaemonPod: the node must be the template's spec.nodeName (when set) and match
 * its node affinity, else the DaemonSet neither runs nor stays there; an untolerated
 * NoSchedule or NoExecute taint (a not-Ready node counts as tainted not-ready:NoSchedule,
 * see implicitReadinessTaint) stops new pods, and only an untolerated NoExecute taint
 * evicts the pod already there.
 */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet, podInfo: PodInfo = daemonSetPodInfo(ds)): DaemonNodeEligibility {
  const name = node.metadata.name ?? '';
  const templateNode = ds.spec?.template?.spec?.nodeName;
  if (templateNode && templateNode !== name) return { shouldRun: false, shouldContinueRunning: false };
  const info = newNodeInfo(node);
  if (nodeAffinityFilter(podInfo, info) !== undefined) return { shouldRun: false, shouldContinueRunning: false };
  if (nodeUnschedulableFilter(podInfo, info) === undefined && taintTolerationFilter(podInfo, info) === undefined) {
    return { shouldRun: true, shouldContinueRunning: true };
  }
  const evicting = findUntoleratedTaint(node.spec?.taints ?? [], podInfo.tolerations, NO_EXECUTE);
  return { shouldRun: false, shouldContinueRunning: !evicting };
}
