import { authorize } from './authorizer';
import { checkGrant } from './grant-check';
import { bootstrapPolicy } from './bootstrap-policy';
import { withAuthenticatedGroup } from './user-info';
import { RBAC_GROUP, type ResourceAttributes, type RoleBinding } from './types';
import { BUILT_IN_ROLES, KINDS, VERBS, expected, expectedBind, type BuiltInRole, type Scope } from './built-in-role-expectations';

/**
 * The built-in roles, bound with a RoleBinding in team-a, against what Kubernetes
 * documents they allow: the hand-written expectations of built-in-role-expectations.ts,
 * shared with the end-to-end matrix. Every cell must agree.
 */
const NAMED_VERBS = new Set(['get', 'update', 'patch', 'delete']);
const SCOPES: Scope[] = ['team-a', 'team-b', 'cluster'];

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

function bindingOf(user: string, role: BuiltInRole, namespace: string): RoleBinding {
  return {
    metadata: { name: `${user}-${role}`, namespace },
    roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: role },
    subjects: [{ kind: 'User', apiGroup: RBAC_GROUP, name: user }],
  };
}

const alice = withAuthenticatedGroup({ name: 'alice', groups: [] });
const ROLES = BUILT_IN_ROLES;

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

describe('authorization matrix: which built-in roles each may bind (escalation check)', () => {
  for (const role of ROLES) {
    it(`${role} in team-a may create RoleBindings to exactly the roles it holds, and only in team-a`, () => {
      const policy = bootstrapPolicy({ roleBindings: [bindingOf('alice', role, 'team-a')] });
      const actualCells: Record<string, boolean> = {};
      const expectedCells: Record<string, boolean> = {};
      for (const scope of ['team-a', 'team-b'] as const) {
        for (const granted of ROLES) {
          const next = bindingOf('helper', granted, scope);
          const attrs: ResourceAttributes = { verb: 'create', apiGroup: RBAC_GROUP, resource: 'rolebindings', namespace: scope };
          const cell = `${scope} bind ${granted}`;
          actualCells[cell] = authorize(alice, attrs, policy).allowed && checkGrant(alice, 'rolebindings', next, undefined, policy).allowed;
          expectedCells[cell] = expectedBind(role, granted, scope);
        }
      }
      expect(actualCells).toEqual(expectedCells);
    });
  }
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
