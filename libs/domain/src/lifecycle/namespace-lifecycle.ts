import type { KubeObject } from '../meta/types';
import { forbiddenObjectError } from '../rbac/forbidden-message';
import type { ResourceType } from '../resources/registry';

/** The finalizer the namespace controller removes once the namespace is empty. */
export const NAMESPACE_FINALIZER = 'kubernetes';

/**
 * What still holds an object back from removal: its metadata finalizers and, for a
 * Namespace, the finalizers in its spec (emptied through the `finalize` subresource).
 */
export function pendingFinalizers(obj: KubeObject): string[] {
  const own = obj.metadata.finalizers ?? [];
  if (obj.kind !== 'Namespace') return own;
  return [...own, ...((obj.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [])];
}

/** A namespace being deleted is Terminating: nothing new may be created in it. */
export function withTerminatingPhase(ns: KubeObject): KubeObject {
  return ns.kind === 'Namespace' ? { ...ns, status: { ...(ns.status as object), phase: 'Terminating' } } : ns;
}

/** Whether the namespace controller still has to empty this namespace. */
export function namespaceNeedsCleanup(ns: KubeObject): boolean {
  return !!ns.metadata.deletionTimestamp && ((ns.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).includes(NAMESPACE_FINALIZER);
}

/** The body of a `finalize` call that drops the namespace controller's finalizer. */
export function finalizedNamespace(ns: KubeObject): KubeObject {
  const finalizers = ((ns.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).filter((f) => f !== NAMESPACE_FINALIZER);
  return { ...ns, spec: { ...(ns.spec as object), finalizers } };
}

/** Namespaces that can never be deleted (kube-apiserver's NamespaceLifecycle admission). */
export const IMMORTAL_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public'];

/** Throws kube-apiserver's 403 when `name` is a Namespace that may not be deleted. */
export function checkNamespaceDeletable(type: Pick<ResourceType, 'group' | 'kind'>, name: string): void {
  if (type.group === '' && type.kind === 'Namespace' && IMMORTAL_NAMESPACES.includes(name)) {
    throw forbiddenObjectError('', 'namespaces', name, 'this namespace may not be deleted');
  }
}
