import type { DaemonSet, DaemonSetStatus } from '../kinds/daemon-set';
import type { Node } from '../kinds/node';
import type { Pod } from '../kinds/pod';
import { isPodAvailable, isPodReady } from '../workloads/pod-control';
import { compareDaemonPods, daemonSetTemplateGeneration, isDaemonPodUpdated } from './daemon-set-pods';

/**
 * A DaemonSet's status (Kubernetes' updateDaemonSetStatus / storeDaemonSetStatus), which
 * `kubectl rollout status daemonset` reads: once observedGeneration ≥ generation, it waits
 * for updatedNumberScheduled, then numberAvailable, to reach desiredNumberScheduled.
 */

/** Inputs of {@link daemonSetStatus}. */
export interface DaemonSetStatusInput {
  ds: DaemonSet;
  nodes: readonly Node[];
  /** Daemon pods by target node (terminal pods being deleted left out). */
  nodeToDaemonPods: ReadonlyMap<string, readonly Pod[]>;
  /** Whether a daemon pod should run on the node (NodeShouldRunDaemonPod's shouldRun). */
  shouldRun: (node: Node) => boolean;
  hash: string;
  /** status.collisionCount to write (raised when a revision name collided). */
  collisionCount: number | undefined;
  now: Date;
}

/**
 * Per node that should run the DaemonSet: desiredNumberScheduled; currentNumberScheduled
 * when it has a daemon pod; numberReady / numberAvailable / updatedNumberScheduled judged on
 * its oldest pod (bound pods first); numberMisscheduled counts nodes that have a daemon pod
 * but should not; numberUnavailable = desired − available. observedGeneration becomes the
 * generation; conditions are kept as they were.
 */
export function daemonSetStatus(input: DaemonSetStatusInput): DaemonSetStatus {
  const { ds, now, hash } = input;
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const generation = daemonSetTemplateGeneration(ds);
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let updated = 0;
  let available = 0;
  for (const node of input.nodes) {
    const pods = input.nodeToDaemonPods.get(node.metadata.name ?? '') ?? [];
    const scheduled = pods.length > 0;
    if (!input.shouldRun(node)) {
      if (scheduled) misscheduled++;
      continue;
    }
    desired++;
    if (!scheduled) continue;
    current++;
    const pod = [...pods].sort(compareDaemonPods)[0];
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, now)) available++;
    }
    if (isDaemonPodUpdated(pod, hash, generation)) updated++;
  }
  const status: DaemonSetStatus = {
    ...structuredClone(ds.status ?? { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 }),
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
    updatedNumberScheduled: updated,
    numberAvailable: available,
    numberUnavailable: desired - available,
  };
  const observed = Math.max(ds.metadata.generation ?? 0, ds.status?.observedGeneration ?? 0);
  if (observed) status.observedGeneration = observed;
  if (input.collisionCount !== undefined) status.collisionCount = input.collisionCount;
  return status;
}

/** storeDaemonSetStatus's test: a write is needed when a count or the collision count differs, or the generation is not yet observed. */
export function daemonSetStatusChanged(ds: DaemonSet, next: DaemonSetStatus): boolean {
  const s = ds.status;
  return (
    (s?.desiredNumberScheduled ?? 0) !== next.desiredNumberScheduled ||
    (s?.currentNumberScheduled ?? 0) !== next.currentNumberScheduled ||
    (s?.numberMisscheduled ?? 0) !== next.numberMisscheduled ||
    (s?.numberReady ?? 0) !== next.numberReady ||
    (s?.updatedNumberScheduled ?? 0) !== (next.updatedNumberScheduled ?? 0) ||
    (s?.numberAvailable ?? 0) !== (next.numberAvailable ?? 0) ||
    (s?.numberUnavailable ?? 0) !== (next.numberUnavailable ?? 0) ||
    (s?.collisionCount ?? 0) !== (next.collisionCount ?? 0) ||
    (s?.observedGeneration ?? 0) < (ds.metadata.generation ?? 0)
  );
}
