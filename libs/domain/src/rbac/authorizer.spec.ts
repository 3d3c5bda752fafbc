import { authorize } from './authorizer';
import { staticPolicy } from './static-policy';
import { serviceAccountUser, withAuthenticatedGroup } from './user-info';
import { RBAC_GROUP, type ClusterRole, type ClusterRoleBinding, type ResourceAttributes, type Role, type RoleBinding, type Subject, type UserInfo } from './types';

const alice: UserInfo = withAuthenticatedGroup({ name: 'alice', groups: ['dev'] });
const bob: UserInfo = withAuthenticatedGroup({ name: 'bob', groups: [] });

const podReader: ClusterRole = { metadata: { name: 'pod-reader' }, rules: [{ verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods'] }] };
const healthz: ClusterRole = { metadata: { name: 'healthz' }, rules: [{ verbs: ['get'], nonResourceURLs: ['/healthz'] }] };
const cmEditor: Role = { metadata: { name: 'cm-editor', namespace: 'team-a' }, rules: [{ verbs: ['*'], apiGroups: [''], resources: ['configmaps'] }] };

const user = (name: string): Subject => ({ kind: 'User', apiGroup: RBAC_GROUP, name });
const group = (name: string): Subject => ({ kind: 'Group', apiGroup: RBAC_GROUP, name });

function roleBinding(name: string, namespace: string, kind: 'Role' | 'ClusterRole', role: string, subjects: Subject[]): RoleBinding {
  return { metadata: { name, namespace }, roleRef: { apiGroup: RBAC_GROUP, kind, name: role }, subjects };
}

function clusterRoleBinding(name: string, role: string, subjects: Subject[]): ClusterRoleBinding {
  return { metadata: { name }, roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: role }, subjects };
}

const pods = (verb: string, namespace?: string, name?: string): ResourceAttributes => ({ verb, apiGroup: '', resource: 'pods', namespace, name });
const configmaps = (verb: string, namespace?: string): ResourceAttributes => ({ verb, apiGroup: '', resource: 'configmaps', namespace, name: 'settings' });

describe('authorize', () => {
  it('denies when nothing is bound, with no reason', () => {
    expect(authorize(alice, pods('get', 'team-a', 'web-1'), staticPolicy({}))).toEqual({ allowed: false, reason: '' });
  });

  it('grants a ClusterRoleBinding everywhere: every namespace and cluster scope', () => {
    const policy = staticPolicy({ clusterRoles: [podReader], clusterRoleBindings: [clusterRoleBinding('read-pods', 'pod-reader', [user('alice')])] });
    expect(authorize(alice, pods('get', 'team-a', 'web-1'), policy).allowed).toBe(true);
    expect(authorize(alice, pods('list', 'team-b'), policy).allowed).toBe(true);
    expect(authorize(alice, pods('list'), policy).allowed).toBe(true);
    expect(authorize(alice, pods('delete', 'team-a', 'web-1'), policy).allowed).toBe(false);
    expect(authorize(bob, pods('get', 'team-a', 'web-1'), policy).allowed).toBe(false);
  });

  it('names the binding, role and subject that allowed', () => {
    const policy = staticPolicy({ clusterRoles: [podReader], clusterRoleBindings: [clusterRoleBinding('read-pods', 'pod-reader', [user('bob'), user('alice')])] });
    expect(authorize(alice, pods('get', 'team-a', 'web-1'), policy).reason).toBe(
      'RBAC: allowed by ClusterRoleBinding "read-pods" of ClusterRole "pod-reader" to User "alice"',
    );
  });

  it('grants a RoleBinding only inside its own namespace', () => {
    const policy = staticPolicy({ roles: [cmEditor], roleBindings: [roleBinding('cm', 'team-a', 'Role', 'cm-editor', [user('alice')])] });
    expect(authorize(alice, configmaps('update', 'team-a'), policy)).toEqual({
      allowed: true,
      reason: 'RBAC: allowed by RoleBinding "cm/team-a" of Role "cm-editor" to User "alice"',
    });
    expect(authorize(alice, configmaps('update', 'team-b'), policy).allowed).toBe(false);
    expect(authorize(alice, configmaps('list'), policy).allowed).toBe(false);
  });

  it('looks a Role up in the binding namespace only', () => {
    const elsewhere: Role = { ...cmEditor, metadata: { name: 'cm-editor', namespace: 'team-b' } };
    const policy = staticPolicy({ roles: [elsewhere], roleBindings: [roleBinding('cm', 'team-a', 'Role', 'cm-editor', [user('alice')])] });
    expect(authorize(alice, configmaps('get', 'team-a'), policy)).toEqual({
      allowed: false,
      reason: 'RBAC: role.rbac.authorization.k8s.io "cm-editor" not found',
    });
  });

  it('lets a RoleBinding grant a ClusterRole, scoped to the binding namespace', () => {
    const policy = staticPolicy({ clusterRoles: [podReader], roleBindings: [roleBinding('read', 'team-a', 'ClusterRole', 'pod-reader', [user('alice')])] });
    expect(authorize(alice, pods('get', 'team-a', 'web-1'), policy)).toEqual({
      allowed: true,
      reason: 'RBAC: allowed by RoleBinding "read/team-a" of ClusterRole "pod-reader" to User "alice"',
    });
    expect(authorize(alice, pods('get', 'team-b', 'web-1'), policy).allowed).toBe(false);
    expect(authorize(alice, pods('list'), policy).allowed).toBe(false);
  });

  it('grants non-resource URLs through ClusterRoleBindings but never through RoleBindings', () => {
    const viaRoleBinding = staticPolicy({ clusterRoles: [healthz], roleBindings: [roleBinding('h', 'team-a', 'ClusterRole', 'healthz', [user('alice')])] });
    expect(authorize(alice, { verb: 'get', path: '/healthz' }, viaRoleBinding).allowed).toBe(false);
    const viaClusterRoleBinding = staticPolicy({ clusterRoles: [healthz], clusterRoleBindings: [clusterRoleBinding('h', 'healthz', [user('alice')])] });
    expect(authorize(alice, { verb: 'get', path: '/healthz' }, viaClusterRoleBinding).allowed).toBe(true);
    expect(authorize(alice, { verb: 'get', path: '/metrics' }, viaClusterRoleBinding).allowed).toBe(false);
  });

  it('matches Group subjects by membership, including system:authenticated', () => {
    const policy = staticPolicy({
      clusterRoles: [podReader, healthz],
      roleBindings: [roleBinding('devs', 'team-a', 'ClusterRole', 'pod-reader', [group('dev')])],
      clusterRoleBindings: [clusterRoleBinding('everyone', 'healthz', [group('system:authenticated')])],
    });
    expect(authorize(alice, pods('get', 'team-a', 'web-1'), policy).reason).toBe('RBAC: allowed by RoleBinding "devs/team-a" of ClusterRole "pod-reader" to Group "dev"');
    expect(authorize(bob, pods('get', 'team-a', 'web-1'), policy).allowed).toBe(false);
    expect(authorize(bob, { verb: 'get', path: '/healthz' }, policy).allowed).toBe(true);
    // The authorizer adds no groups: a caller that skipped withAuthenticatedGroup gets no such grant.
    expect(authorize({ name: 'bob', groups: [] }, { verb: 'get', path: '/healthz' }, policy).allowed).toBe(false);
  });

  describe('service accounts', () => {
    const robot = serviceAccountUser('team-a', 'robot');

    it('match a ServiceAccount subject by namespace and name', () => {
      const policy = staticPolicy({
        clusterRoles: [podReader],
        clusterRoleBindings: [clusterRoleBinding('robots', 'pod-reader', [{ kind: 'ServiceAccount', name: 'robot', namespace: 'team-a' }])],
      });
      expect(authorize(robot, pods('list', 'team-b'), policy).reason).toBe(
        'RBAC: allowed by ClusterRoleBinding "robots" of ClusterRole "pod-reader" to ServiceAccount "robot/team-a"',
      );
      expect(authorize(serviceAccountUser('team-b', 'robot'), pods('list', 'team-b'), policy).allowed).toBe(false);
      expect(authorize({ name: 'robot', groups: [] }, pods('list', 'team-b'), policy).allowed).toBe(false);
    });

    it('default a RoleBinding subject without namespace to the binding namespace', () => {
      const policy = staticPolicy({
        clusterRoles: [podReader],
        roleBindings: [roleBinding('robots', 'team-a', 'ClusterRole', 'pod-reader', [{ kind: 'ServiceAccount', name: 'robot' }])],
      });
      expect(authorize(robot, pods('list', 'team-a'), policy).reason).toBe(
        'RBAC: allowed by RoleBinding "robots/team-a" of ClusterRole "pod-reader" to ServiceAccount "robot/team-a"',
      );
    });

    it('match nobody through a ClusterRoleBinding subject without namespace', () => {
      const policy = staticPolicy({
        clusterRoles: [podReader],
        clusterRoleBindings: [clusterRoleBinding('robots', 'pod-reader', [{ kind: 'ServiceAccount', name: 'robot' }])],
      });
      expect(authorize(robot, pods('list', 'team-a'), policy).allowed).toBe(false);
    });

    it('match the system:serviceaccounts groups', () => {
      const policy = staticPolicy({
        clusterRoles: [podReader, healthz],
        roleBindings: [roleBinding('sa-a', 'team-a', 'ClusterRole', 'pod-reader', [group('system:serviceaccounts:team-a')])],
        clusterRoleBindings: [clusterRoleBinding('all-sa', 'healthz', [group('system:serviceaccounts')])],
      });
      expect(authorize(robot, pods('get', 'team-a', 'web-1'), policy).allowed).toBe(true);
      expect(authorize(serviceAccountUser('team-b', 'robot'), pods('get', 'team-a', 'web-1'), policy).allowed).toBe(false);
      expect(authorize(serviceAccountUser('team-b', 'robot'), { verb: 'get', path: '/healthz' }, policy).allowed).toBe(true);
      expect(authorize(alice, { verb: 'get', path: '/healthz' }, policy).allowed).toBe(false);
    });
  });

  it('ignores subjects of unknown kinds', () => {
    const policy = staticPolicy({ clusterRoles: [podReader], clusterRoleBindings: [clusterRoleBinding('odd', 'pod-reader', [{ kind: 'Robot', name: 'alice' }])] });
    expect(authorize(alice, pods('list'), policy).allowed).toBe(false);
  });

  it('allows system:masters everything, before and without any binding', () => {
    const root: UserInfo = { name: 'root', groups: ['system:masters'] };
    expect(authorize(root, pods('delete', 'team-a', 'web-1'), staticPolicy({}))).toEqual({ allowed: true, reason: '' });
    expect(authorize(root, { verb: 'get', path: '/anything' }, staticPolicy({}))).toEqual({ allowed: true, reason: '' });
    expect(authorize(root, { verb: 'escalate', apiGroup: RBAC_GROUP, resource: 'clusterroles' }, staticPolicy({}))).toEqual({ allowed: true, reason: '' });
  });

  it('reports bindings to missing roles in a denial, as kube-apiserver appends them', () => {
    const policy = staticPolicy({
      clusterRoleBindings: [clusterRoleBinding('a', 'gone', [user('alice')]), clusterRoleBinding('b', 'gone', [user('alice')])],
      roleBindings: [
        roleBinding('c', 'team-a', 'ClusterRole', 'also-gone', [user('alice')]),
        { metadata: { name: 'd', namespace: 'team-a' }, roleRef: { apiGroup: RBAC_GROUP, kind: 'Thing', name: 'x' }, subjects: [user('alice')] },
      ],
    });
    expect(authorize(alice, pods('get', 'team-a', 'web-1'), policy)).toEqual({
      allowed: false,
      reason: 'RBAC: [clusterrole.rbac.authorization.k8s.io "gone" not found, clusterrole.rbac.authorization.k8s.io "also-gone" not found, unsupported role reference kind: "Thing"]',
    });
    expect(authorize(alice, pods('get', 'team-b', 'web-1'), policy).reason).toBe('RBAC: clusterrole.rbac.authorization.k8s.io "gone" not found');
    // Bindings that do not name the user are not resolved at all.
    expect(authorize(bob, pods('get', 'team-a', 'web-1'), policy).reason).toBe('');
  });

  it('allows despite broken bindings when another binding grants the request', () => {
    const policy = staticPolicy({
      clusterRoles: [podReader],
      clusterRoleBindings: [clusterRoleBinding('a', 'gone', [user('alice')]), clusterRoleBinding('b', 'pod-reader', [user('alice')])],
    });
    expect(authorize(alice, pods('get', 'team-a', 'web-1'), policy).allowed).toBe(true);
  });

  it('consults ClusterRoleBindings before RoleBindings', () => {
    const policy = staticPolicy({
      clusterRoles: [podReader],
      roleBindings: [roleBinding('local', 'team-a', 'ClusterRole', 'pod-reader', [user('alice')])],
      clusterRoleBindings: [clusterRoleBinding('global', 'pod-reader', [user('alice')])],
    });
    expect(authorize(alice, pods('get', 'team-a', 'web-1'), policy).reason).toMatch(/^RBAC: allowed by ClusterRoleBinding "global"/);
  });
});
