import type { KubeObject } from '../meta/types';
import type { Time } from './common';
import type { PodTemplateSpec } from './pod-template';

export interface ReplicationControllerSpec {
  replicas?: number;
  minReadySeconds?: number;
  /** A plain equality selector (not a LabelSelector). */
  selector?: Record<string, string>;
  template?: PodTemplateSpec;
}

export interface ReplicationControllerCondition {
  type: string;
  status: string;
  lastTransitionTime?: Time;
  reason?: string;
  message?: string;
}

export interface ReplicationControllerStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: ReplicationControllerCondition[];
}

export interface ReplicationController extends KubeObject {
  spec?: ReplicationControllerSpec;
  status?: ReplicationControllerStatus;
}
