import YAML from 'yaml';
import type { KubeObject } from '@skiff/domain';

/**
 * An object as YAML to read or edit, its keys sorted as `kubectl get -o yaml` prints
 * them (the store's JSON keeps no order), without metadata.managedFields (the server keeps them).
 */
export function objectYaml(o: KubeObject): string {
  const { managedFields: _managed, ...metadata } = o.metadata as KubeObject['metadata'] & { managedFields?: unknown };
  return YAML.stringify({ ...o, metadata }, { sortMapEntries: true });
}
