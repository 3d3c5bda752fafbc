import type { EnvSources } from './env-resolution';

interface KeyToPath {
  key: string;
  path: string;
}

export interface PodVolumeSpec {
  name: string;
  emptyDir?: object;
  configMap?: { name?: string; items?: KeyToPath[]; optional?: boolean };
  secret?: { secretName?: string; items?: KeyToPath[]; optional?: boolean };
}

/** The ConfigMaps and Secrets a pod's volumes project. */
export function volumeSourceNames(volumes: PodVolumeSpec[]): { configMaps: string[]; secrets: string[] } {
  return {
    configMaps: volumes.flatMap((v) => (v.configMap?.name ? [v.configMap.name] : [])),
    secrets: volumes.flatMap((v) => (v.secret?.secretName ? [v.secret.secretName] : [])),
  };
}

/**
 * The files a ConfigMap or Secret volume holds (relative path → content): every key, or
 * the listed `items` at their paths. A missing source or key is an error unless optional.
 */
export function volumeFiles(v: PodVolumeSpec, src: EnvSources): { files: Record<string, string> } | { error: string } | undefined {
  const ref = v.configMap ? { kind: 'configmap', name: v.configMap.name ?? '', items: v.configMap.items, optional: v.configMap.optional, data: src.configMaps.get(v.configMap.name ?? '') }
    : v.secret ? { kind: 'secret', name: v.secret.secretName ?? '', items: v.secret.items, optional: v.secret.optional, data: src.secrets.get(v.secret.secretName ?? '') }
    : undefined;
  if (!ref) return undefined;
  if (!ref.data) return ref.optional ? { files: {} } : { error: `${ref.kind} "${ref.name}" not found` };
  if (!ref.items) return { files: { ...ref.data } };
  const files: Record<string, string> = {};
  for (const item of ref.items) {
    if (!(item.key in ref.data)) {
      if (ref.optional) continue;
      return { error: `configmap references non-existent config key: ${item.key}` };
    }
    files[item.path] = ref.data[item.key];
  }
  return { files };
}
