import type { KubeObject } from '@skiff/domain';
import type { DashboardKind } from '@/lib/kinds';
import type { ObjectReference } from './workload-mutations';

/** What every action button gets: the object, and where to report what it did. */
export interface ActionProps {
  kind: DashboardKind;
  object: KubeObject;
  onDone(message: string): void;
}

export function referenceOf(kind: DashboardKind, object: KubeObject): ObjectReference {
  return { kind: kind.kind, namespace: object.metadata.namespace, name: object.metadata.name ?? '' };
}
