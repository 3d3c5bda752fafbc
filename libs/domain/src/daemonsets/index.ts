/**
 * Pure decisions of the DaemonSet controller. The worker reads the DaemonSet, the nodes,
 * and the pods and revisions of its namespace, calls daemonSetDecision and applies what it
 * returns.
 */
export * from './daemon-set-pods';
export * from './daemon-set-nodes';
export * from './daemon-set-history';
export * from './daemon-set-rolling';
export * from './daemon-set-status';
export * from './daemon-set';
