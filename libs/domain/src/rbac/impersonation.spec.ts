import { authorize } from './authorizer';
import { bootstrapPolicy } from './bootstrap-policy';
import { forbiddenError } from './forbidden-message';
import { impersonatedUser, impersonationChecks, impersonationRequest } from './impersonation';
import { RBAC_GROUP, type ClusterRole, type ClusterRoleBinding } from './types';
import { withAuthenticatedGroup } from './user-info';

describe('impersonation', () => {
  it('reads the Impersonate-* headers kubectl sends for --as, --as-group and --as-uid', () => {
    expect(impersonationRequest({ accept: 'application/json' })).toBeUndefined();
    expect(impersonationRequest({ 'impersonate-user': 'bob', 'impersonate-group': ['ops', 'dev'], 'impersonate-uid': 'u-1', 'impersonate-extra-scopes%2Fread': 'a, b' })).toEqual({
      user: 'bob',
      groups: ['ops', 'dev'],
      uid: 'u-1',
      extra: { 'scopes/read': ['a', 'b'] },
    });
  });

  it('refuses groups without a user, two users and a bad extra key with 400', () => {
    for (const h of [{ 'impersonate-group': 'ops' }, { 'impersonate-user': ['a', 'b'] }, { 'impersonate-user': 'a', 'impersonate-extra-%zz': 'x' }]) {
      expect(() => impersonationRequest(h)).toThrow(expect.objectContaining({ code: 400 }));
    }
  });

  it('asks for impersonate on the user (or service account), each group, extra and uid', () => {
    expect(impersonationChecks({ user: 'bob', groups: ['ops'], uid: 'u-1', extra: { scopes: ['read'] } })).toEqual([
      { verb: 'impersonate', apiGroup: '', resource: 'users', name: 'bob' },
      { verb: 'impersonate', apiGroup: '', resource: 'groups', name: 'ops' },
      { verb: 'impersonate', apiGroup: 'authentication.k8s.io', resource: 'userextras', subresource: 'scopes', name: 'read' },
      { verb: 'impersonate', apiGroup: 'authentication.k8s.io', resource: 'uids', name: 'u-1' },
    ]);
    expect(impersonationChecks({ user: 'system:serviceaccount:team-a:builder', groups: [], extra: {} })).toEqual([
      { verb: 'impersonate', apiGroup: '', resource: 'serviceaccounts', namespace: 'team-a', name: 'builder' },
    ]);
  });

  it('acts as exactly the user and groups asked for, plus the implied group', () => {
    expect(impersonatedUser({ user: 'bob', groups: [], extra: {} })).toEqual({ name: 'bob', groups: ['system:authenticated'] });
    expect(impersonatedUser({ user: 'bob', groups: ['ops'], extra: {} })).toEqual({ name: 'bob', groups: ['ops', 'system:authenticated'] });
    expect(impersonatedUser({ user: 'system:anonymous', groups: [], extra: {} })).toEqual({ name: 'system:anonymous', groups: ['system:unauthenticated'] });
    expect(impersonatedUser({ user: 'system:serviceaccount:team-a:builder', groups: [], extra: {} }).groups).toEqual(['system:serviceaccounts', 'system:serviceaccounts:team-a', 'system:authenticated']);
  });

  it('is allowed by an impersonate rule naming the user, and refused in kube-apiserver’s words otherwise', () => {
    const role: ClusterRole = { metadata: { name: 'impersonate-bob' }, rules: [{ apiGroups: [''], resources: ['users'], verbs: ['impersonate'], resourceNames: ['bob'] }] };
    const binding: ClusterRoleBinding = { metadata: { name: 'alice-bob' }, roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: 'impersonate-bob' }, subjects: [{ kind: 'User', apiGroup: RBAC_GROUP, name: 'alice' }] };
    const policy = bootstrapPolicy({ clusterRoles: [role], clusterRoleBindings: [binding] });
    const alice = withAuthenticatedGroup({ name: 'alice', groups: [] });
    const [asBob] = impersonationChecks({ user: 'bob', groups: [], extra: {} });
    const [asCarol] = impersonationChecks({ user: 'carol', groups: [], extra: {} });
    expect(authorize(alice, asBob, policy).allowed).toBe(true);
    expect(authorize(alice, asCarol, policy).allowed).toBe(false);
    expect(forbiddenError(alice, asCarol).message).toBe('users "carol" is forbidden: User "alice" cannot impersonate resource "users" in API group "" at the cluster scope');
  });
});
