import type { KubeObject } from '../meta/types';
import type { Time } from './common';

export interface NamespaceSpec {
  finalizers?: string[];
}

export interface NamespaceCondition {
  type: string;
  status: string;
  lastTransitionTime?: Time;
  reason?: string;
  message?: string;
}

export interface NamespaceStatus {
  phase?: 'Active' | 'Terminating' | string;
  conditions?: NamespaceCondition[];
}

export interface Namespace extends KubeObject {
  spec?: NamespaceSpec;
  status?: NamespaceStatus;
}
