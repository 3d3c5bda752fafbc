import { RBAC_GROUP } from './types';

/**
 * What Kubernetes' built-in ClusterRoles allow, written by hand from what Kubernetes
 * documents (kubernetes.io "User-facing roles" and bootstrappolicy's policy.go) and
 * never derived from the code under test. A test fixture: nothing public exports it;
 * the authorization matrix tests (pure and end-to-end) import it by path.
 */
export type BuiltInRole = 'view' | 'edit' | 'admin' | 'cluster-admin';
export const BUILT_IN_ROLES: readonly BuiltInRole[] = ['view', 'edit', 'admin', 'cluster-admin'];

/** Where a request is made: in the namespace the role is bound in, in another one, or at cluster scope. */
export type Scope = 'team-a' | 'team-b' | 'cluster';
export const BOUND_NAMESPACE = 'team-a';

export const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'] as const;

const R = ['get', 'list', 'watch'];
const RW = [...VERBS];
const NONE: string[] = [];

/** How each kind is addressed: its API group, and whether requests on it live in a namespace. */
export const KINDS: Record<string, { group: string; scope: 'namespaced' | 'cluster' | 'namespace-object' }> = {
  pods: { group: '', scope: 'namespaced' },
  'pods/log': { group: '', scope: 'namespaced' },
  'pods/status': { group: '', scope: 'namespaced' },
  'pods/eviction': { group: '', scope: 'namespaced' },
  services: { group: '', scope: 'namespaced' },
  deployments: { group: 'apps', scope: 'namespaced' },
  'deployments/scale': { group: 'apps', scope: 'namespaced' },
  replicasets: { group: 'apps', scope: 'namespaced' },
  'replicasets/scale': { group: 'apps', scope: 'namespaced' },
  statefulsets: { group: 'apps', scope: 'namespaced' },
  'statefulsets/scale': { group: 'apps', scope: 'namespaced' },
  daemonsets: { group: 'apps', scope: 'namespaced' },
  configmaps: { group: '', scope: 'namespaced' },
  secrets: { group: '', scope: 'namespaced' },
  persistentvolumeclaims: { group: '', scope: 'namespaced' },
  events: { group: '', scope: 'namespaced' },
  horizontalpodautoscalers: { group: 'autoscaling', scope: 'namespaced' },
  deployhooks: { group: 'skiff.io', scope: 'namespaced' },
  roles: { group: RBAC_GROUP, scope: 'namespaced' },
  rolebindings: { group: RBAC_GROUP, scope: 'namespaced' },
  namespaces: { group: '', scope: 'namespace-object' },
  nodes: { group: '', scope: 'cluster' },
};

/**
 * What each role allows inside the namespace it is bound in. view reads workloads
 * but never secrets; edit also writes them and reads and writes secrets and events,
 * but leaves rbac alone; admin adds roles and rolebindings. Skiff's DeployHooks go with
 * the workloads they deploy to: view reads them, edit and admin write them. Status subresources stay
 * read-only, pods/log is read-only, pods/eviction is create-only; the scale
 * subresources go with their workloads. A namespace-bound role reaches the Namespace
 * object itself only to read it, except cluster-admin, which may also change or
 * delete it. Nodes are cluster-scoped: no RoleBinding reaches them.
 */
export const IN_BOUND_NAMESPACE: Record<BuiltInRole, Record<string, readonly string[]>> = {
  view: {
    pods: R, 'pods/log': R, 'pods/status': R, 'pods/eviction': NONE, services: R,
    deployments: R, 'deployments/scale': R, replicasets: R, 'replicasets/scale': R,
    statefulsets: R, 'statefulsets/scale': R, daemonsets: R,
    configmaps: R, secrets: NONE, persistentvolumeclaims: R, events: R, horizontalpodautoscalers: R,
    deployhooks: R,
    roles: NONE, rolebindings: NONE, namespaces: R, nodes: NONE,
  },
  edit: {
    pods: RW, 'pods/log': R, 'pods/status': R, 'pods/eviction': ['create'], services: RW,
    deployments: RW, 'deployments/scale': RW, replicasets: RW, 'replicasets/scale': RW,
    statefulsets: RW, 'statefulsets/scale': RW, daemonsets: RW,
    configmaps: RW, secrets: RW, persistentvolumeclaims: RW, events: RW, horizontalpodautoscalers: RW,
    deployhooks: RW,
    roles: NONE, rolebindings: NONE, namespaces: R, nodes: NONE,
  },
  admin: {
    pods: RW, 'pods/log': R, 'pods/status': R, 'pods/eviction': ['create'], services: RW,
    deployments: RW, 'deployments/scale': RW, replicasets: RW, 'replicasets/scale': RW,
    statefulsets: RW, 'statefulsets/scale': RW, daemonsets: RW,
    configmaps: RW, secrets: RW, persistentvolumeclaims: RW, events: RW, horizontalpodautoscalers: RW,
    deployhooks: RW,
    roles: RW, rolebindings: RW, namespaces: R, nodes: NONE,
  },
  'cluster-admin': {
    pods: RW, 'pods/log': RW, 'pods/status': RW, 'pods/eviction': RW, services: RW,
    deployments: RW, 'deployments/scale': RW, replicasets: RW, 'replicasets/scale': RW,
    statefulsets: RW, 'statefulsets/scale': RW, daemonsets: RW,
    configmaps: RW, secrets: RW, persistentvolumeclaims: RW, events: RW, horizontalpodautoscalers: RW,
    deployhooks: RW,
    roles: RW, rolebindings: RW, namespaces: RW, nodes: NONE,
  },
};

/**
 * Which ClusterRoles a user holding each role in the bound namespace may bind there
 * (RoleBindings are checked for escalation: you may grant only what you hold, unless
 * you may `bind`). view and edit may not write rolebindings at all; admin holds
 * everything view and edit hold, and its own rules, but not cluster-admin's.
 */
export const MAY_BIND_IN_BOUND_NAMESPACE: Record<BuiltInRole, readonly BuiltInRole[]> = {
  view: [],
  edit: [],
  admin: ['view', 'edit', 'admin'],
  'cluster-admin': ['view', 'edit', 'admin', 'cluster-admin'],
};

/** Whether `role`, bound with a RoleBinding in team-a, allows `verb` on `kind` at `scope`. */
export function expected(role: BuiltInRole, kind: string, verb: string, scope: Scope): boolean {
  return scope === BOUND_NAMESPACE && IN_BOUND_NAMESPACE[role][kind].includes(verb);
}

/**
 * Whether `role`, bound with a ClusterRoleBinding, allows `verb` on `kind` anywhere.
 * Only cluster-admin is written down: its one rule (`*` verbs on `*` in `*` groups)
 * allows everything, in every namespace and at cluster scope.
 */
export function expectedClusterWide(role: BuiltInRole, kind: string, verb: string): boolean {
  if (role !== 'cluster-admin') throw new Error(`no expectations written for ${role} bound cluster-wide`);
  return kind in KINDS && (VERBS as readonly string[]).includes(verb);
}

/** Whether `role`, bound with a RoleBinding in team-a, may create a RoleBinding to `granted` at `scope`. */
export function expectedBind(role: BuiltInRole, granted: BuiltInRole, scope: Scope): boolean {
  return expected(role, 'rolebindings', 'create', scope) && MAY_BIND_IN_BOUND_NAMESPACE[role].includes(granted);
}
