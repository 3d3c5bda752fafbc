import { bootstrapClusterRoles } from './bootstrap-policy';
import { checkGrant, grantsPermissions, onlyGarbageCollectionFieldsChanged } from './grant-check';
import { staticPolicy } from './static-policy';
import { RBAC_GROUP, type Role, type RoleBinding, type UserInfo } from './types';

const bob: UserInfo = { name: 'bob', groups: ['system:authenticated'] };
const binding = (name: string, role: string): RoleBinding => ({
  metadata: { name, namespace: 'team-a' },
  roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: role },
  subjects: [{ kind: 'User', apiGroup: RBAC_GROUP, name: 'bob' }],
});
const policy = staticPolicy({ clusterRoles: bootstrapClusterRoles(), roleBindings: [binding('bob-edit', 'edit')] });
const nodesRole: Role = { metadata: { name: 'nodes', namespace: 'team-a', resourceVersion: '7' }, rules: [{ verbs: ['get'], apiGroups: [''], resources: ['nodes'] }] };

describe('checkGrant', () => {
  it('applies to roles and bindings of the RBAC group only', () => {
    expect(grantsPermissions(RBAC_GROUP, 'rolebindings')).toBe(true);
    expect(grantsPermissions(RBAC_GROUP, 'clusterroles')).toBe(true);
    expect(grantsPermissions('', 'configmaps')).toBe(false);
  });

  it('refuses a binding or role granting more than the writer holds, and allows one within it', () => {
    expect(checkGrant(bob, 'rolebindings', binding('x', 'admin'), undefined, policy).allowed).toBe(false);
    expect(checkGrant(bob, 'rolebindings', binding('x', 'view'), undefined, policy).allowed).toBe(true);
    expect(checkGrant(bob, 'roles', nodesRole, undefined, policy).reason).toContain('{APIGroups:[""], Resources:["nodes"], Verbs:["get"]}');
  });

  it('lets through an update that only touches finalizers or owner references (garbage collection)', () => {
    const gc: Role = { ...nodesRole, metadata: { ...nodesRole.metadata, resourceVersion: '8', finalizers: ['orphan'] } };
    expect(onlyGarbageCollectionFieldsChanged(gc, nodesRole)).toBe(true);
    expect(checkGrant(bob, 'roles', gc, nodesRole, policy).allowed).toBe(true);
    const labelled: Role = { ...nodesRole, metadata: { ...nodesRole.metadata, labels: { a: 'b' } } };
    expect(onlyGarbageCollectionFieldsChanged(labelled, nodesRole)).toBe(false);
    expect(checkGrant(bob, 'roles', labelled, nodesRole, policy).allowed).toBe(false);
  });
});
