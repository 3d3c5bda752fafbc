/** skiff.io/v1alpha1 DeployHook: defined once, beside the delivery logic that reads it. */
export type { DeployHook, DeployHookLastDelivery, DeployHookSpec, DeployHookStatus, DeployHookTarget } from '../webhooks/types';
