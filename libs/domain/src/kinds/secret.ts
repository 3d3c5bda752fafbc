import type { KubeObject } from '../meta/types';

export type SecretType =
  | 'Opaque'
  | 'kubernetes.io/service-account-token'
  | 'kubernetes.io/dockercfg'
  | 'kubernetes.io/dockerconfigjson'
  | 'kubernetes.io/basic-auth'
  | 'kubernetes.io/ssh-auth'
  | 'kubernetes.io/tls'
  | 'bootstrap.kubernetes.io/token';

export interface Secret extends KubeObject {
  immutable?: boolean;
  /** Values are base64 in JSON. */
  data?: Record<string, string>;
  /** Write-only convenience: merged into data on write, never returned. */
  stringData?: Record<string, string>;
  type?: SecretType | string;
}
