import { compareStrings } from '../selectors/label-requirement';

/** The FailedScheduling message when the cluster has no nodes (ErrNoNodesAvailable). */
export const NO_NODES_AVAILABLE_MESSAGE = 'no nodes available to schedule pods';

/**
 * The FailedScheduling message of a pod no node fits, as kube-scheduler's
 * FitError.Error() words it: `0/3 nodes are available: 3 Insufficient cpu.`
 *
 * `reasons` counts, per reason, the nodes that failed with it (a node failing
 * NodeResourcesFit on cpu and memory counts under both). The entries are written
 * `"<count> <reason>"` and sorted as whole strings in byte order (Go's sort.Strings),
 * so "1 node(s) were unschedulable" comes before "2 Insufficient memory". Skiff has no
 * preemption, so the `preemption: …` sentence kube-scheduler's PostFilter appends is absent.
 */
export function fitErrorMessage(numAllNodes: number, reasons: Readonly<Record<string, number>>): string {
  if (numAllNodes === 0) return NO_NODES_AVAILABLE_MESSAGE;
  const histogram = Object.entries(reasons)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => `${count} ${reason}`)
    .sort(compareStrings);
  const head = `0/${numAllNodes} nodes are available:`;
  return histogram.length ? `${head} ${histogram.join(', ')}.` : head;
}
