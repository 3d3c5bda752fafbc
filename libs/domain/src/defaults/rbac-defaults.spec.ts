import type { KubeObject } from '../meta/types';
import { applyDefaults } from './apply-defaults';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function defaulted(kind: string, obj: Json): Json {
  applyDefaults(kind, obj as KubeObject);
  return obj;
}

describe('RBAC defaults', () => {
  it.each(['RoleBinding', 'ClusterRoleBinding'])('gives a %s roleRef and its User and Group subjects the RBAC group', (kind) => {
    const b = defaulted(kind, {
      metadata: { name: 'b' },
      roleRef: { kind: 'ClusterRole', name: 'view' },
      subjects: [{ kind: 'User', name: 'alice' }, { kind: 'Group', name: 'devs' }, { kind: 'ServiceAccount', name: 'builder', namespace: 'ci' }],
    });
    expect(b.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' });
    expect(b.subjects).toEqual([
      { kind: 'User', name: 'alice', apiGroup: 'rbac.authorization.k8s.io' },
      { kind: 'Group', name: 'devs', apiGroup: 'rbac.authorization.k8s.io' },
      { kind: 'ServiceAccount', name: 'builder', namespace: 'ci' },
    ]);
  });

  it('keeps an apiGroup the client set, and leaves unknown subject kinds alone', () => {
    const b = defaulted('RoleBinding', {
      metadata: { name: 'b' },
      roleRef: { apiGroup: 'example.com', kind: 'Role', name: 'r' },
      subjects: [{ kind: 'User', name: 'alice', apiGroup: 'example.com' }, { kind: 'Robot', name: 'r2' }],
    });
    expect(b.roleRef.apiGroup).toBe('example.com');
    expect(b.subjects).toEqual([{ kind: 'User', name: 'alice', apiGroup: 'example.com' }, { kind: 'Robot', name: 'r2' }]);
  });

  it('defaults the group of a missing roleRef, as decoding into an empty struct does', () => {
    expect(defaulted('ClusterRoleBinding', { metadata: { name: 'b' } }).roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io' });
  });

  it('leaves Roles and ClusterRoles as they are', () => {
    const role = { metadata: { name: 'r', namespace: 'a' }, rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }] };
    expect(defaulted('Role', structuredClone(role))).toEqual(role);
    expect(defaulted('ClusterRole', { metadata: { name: 'c' } })).toEqual({ metadata: { name: 'c' } });
  });
});
