import { staticPolicy } from './static-policy';
import { RBAC_GROUP, type RoleBinding } from './types';

const binding = (name: string, namespace: string): RoleBinding => ({ metadata: { name, namespace }, roleRef: { apiGroup: RBAC_GROUP, kind: 'Role', name: 'r' } });

describe('staticPolicy', () => {
  const policy = staticPolicy({
    roles: [{ metadata: { name: 'r', namespace: 'team-a' } }, { metadata: { name: 'r', namespace: 'team-b' }, rules: [] }],
    clusterRoles: [{ metadata: { name: 'view' } }],
    roleBindings: [binding('one', 'team-a'), binding('two', 'team-b'), binding('three', 'team-a')],
  });

  it('finds Roles by namespace and name, and ClusterRoles by name', () => {
    expect(policy.getRole('team-b', 'r')?.rules).toEqual([]);
    expect(policy.getRole('team-c', 'r')).toBeUndefined();
    expect(policy.getRole('', 'r')).toBeUndefined();
    expect(policy.getClusterRole('view')?.metadata.name).toBe('view');
    expect(policy.getClusterRole('edit')).toBeUndefined();
  });

  it('lists RoleBindings per namespace, in the order given', () => {
    expect(policy.listRoleBindings('team-a').map((b) => b.metadata.name)).toEqual(['one', 'three']);
    expect(policy.listRoleBindings('nowhere')).toEqual([]);
    expect(policy.listClusterRoleBindings()).toEqual([]);
  });
});
