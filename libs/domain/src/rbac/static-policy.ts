import type { ClusterRole, ClusterRoleBinding, RbacPolicy, Role, RoleBinding } from './types';

export interface RbacObjects {
  roles?: readonly Role[];
  clusterRoles?: readonly ClusterRole[];
  roleBindings?: readonly RoleBinding[];
  clusterRoleBindings?: readonly ClusterRoleBinding[];
}

/**
 * An RbacPolicy over objects held in memory, indexed once so each request costs
 * a map lookup per binding rather than a scan of every role. The arrays are not
 * copied: build a new policy when they change.
 */
export function staticPolicy(objects: RbacObjects): RbacPolicy {
  const roles = new Map<string, Role>();
  for (const r of objects.roles ?? []) roles.set(namespacedKey(r.metadata.namespace ?? '', r.metadata.name ?? ''), r);
  const clusterRoles = new Map<string, ClusterRole>();
  for (const r of objects.clusterRoles ?? []) clusterRoles.set(r.metadata.name ?? '', r);
  const roleBindings = new Map<string, RoleBinding[]>();
  for (const b of objects.roleBindings ?? []) {
    const ns = b.metadata.namespace ?? '';
    const list = roleBindings.get(ns);
    if (list) list.push(b);
    else roleBindings.set(ns, [b]);
  }
  const clusterRoleBindings = [...(objects.clusterRoleBindings ?? [])];
  return {
    getRole: (namespace, name) => roles.get(namespacedKey(namespace, name)),
    getClusterRole: (name) => clusterRoles.get(name),
    listRoleBindings: (namespace) => roleBindings.get(namespace) ?? [],
    listClusterRoleBindings: () => clusterRoleBindings,
  };
}

function namespacedKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}
