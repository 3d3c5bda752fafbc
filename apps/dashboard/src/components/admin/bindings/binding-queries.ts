/** grantRole / revokeRole of the GraphQL API: a RoleBinding with a namespace, a ClusterRoleBinding without. */
export const GRANT_ROLE = `mutation GrantRole($user: String, $group: String, $clusterRole: String, $role: String, $namespace: String, $bindingName: String) {
  grantRole(user: $user, group: $group, clusterRole: $clusterRole, role: $role, namespace: $namespace, bindingName: $bindingName)
}`;
export const REVOKE_ROLE = `mutation RevokeRole($bindingName: String!, $namespace: String) { revokeRole(bindingName: $bindingName, namespace: $namespace) }`;

/** The roles one may bind, for the grant dialog's suggestions. */
export const CLUSTER_ROLE_NAMES = `query ClusterRoleNames { clusterRoles { metadata { name } } }`;
export const ROLE_NAMES = `query RoleNames($namespace: String) { roles(namespace: $namespace) { metadata { name } } }`;
