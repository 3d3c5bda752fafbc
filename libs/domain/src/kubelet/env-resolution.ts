import type { KubeObject } from '../meta/types';

interface KeyRef {
  name?: string;
  key: string;
  optional?: boolean;
}

export interface EnvVarSpec {
  name: string;
  value?: string;
  valueFrom?: { configMapKeyRef?: KeyRef; secretKeyRef?: KeyRef; fieldRef?: { fieldPath: string } };
}

export interface EnvFromSpec {
  prefix?: string;
  configMapRef?: { name?: string; optional?: boolean };
  secretRef?: { name?: string; optional?: boolean };
}

export interface ContainerEnvSpec {
  name: string;
  env?: EnvVarSpec[];
  envFrom?: EnvFromSpec[];
}

/** The ConfigMaps' data and the Secrets' data (decoded), by name; undefined when missing. */
export interface EnvSources {
  configMaps: Map<string, Record<string, string> | undefined>;
  secrets: Map<string, Record<string, string> | undefined>;
}

/** Which ConfigMaps and Secrets a pod's containers read for their environment. */
export function envSourceNames(containers: ContainerEnvSpec[]): { configMaps: string[]; secrets: string[] } {
  const cm = new Set<string>();
  const sec = new Set<string>();
  for (const c of containers) {
    for (const f of c.envFrom ?? []) {
      if (f.configMapRef?.name) cm.add(f.configMapRef.name);
      if (f.secretRef?.name) sec.add(f.secretRef.name);
    }
    for (const e of c.env ?? []) {
      if (e.valueFrom?.configMapKeyRef?.name) cm.add(e.valueFrom.configMapKeyRef.name);
      if (e.valueFrom?.secretKeyRef?.name) sec.add(e.valueFrom.secretKeyRef.name);
    }
  }
  return { configMaps: [...cm], secrets: [...sec] };
}

/** The downward API's `fieldRef` paths for env. */
function fieldValue(pod: KubeObject, path: string): string | undefined {
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (m) return pod.metadata[m[1] as 'labels' | 'annotations']?.[m[2]];
  const spec = (pod.spec ?? {}) as Record<string, string>;
  const status = (pod.status ?? {}) as Record<string, string>;
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace;
    case 'metadata.uid':
      return pod.metadata.uid;
    case 'spec.nodeName':
      return spec.nodeName;
    case 'spec.serviceAccountName':
      return spec.serviceAccountName;
    case 'status.podIP':
      return status.podIP;
    case 'status.hostIP':
      return status.hostIP;
    default:
      return undefined;
  }
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/**
 * A container's environment as plain name/value pairs, as the kubelet builds it:
 * `envFrom` sources first (with their prefix, skipping keys that are no valid names),
 * then `env` in order. A missing source that is not optional is an error
 * (CreateContainerConfigError), with the kubelet's message.
 */
export function resolveContainerEnv(c: ContainerEnvSpec, pod: KubeObject, src: EnvSources): { env: { name: string; value: string }[] } | { error: string } {
  const out = new Map<string, string>();
  for (const f of c.envFrom ?? []) {
    const [kind, ref, data] = f.configMapRef
      ? (['configmap', f.configMapRef, src.configMaps.get(f.configMapRef.name ?? '')] as const)
      : (['secret', f.secretRef!, src.secrets.get(f.secretRef?.name ?? '')] as const);
    if (!data) {
      if (ref?.optional) continue;
      return { error: `${kind} "${ref?.name}" not found` };
    }
    for (const [k, v] of Object.entries(data)) {
      const name = (f.prefix ?? '') + k;
      if (ENV_NAME.test(name)) out.set(name, v);
    }
  }
  for (const e of c.env ?? []) {
    const from = e.valueFrom;
    if (!from) {
      out.set(e.name, e.value ?? '');
      continue;
    }
    if (from.fieldRef) {
      out.set(e.name, fieldValue(pod, from.fieldRef.fieldPath) ?? '');
      continue;
    }
    const isCm = !!from.configMapKeyRef;
    const ref = (from.configMapKeyRef ?? from.secretKeyRef)!;
    const data = (isCm ? src.configMaps : src.secrets).get(ref.name ?? '');
    const kind = isCm ? 'configmap' : 'secret';
    if (!data) {
      if (ref.optional) continue;
      return { error: `${kind} "${ref.name}" not found` };
    }
    if (!(ref.key in data)) {
      if (ref.optional) continue;
      return { error: `couldn't find key ${ref.key} in ${isCm ? 'ConfigMap' : 'Secret'} ${pod.metadata.namespace}/${ref.name}` };
    }
    out.set(e.name, data[ref.key]);
  }
  return { env: [...out].map(([name, value]) => ({ name, value })) };
}
