import { bindingForGrant, bindingNamesUser, subjectsColumn } from './role-grant';
import { RBAC_GROUP } from './types';

describe('bindingForGrant', () => {
  it('makes a RoleBinding in a namespace, of a ClusterRole or a Role, named after subject and role by default', () => {
    expect(bindingForGrant({ user: 'alice', clusterRole: 'view', namespace: 'team-a' })).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'alice-view', namespace: 'team-a' },
      subjects: [{ kind: 'User', apiGroup: RBAC_GROUP, name: 'alice' }],
      roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: 'view' },
    });
    const role = bindingForGrant({ name: 'readers', group: 'team-a', role: 'reader', namespace: 'team-a' });
    expect(role.metadata.name).toBe('readers');
    expect(role.subjects).toEqual([{ kind: 'Group', apiGroup: RBAC_GROUP, name: 'team-a' }]);
    expect(role.roleRef).toEqual({ apiGroup: RBAC_GROUP, kind: 'Role', name: 'reader' });
  });

  it('makes a ClusterRoleBinding without a namespace', () => {
    const b = bindingForGrant({ name: 'ops-admin', group: 'ops', clusterRole: 'cluster-admin' });
    expect(b.kind).toBe('ClusterRoleBinding');
    expect(b.metadata).toEqual({ name: 'ops-admin' });
  });

  it('refuses anything but one subject and one role, and a Role cluster-wide, naming the argument', () => {
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as { details?: { causes?: { field: string }[] } }).details?.causes?.[0].field;
      }
      return 'no error';
    };
    expect(field(() => bindingForGrant({ clusterRole: 'view' }))).toBe('user');
    expect(field(() => bindingForGrant({ user: 'a', group: 'b', clusterRole: 'view' }))).toBe('user');
    expect(field(() => bindingForGrant({ user: 'a' }))).toBe('clusterRole');
    expect(field(() => bindingForGrant({ user: 'a', role: 'r', clusterRole: 'view', namespace: 'x' }))).toBe('clusterRole');
    expect(field(() => bindingForGrant({ user: 'a', role: 'reader' }))).toBe('namespace');
  });
});

describe('bindings naming a user', () => {
  it('matches User subjects by name only, and prints subjects as a column', () => {
    const b = bindingForGrant({ user: 'alice', clusterRole: 'view', namespace: 'x' });
    b.subjects!.push({ kind: 'Group', apiGroup: RBAC_GROUP, name: 'bob' });
    expect(bindingNamesUser(b, 'alice')).toBe(true);
    expect(bindingNamesUser(b, 'bob')).toBe(false);
    expect(subjectsColumn(b.subjects)).toBe('User/alice,Group/bob');
    expect(subjectsColumn([{ kind: 'ServiceAccount', name: 'default', namespace: 'kube-system' }])).toBe('ServiceAccount/kube-system/default');
  });
});
