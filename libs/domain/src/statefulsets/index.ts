/**
 * Pure decisions of the StatefulSet controller, and the ControllerRevision history shared
 * with the DaemonSet controller. The worker reads the set and the pods, claims and
 * revisions of its namespace, calls statefulSetDecision and applies what it returns.
 */
export * from './controller-history';
export * from './stateful-set-identity';
export * from './stateful-set-claims';
export * from './stateful-set-revisions';
export * from './stateful-set-status';
export * from './stateful-set';
