/**
 * Pure decisions of the ReplicaSet, ReplicationController and Deployment controllers.
 * The workers read the objects, call replicaSetDecision / deploymentDecision and apply
 * the writes those return; the rollout internals (deployment-state, rolling-update,
 * recreate, deployment-scaling) stay private to this folder.
 */
export * from './pod-control';
export * from './pod-deletion-order';
export * from './replica-set';
export * from './pod-template-hash';
export * from './deployment-fenceposts';
export * from './deployment-revisions';
export * from './deployment-replica-sets';
export * from './deployment-status';
export type { DeploymentEvent } from './deployment-state';
export * from './deployment';
