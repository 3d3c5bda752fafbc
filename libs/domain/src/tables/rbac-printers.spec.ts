import { toTable } from './to-table';
import { CLUSTER_ROLE_BINDING_PRINTER, createdAt, ROLE_BINDING_PRINTER, ROLE_PRINTER } from './rbac-printers';

const now = new Date('2025-06-01T12:00:00Z');
const metadata = { name: 'x', creationTimestamp: '2025-06-01T11:59:30Z' };

describe('RBAC table rows', () => {
  it('prints a Role or ClusterRole as its name and creation time in RFC 3339', () => {
    expect(ROLE_PRINTER.columns.map((c) => [c.name, c.type, c.priority])).toEqual([
      ['Name', 'string', 0],
      ['Created At', 'date', 0],
    ]);
    expect(ROLE_PRINTER.cells({ metadata, rules: [] }, now)).toEqual(['x', '2025-06-01T11:59:30Z']);
    expect(toTable('ClusterRole', [{ metadata: { name: 'view', creationTimestamp: '2025-06-01T11:00:00.123Z' } }], { now, includeObject: 'None', listMeta: {} }).rows[0].cells).toEqual([
      'view',
      '2025-06-01T11:00:00Z',
    ]);
  });

  it('prints Go’s zero time for a role without a creation time', () => {
    expect(createdAt(undefined)).toBe('0001-01-01T00:00:00Z');
  });

  it('prints a binding’s role as Kind/name, and its subjects by kind in the wide columns', () => {
    const binding = {
      metadata,
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      subjects: [
        { kind: 'User', name: 'alice' },
        { kind: 'ServiceAccount', name: 'builder', namespace: 'ci' },
        { kind: 'User', name: 'bob' },
        { kind: 'Group', name: 'devs' },
        { kind: 'ServiceAccount', name: 'default' },
        { kind: 'Robot', name: 'r2' },
      ],
    };
    expect(ROLE_BINDING_PRINTER.cells(binding, now)).toEqual(['x', 'ClusterRole/view', '30s', 'alice, bob', 'devs', 'ci/builder, /default']);
    expect(CLUSTER_ROLE_BINDING_PRINTER.cells({ metadata, roleRef: { kind: 'ClusterRole', name: 'cluster-admin' } }, now)).toEqual([
      'x',
      'ClusterRole/cluster-admin',
      '30s',
      '',
      '',
      '',
    ]);
  });

  it('shows users, groups and service accounts only with -o wide', () => {
    for (const printer of [ROLE_BINDING_PRINTER, CLUSTER_ROLE_BINDING_PRINTER]) {
      expect(printer.columns.map((c) => `${c.name}:${c.priority}`)).toEqual(['Name:0', 'Role:0', 'Age:0', 'Users:1', 'Groups:1', 'ServiceAccounts:1']);
    }
    expect(ROLE_BINDING_PRINTER.columns[3].description).toBe('Users in the roleBinding');
    expect(CLUSTER_ROLE_BINDING_PRINTER.columns[3].description).toBe('Users in the clusterRoleBinding');
  });
});
