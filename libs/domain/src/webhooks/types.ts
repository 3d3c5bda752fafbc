import type { KubeObject } from '../meta/types';

/** The API group of Skiff's own kinds, and the version DeployHook is served at. */
export const SKIFF_GROUP = 'skiff.io';
export const DEPLOY_HOOK_VERSION = 'v1alpha1';
export const DEPLOY_HOOK_API_VERSION = `${SKIFF_GROUP}/${DEPLOY_HOOK_VERSION}`;

/** The kinds a hook may deploy to: workloads with a pod template and a rollout history. */
export const DEPLOY_HOOK_TARGET_KINDS = ['Deployment', 'StatefulSet'] as const;
export type DeployHookTargetKind = (typeof DEPLOY_HOOK_TARGET_KINDS)[number];

/** Payload formats a hook understands; without `spec.type` the format is told from the request. */
export const DEPLOY_HOOK_TYPES = ['generic', 'docker', 'github'] as const;
export type DeployHookType = (typeof DEPLOY_HOOK_TYPES)[number];

/**
 * What became of a delivery: `applied` started a rollout, `unchanged` found the image
 * already set, `ignored` was not about this hook's image (a ping, another repository),
 * `rejected` was refused (tag not allowed, payload not understood), `failed` could not
 * be carried out (target missing, write refused) and may be delivered again.
 */
export const DELIVERY_OUTCOMES = ['applied', 'unchanged', 'ignored', 'rejected', 'failed'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

export interface DeployHookTarget {
  kind: DeployHookTargetKind;
  name: string;
  /** The container whose image is set; may be left out when the pod template has one. */
  container?: string;
}

export interface DeployHookSpec {
  target: DeployHookTarget;
  /** A Secret of the hook's namespace whose key `token` signs deliveries (HMAC-SHA256). */
  secretRef: { name: string };
  /** When set, only tags matching one of these globs are deployed (`v*`, `main-*`). */
  tagPatterns?: string[];
  type?: DeployHookType;
}

export interface DeployHookLastDelivery {
  id: string;
  time: string;
  outcome: DeliveryOutcome;
  image?: string;
  message?: string;
}

export interface DeployHookStatus {
  /** Where deliveries are posted: `/hooks/<uid>`. */
  webhookPath?: string;
  lastDelivery?: DeployHookLastDelivery;
}

/** skiff.io/v1alpha1 DeployHook: a signed webhook that sets a workload's container image. */
export interface DeployHook extends KubeObject {
  spec: DeployHookSpec;
  status?: DeployHookStatus;
}
