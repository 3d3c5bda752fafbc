import { authorize } from './authorizer';
import { bootstrapPolicy } from './bootstrap-policy';
import { withAuthenticatedGroup } from './user-info';
import { RBAC_GROUP, type ResourceAttributes, type RoleBinding } from './types';

/**
 * The built-in roles, bound with a RoleBinding in team-a, against what Kubernetes
 * documents they allow (kubernetes.io "User-facing roles" and bootstrappolicy's
 * policy.go). The expectations below are written by hand and never derived from
 * the code under test; every cell must agree.
 */
type BuiltInRole = 'view' | 'edit' | 'admin' | 'cluster-admin';
type Scope = 'team-a' | 'team-b' | 'cluster';

const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'] as const;
const NAMED_VERBS = new Set(['get', 'update', 'patch', 'delete']);
const SCOPES: Scope[] = ['team-a', 'team-b', 'cluster'];

const R = ['get', 'list', 'watch'];
const RW = [...VERBS];
const NONE: string[] = [];

/** How each kind is addressed: its API group, and whether requests on it live in a namespace. */
const KINDS: Record<string, { group: string; scope: 'namespaced' | 'cluster' | 'namespace-object' }> = {
  pods: { group: '', scope: 'namespaced' },
  'pods/log': { group: '', scope: 'namespaced' },
  'pods/status': { group: '', scope: 'namespaced' },
  'pods/eviction': { group: '', scope: 'namespaced' },
  services: { group: '', scope: 'namespaced' },
  deployments: { group: 'apps', scope: 'namespaced' },
  'deployments/scale': { group: 'apps', scope: 'namespaced' },
  replicasets: { group: 'apps', scope: 'namespaced' },
  statefulsets: { group: 'apps', scope: 'namespaced' },
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
 * read-only, pods/log is read-only, pods/eviction is create-only. A namespace-bound
 * role reaches the Namespace object itself only to read it, except cluster-admin,
 * which may also change or delete it. Nodes are cluster-scoped: no RoleBinding
 * reaches them.
 */
const IN_BOUND_NAMESPACE: Record<BuiltInRole, Record<string, readonly string[]>> = {
  view: {
    pods: R, 'pods/log': R, 'pods/status': R, 'pods/eviction': NONE, services: R,
    deployments: R, 'deployments/scale': R, replicasets: R, statefulsets: R, daemonsets: R,
    configmaps: R, secrets: NONE, persistentvolumeclaims: R, events: R, horizontalpodautoscalers: R,
    deployhooks: R,
    roles: NONE, rolebindings: NONE, namespaces: R, nodes: NONE,
  },
  edit: {
    pods: RW, 'pods/log': R, 'pods/status': R, 'pods/eviction': ['create'], services: RW,
    deployments: RW, 'deployments/scale': RW, replicasets: RW, statefulsets: RW, daemonsets: RW,
    configmaps: RW, secrets: RW, persistentvolumeclaims: RW, events: RW, horizontalpodautoscalers: RW,
    deployhooks: RW,
    roles: NONE, rolebindings: NONE, namespaces: R, nodes: NONE,
  },
  admin: {
    pods: RW, 'pods/log': R, 'pods/status': R, 'pods/eviction': ['create'], services: RW,
    deployments: RW, 'deployments/scale': RW, replicasets: RW, statefulsets: RW, daemonsets: RW,
    configmaps: RW, secrets: RW, persistentvolumeclaims: RW, events: RW, horizontalpodautoscalers: RW,
    deployhooks: RW,
    roles: RW, rolebindings: RW, namespaces: R, nodes: NONE,
  },
  'cluster-admin': {
    pods: RW, 'pods/log': RW, 'pods/status': RW, 'pods/eviction': RW, services: RW,
    deployments: RW, 'deployments/scale': RW, replicasets: RW, statefulsets: RW, daemonsets: RW,
    configmaps: RW, secrets: RW, persistentvolumeclaims: RW, events: RW, horizontalpodautoscalers: RW,
    deployhooks: RW,
    roles: RW, rolebindings: RW, namespaces: RW, nodes: NONE,
  },
};

/**
 * The request kube-apiserver would authorize, or undefined when no request has that
 * shape: a Namespace is addressed by name (its name is the request's namespace) or
 * listed and created at cluster scope; a Node is always at cluster scope.
 */
function requestFor(kind: string, verb: string, scope: Scope): ResourceAttributes | undefined {
  const { group, scope: kindScope } = KINDS[kind];
  const [resource, subresource] = kind.split('/');
  const named = NAMED_VERBS.has(verb);
  const attrs: ResourceAttributes = { verb, apiGroup: group, resource, ...(subresource ? { subresource } : {}) };
  switch (kindScope) {
    case 'namespaced':
      return { ...attrs, ...(scope === 'cluster' ? {} : { namespace: scope }), ...(named ? { name: 'obj-1' } : {}) };
    case 'namespace-object':
      if (scope === 'cluster') return named ? undefined : attrs;
      return named ? { ...attrs, namespace: scope, name: scope } : undefined;
    case 'cluster':
      return scope === 'cluster' ? { ...attrs, ...(named ? { name: 'node-1' } : {}) } : undefined;
  }
}

function expected(role: BuiltInRole, kind: string, verb: string, scope: Scope): boolean {
  return scope === 'team-a' && IN_BOUND_NAMESPACE[role][kind].includes(verb);
}

function bindingOf(user: string, role: BuiltInRole, namespace: string): RoleBinding {
  return {
    metadata: { name: `${user}-${role}`, namespace },
    roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: role },
    subjects: [{ kind: 'User', apiGroup: RBAC_GROUP, name: user }],
  };
}

const alice = withAuthenticatedGroup({ name: 'alice', groups: [] });
const ROLES: BuiltInRole[] = ['view', 'edit', 'admin', 'cluster-admin'];

describe('authorization matrix: built-in roles bound in team-a', () => {
  for (const role of ROLES) {
    // Someone else is cluster-admin of team-b: none of it may reach alice.
    const policy = bootstrapPolicy({ roleBindings: [bindingOf('alice', role, 'team-a'), bindingOf('bob', 'cluster-admin', 'team-b')] });

    describe(role, () => {
      for (const kind of Object.keys(KINDS)) {
        it(`${kind}: allows exactly the documented verbs in team-a, and nothing in team-b or at cluster scope`, () => {
          const actualCells: Record<string, boolean> = {};
          const expectedCells: Record<string, boolean> = {};
          for (const scope of SCOPES) {
            for (const verb of VERBS) {
              const attrs = requestFor(kind, verb, scope);
              if (!attrs) continue;
              const cell = `${scope} ${verb}`;
              actualCells[cell] = authorize(alice, attrs, policy).allowed;
              expectedCells[cell] = expected(role, kind, verb, scope);
            }
          }
          expect(actualCells).toEqual(expectedCells);
        });
      }
    });
  }

  it('is not vacuous: it checks hundreds of cells, both allowed and denied', () => {
    let allowed = 0;
    let denied = 0;
    for (const role of ROLES) {
      for (const kind of Object.keys(KINDS)) {
        for (const scope of SCOPES) {
          for (const verb of VERBS) {
            if (!requestFor(kind, verb, scope)) continue;
            if (expected(role, kind, verb, scope)) allowed++;
            else denied++;
          }
        }
      }
    }
    expect(allowed).toBeGreaterThan(200);
    expect(denied).toBeGreaterThan(1000);
  });
});

describe('view', () => {
  const policy = bootstrapPolicy({ roleBindings: [bindingOf('alice', 'view', 'team-a')] });

  it('cannot read secrets, by name, by list or by watch', () => {
    for (const verb of ['get', 'list', 'watch']) {
      const attrs: ResourceAttributes = { verb, apiGroup: '', resource: 'secrets', namespace: 'team-a', ...(verb === 'get' ? { name: 'db-password' } : {}) };
      expect(authorize(alice, attrs, policy)).toEqual({ allowed: false, reason: '' });
    }
  });

  it('can read pods, and says through which binding', () => {
    expect(authorize(alice, { verb: 'list', apiGroup: '', resource: 'pods', namespace: 'team-a' }, policy).reason).toBe(
      'RBAC: allowed by RoleBinding "alice-view/team-a" of ClusterRole "view" to User "alice"',
    );
  });
});
