import type { KubeObject } from '../meta/types';

/** RFC 3339 with microseconds (metav1.MicroTime). */
export type MicroTime = string;

export interface LeaseSpec {
  holderIdentity?: string;
  leaseDurationSeconds?: number;
  acquireTime?: MicroTime;
  renewTime?: MicroTime;
  leaseTransitions?: number;
  strategy?: string;
  preferredHolder?: string;
}

/** coordination.k8s.io/v1 Lease: node heartbeats and leader election. */
export interface Lease extends KubeObject {
  spec?: LeaseSpec;
}
