import type { ControllerRevision } from '../kinds/controller-revision';
import type { DaemonSet, DaemonSetStatus } from '../kinds/daemon-set';
import type { Node } from '../kinds/node';
import type { Pod } from '../kinds/pod';
import type { OwnerReference } from '../meta/types';
import { labelSelectorAsRequirements } from '../selectors/label-selector-object';
import { claimObjects, isPodAvailable, isPodReady, newControllerRef, podBecomesAvailableAt, secondsUntilEarliest } from '../workloads/pod-control';
import { BURST_REPLICAS } from '../workloads/replica-set';
import { CONTROLLER_REVISION_HASH_LABEL } from '../statefulsets/controller-history';
import { daemonSetHistoryPlan, daemonSetHistoryToDelete } from './daemon-set-history';
import { daemonSetPodInfo, nodeShouldRunDaemonPod, type DaemonNodeEligibility } from './daemon-set-nodes';
import { compareDaemonPods, DAEMON_SET_OWNER_KIND, daemonPodTargetNode, newDaemonPod } from './daemon-set-pods';
import { daemonSetAllowsSurge, daemonSetRollingUpdate, isDaemonSetRollingUpdate } from './daemon-set-rolling';
import { daemonSetStatus, daemonSetStatusChanged } from './daemon-set-status';

/**
 * The DaemonSet controller's decision (Kubernetes' pkg/controller/daemon: syncDaemonSet,
 * manage, podsShouldBeOnNode, rollingUpdate, cleanupHistory, updateDaemonSetStatus): one
 * pod per eligible node, none elsewhere, failed and surplus pods replaced, and a
 * RollingUpdate within maxUnavailable / maxSurge.
 */

/** Inputs of {@link daemonSetDecision}. */
export interface DaemonSetDecisionInput {
  /** The DaemonSet, as read (defaulted by the API). */
  ds: DaemonSet;
  /** Every Node. */
  nodes: readonly Node[];
  /** The pods of the DaemonSet's namespace (every phase). */
  pods: readonly Pod[];
  /** The ControllerRevisions of the namespace. */
  revisions: readonly ControllerRevision[];
  now: Date;
  /** At most this many creates and this many deletes (default {@link BURST_REPLICAS}). */
  burstReplicas?: number;
}

/** An Event to record on the DaemonSet. */
export interface DaemonSetEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

/**
 * What one DaemonSet reconcile must write, in this order; updates and deletes carry the
 * resourceVersion / uid they were decided on, and any failure means: stop, requeue,
 * decide again on fresh reads.
 */
export interface DaemonSetDecision {
  controllerRef: OwnerReference;
  /** 1. Revisions: adopt orphans (adoptionPatch), release strays (releasePatch). */
  adoptRevisions: ControllerRevision[];
  releaseRevisions: ControllerRevision[];
  /** 2. Create this revision (the template is new). AlreadyExists: requeue. */
  createRevision?: ControllerRevision;
  /** 3. Update these revisions (full objects: hash label added, or renumbered on rollback). */
  updateRevisions: ControllerRevision[];
  /** 4. Pods: adopt orphans, release strays. */
  adoptPods: Pod[];
  releasePods: Pod[];
  /** 5. Relabel these pods (full objects; the hash of a deleted duplicate revision), then delete `duplicateRevisions`. */
  relabelPods: Pod[];
  duplicateRevisions: ControllerRevision[];
  /** 6. Create these pods (generateName; pinned to their node by required node affinity). Slow-start batches suit them. */
  createPods: Pod[];
  /** 7. Delete these pods (uid precondition; NotFound is fine). */
  deletePods: Pod[];
  /** 8. Delete these old revisions (revisionHistoryLimit). */
  deleteRevisions: ControllerRevision[];
  /** 9. The status to write through /status when `statusChanged` (also after a failure above). */
  status: DaemonSetStatus;
  statusChanged: boolean;
  /** The revision hash new pods carry (controller-revision-hash). */
  hash: string;
  /** The nodes `createPods` are for, in the same order (for logs). */
  nodesNeedingPods: string[];
  events: DaemonSetEvent[];
  /** Reconcile again after this many seconds (fractional): a ready pod becomes available (minReadySeconds). */
  requeueAfterSeconds?: number;
  /** Nothing (or only part) could be decided: log it, do not retry hot. */
  error?: string;
}

function emptyDecision(ds: DaemonSet, controllerRef: OwnerReference, extra: Partial<DaemonSetDecision> = {}): DaemonSetDecision {
  const status = ds.status ?? { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 };
  return {
    controllerRef,
    adoptRevisions: [],
    releaseRevisions: [],
    updateRevisions: [],
    adoptPods: [],
    releasePods: [],
    relabelPods: [],
    duplicateRevisions: [],
    createPods: [],
    deletePods: [],
    deleteRevisions: [],
    status,
    statusChanged: false,
    hash: '',
    nodesNeedingPods: [],
    events: [],
    ...extra,
  };
}

function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded';
}

/** getNodesToDaemonPods: claimed pods by target node; terminal pods already being deleted are left out unless asked for. */
function nodeToDaemonPods(pods: readonly Pod[], includeDeletedTerminal: boolean): Map<string, Pod[]> {
  const map = new Map<string, Pod[]>();
  for (const pod of pods) {
    if (!includeDeletedTerminal && isTerminal(pod) && pod.metadata.deletionTimestamp) continue;
    const node = daemonPodTargetNode(pod);
    if (node === undefined) continue;
    const list = map.get(node) ?? [];
    list.push(pod);
    map.set(node, list);
  }
  return map;
}

/**
 * One level-triggered reconcile of a DaemonSet. Like Kubernetes, a rolling-update step is
 * taken only when the core loop has nothing to create or delete (its expectations would
 * otherwise be pending). Applying the result and deciding again yields nothing more until
 * pods, nodes or time change.
 */
export function daemonSetDecision(input: DaemonSetDecisionInput): DaemonSetDecision {
  const { ds, now } = input;
  const burst = input.burstReplicas ?? BURST_REPLICAS;
  const controllerRef = newControllerRef(ds, DAEMON_SET_OWNER_KIND);
  const selector = ds.spec?.selector;
  if (selector && !Object.keys(selector.matchLabels ?? {}).length && !(selector.matchExpressions ?? []).length) {
    return emptyDecision(ds, controllerRef, {
      events: [{ type: 'Warning', reason: 'SelectingAll', message: 'This daemon set is selecting all pods. A non-empty selector is required.' }],
    });
  }
  const conversion = labelSelectorAsRequirements(selector, 'spec.selector');
  if (!conversion.ok) {
    return emptyDecision(ds, controllerRef, { error: `DaemonSet ${ds.metadata.namespace ?? ''}/${ds.metadata.name ?? ''} has an invalid label selector` });
  }
  // A DaemonSet being deleted: its revisions may be gone already, so nothing (not even status) is computed.
  if (ds.metadata.deletionTimestamp) return emptyDecision(ds, controllerRef);
  const requirements = conversion.requirements;

  const revisionClaim = claimObjects(ds, requirements, input.revisions);
  const podClaim = claimObjects(ds, requirements, input.pods);
  const claimed = podClaim.claimed;
  const history = daemonSetHistoryPlan(ds, revisionClaim.claimed, input.revisions, claimed);
  const hash = history.hash;

  const podInfo = daemonSetPodInfo(ds);
  const eligibility = new Map<string, DaemonNodeEligibility>();
  for (const node of input.nodes) eligibility.set(node.metadata.name ?? '', nodeShouldRunDaemonPod(node, ds, podInfo));
  const shouldRun = (name: string) => eligibility.get(name)?.shouldRun ?? false;

  const byNode = nodeToDaemonPods(claimed, false);
  const events: DaemonSetEvent[] = [];
  const allowsSurge = daemonSetAllowsSurge(ds);
  const nodesNeeding: string[] = [];
  const toDelete = new Map<string, Pod>();
  const remove = (pod: Pod) => toDelete.set(pod.metadata.uid ?? pod.metadata.name ?? '', pod);

  // manage → podsShouldBeOnNode, for every node.
  for (const node of input.nodes) {
    const name = node.metadata.name ?? '';
    const { shouldRun: run, shouldContinueRunning } = eligibility.get(name) ?? { shouldRun: false, shouldContinueRunning: false };
    const daemonPods = byNode.get(name);
    if (run && !daemonPods) {
      nodesNeeding.push(name);
    } else if (shouldContinueRunning) {
      const running: Pod[] = [];
      for (const pod of daemonPods ?? []) {
        if (pod.metadata.deletionTimestamp) continue;
        if (pod.status?.phase === 'Failed') {
          events.push({
            type: 'Warning',
            reason: 'FailedDaemonPod',
            message: `Found failed daemon pod ${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''} on node ${name}, will try to kill it`,
          });
          remove(pod);
        } else if (pod.status?.phase === 'Succeeded') {
          events.push({
            type: 'Normal',
            reason: 'SucceededDaemonPod',
            message: `Found succeeded daemon pod ${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''} on node ${name}, will try to delete it`,
          });
          remove(pod);
        } else {
          running.push(pod);
        }
      }
      running.sort(compareDaemonPods);
      if (!allowsSurge) {
        // One pod per node: keep the oldest.
        for (const extra of running.slice(1)) remove(extra);
      } else if (running.length === 0) {
        if (run) nodesNeeding.push(name);
      } else if (running.length > 1) {
        // Surging: keep at most the oldest new pod and the oldest old pod; the old one goes once the new one is available.
        let oldestNew: Pod | undefined;
        let oldestOld: Pod | undefined;
        for (const pod of running) {
          const isNew = pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash;
          if (isNew && !oldestNew) oldestNew = pod;
          else if (!isNew && !oldestOld) oldestOld = pod;
          else remove(pod);
        }
        if (oldestNew && oldestOld) {
          if (!isPodReady(oldestOld) || isPodAvailable(oldestNew, ds.spec?.minReadySeconds ?? 0, now)) remove(oldestOld);
        }
      }
    } else if (daemonPods) {
      for (const pod of daemonPods) if (!pod.metadata.deletionTimestamp) remove(pod);
    }
  }
  // getUnscheduledPodsWithoutNode: unbound pods for nodes that no longer exist (pod GC never sees them).
  for (const [node, pods] of byNode) {
    if (eligibility.has(node)) continue;
    for (const pod of pods) if (!pod.spec?.nodeName) remove(pod);
  }

  let error: string | undefined;
  if (nodesNeeding.length === 0 && toDelete.size === 0 && isDaemonSetRollingUpdate(ds)) {
    const withWanted = new Map<string, readonly Pod[]>(byNode);
    let desired = 0;
    for (const node of input.nodes) {
      const name = node.metadata.name ?? '';
      if (!shouldRun(name)) continue;
      desired++;
      if (!withWanted.has(name)) withWanted.set(name, []);
    }
    const step = daemonSetRollingUpdate({ ds, nodeToDaemonPods: withWanted, desiredNumberScheduled: desired, shouldRun, hash, now });
    for (const pod of step.podsToDelete) remove(pod);
    nodesNeeding.push(...step.nodesToCreate);
    error = step.error;
  }

  const creates = nodesNeeding.slice(0, burst);
  const createPods = creates.map((node) => newDaemonPod(ds, hash, node, controllerRef));
  const deletePods = [...toDelete.values()].slice(0, burst);

  const status = daemonSetStatus({
    ds,
    nodes: input.nodes,
    nodeToDaemonPods: byNode,
    shouldRun: (node) => shouldRun(node.metadata.name ?? ''),
    hash,
    collisionCount: history.collisionCount,
    now,
  });
  const decision: DaemonSetDecision = {
    controllerRef,
    adoptRevisions: revisionClaim.adopt,
    releaseRevisions: revisionClaim.release,
    updateRevisions: history.update,
    adoptPods: podClaim.adopt,
    releasePods: podClaim.release,
    relabelPods: history.relabelPods,
    duplicateRevisions: history.delete,
    createPods,
    deletePods,
    deleteRevisions: daemonSetHistoryToDelete(ds, history.old, claimed),
    status,
    statusChanged: daemonSetStatusChanged(ds, status),
    hash,
    nodesNeedingPods: creates,
    events,
  };
  if (history.create) decision.createRevision = history.create;
  if (error) decision.error = error;
  const minReady = ds.spec?.minReadySeconds ?? 0;
  if (minReady > 0) {
    const requeue = secondsUntilEarliest(
      claimed.map((p) => podBecomesAvailableAt(p, minReady, now)),
      now,
    );
    if (requeue !== undefined) decision.requeueAfterSeconds = requeue;
  }
  return decision;
}
