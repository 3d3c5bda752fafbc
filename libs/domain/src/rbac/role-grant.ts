import { invalidArgument } from '../actions/action-errors';
import { RBAC_GROUP, type ClusterRoleBinding, type RoleBinding, type Subject } from './types';

/**
 * A grant as `kubectl create rolebinding|clusterrolebinding` takes it: one user or one
 * group, one ClusterRole or Role, and a namespace — or none for a cluster-wide grant.
 */
export interface RoleGrant {
  /** The binding's name; `<user or group>-<role>` when left out. */
  name?: string;
  user?: string;
  group?: string;
  clusterRole?: string;
  role?: string;
  /** Set: a RoleBinding there. Unset: a ClusterRoleBinding (of a ClusterRole only). */
  namespace?: string;
}

/**
 * The RoleBinding (with a namespace) or ClusterRoleBinding (without) that grants `g`.
 * A 422 naming the argument when `g` is not one grant: exactly one subject and one role
 * are needed, and a Role exists only in a namespace.
 */
export function bindingForGrant(g: RoleGrant): RoleBinding | ClusterRoleBinding {
  if (!g.user === !g.group) throw invalidArgument('user', 'Required value: exactly one of user or group');
  if (!g.clusterRole === !g.role) throw invalidArgument('clusterRole', 'Required value: exactly one of clusterRole or role');
  if (g.role && !g.namespace) {
    throw invalidArgument('namespace', 'Required value: a Role is granted within its namespace; give the namespace, or grant a ClusterRole cluster-wide');
  }
  const subject: Subject = { kind: g.user ? 'User' : 'Group', apiGroup: RBAC_GROUP, name: (g.user ?? g.group)! };
  const roleRef = { apiGroup: RBAC_GROUP, kind: g.role ? 'Role' : 'ClusterRole', name: (g.role ?? g.clusterRole)! };
  const name = g.name || `${subject.name}-${roleRef.name}`;
  return {
    apiVersion: `${RBAC_GROUP}/v1`,
    kind: g.namespace ? 'RoleBinding' : 'ClusterRoleBinding',
    metadata: g.namespace ? { name, namespace: g.namespace } : { name },
    subjects: [subject],
    roleRef,
  };
}

/** Whether a binding names the user among its subjects (directly, not through a group). */
export function bindingNamesUser(binding: RoleBinding | ClusterRoleBinding, user: string): boolean {
  return (binding.subjects ?? []).some((s) => s.kind === 'User' && s.name === user);
}

/** Subjects as a column shows them: `User/alice,Group/team-a`. */
export function subjectsColumn(subjects: Subject[] | undefined): string {
  return (subjects ?? []).map((s) => `${s.kind}/${s.namespace ? `${s.namespace}/` : ''}${s.name}`).join(',');
}
