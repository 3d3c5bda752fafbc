import type { NamespaceStatus } from '../kinds/namespace';
import { isRecord } from '../validation/json-access';

/** Every namespace carries its own name as a label, so selectors can pick namespaces by name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export function defaultNamespace(obj: Record<string, unknown>): void {
  const meta = isRecord(obj.metadata) ? obj.metadata : (obj.metadata = {});
  // generateName'd namespaces get the label once the store has picked the name.
  if (typeof meta.name !== 'string' || meta.name === '') return;
  const labels = isRecord(meta.labels) ? meta.labels : (meta.labels = {});
  labels[NAMESPACE_NAME_LABEL] = meta.name;
}

/** The status a new Namespace is stored with; the store sets it, whatever the client sent. */
export function namespaceInitialStatus(): NamespaceStatus {
  return { phase: 'Active' };
}
