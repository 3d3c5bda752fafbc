/**
 * Pure parts of the everyday actions (apply, drain, …) that the API offers beside the
 * Kubernetes verbs: what they write and when they refuse, with errors naming the argument.
 */
export * from './action-errors';
export * from './kind-lookup';
export * from './manifest';
export * from './apply-merge';
export * from './drain-plan';
