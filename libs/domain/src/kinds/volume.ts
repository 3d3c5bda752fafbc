import type { Quantity } from './common';
import type { ObjectFieldSelector, ResourceFieldSelector } from './container';

export interface KeyToPath {
  key: string;
  path: string;
  mode?: number;
}

export interface EmptyDirVolumeSource {
  medium?: '' | 'Memory' | string;
  sizeLimit?: Quantity;
}

export interface HostPathVolumeSource {
  path: string;
  type?: string;
}

export interface ConfigMapVolumeSource {
  name?: string;
  items?: KeyToPath[];
  defaultMode?: number;
  optional?: boolean;
}

export interface SecretVolumeSource {
  secretName?: string;
  items?: KeyToPath[];
  defaultMode?: number;
  optional?: boolean;
}

export interface PersistentVolumeClaimVolumeSource {
  claimName: string;
  readOnly?: boolean;
}

export interface DownwardAPIVolumeFile {
  path: string;
  fieldRef?: ObjectFieldSelector;
  resourceFieldRef?: ResourceFieldSelector;
  mode?: number;
}

export interface DownwardAPIVolumeSource {
  items?: DownwardAPIVolumeFile[];
  defaultMode?: number;
}

export interface VolumeProjection {
  secret?: { name?: string; items?: KeyToPath[]; optional?: boolean };
  configMap?: { name?: string; items?: KeyToPath[]; optional?: boolean };
  downwardAPI?: { items?: DownwardAPIVolumeFile[] };
  serviceAccountToken?: { audience?: string; expirationSeconds?: number; path: string };
  clusterTrustBundle?: Record<string, unknown>;
}

export interface ProjectedVolumeSource {
  sources?: VolumeProjection[];
  defaultMode?: number;
}

export interface EphemeralVolumeSource {
  volumeClaimTemplate?: { metadata?: Record<string, unknown>; spec: Record<string, unknown> };
}

/** The volume sources Skiff's runtimes act on are typed; the cloud/storage plugins stay loose. */
export interface VolumeSource {
  emptyDir?: EmptyDirVolumeSource;
  hostPath?: HostPathVolumeSource;
  configMap?: ConfigMapVolumeSource;
  secret?: SecretVolumeSource;
  persistentVolumeClaim?: PersistentVolumeClaimVolumeSource;
  downwardAPI?: DownwardAPIVolumeSource;
  projected?: ProjectedVolumeSource;
  ephemeral?: EphemeralVolumeSource;
  image?: { reference?: string; pullPolicy?: string };
  nfs?: { server: string; path: string; readOnly?: boolean };
  csi?: Record<string, unknown>;
  [plugin: string]: unknown;
}

export interface Volume extends VolumeSource {
  name: string;
}

export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
  recursiveReadOnly?: string;
  subPath?: string;
  subPathExpr?: string;
  mountPropagation?: 'None' | 'HostToContainer' | 'Bidirectional' | string;
}

export interface VolumeDevice {
  name: string;
  devicePath: string;
}
