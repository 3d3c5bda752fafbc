import type { KubeObject } from '../meta/types';
import { tableColumns, toTable } from './to-table';

const now = new Date('2025-06-01T12:00:00Z');
const cm = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', resourceVersion: '7', creationTimestamp: '2025-06-01T11:00:00Z' }, data: { a: 'b' } });

describe('toTable', () => {
  it('produces a meta.k8s.io/v1 Table with the list metadata, columns and one row per object', () => {
    const table = toTable('ConfigMap', [cm('a'), cm('b')], { now, includeObject: 'Metadata', listMeta: { resourceVersion: '9', continue: 'tok' } });
    expect(table.kind).toBe('Table');
    expect(table.apiVersion).toBe('meta.k8s.io/v1');
    expect(table.metadata).toEqual({ resourceVersion: '9', continue: 'tok' });
    expect(table.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Data', 'Age']);
    expect(table.columnDefinitions[0]).toEqual({ name: 'Name', type: 'string', format: 'name', description: expect.any(String), priority: 0 });
    expect(table.rows.map((r) => r.cells)).toEqual([['a', 1, '60m'], ['b', 1, '60m']]);
  });

  it('attaches partial object metadata by default, as kubectl asks for', () => {
    const [row] = toTable('ConfigMap', [cm('a')], { now, includeObject: 'Metadata', listMeta: {} }).rows;
    expect(row.object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: cm('a').metadata });
  });

  it('attaches the whole object, or nothing, when asked', () => {
    expect(toTable('ConfigMap', [cm('a')], { now, includeObject: 'Object', listMeta: {} }).rows[0].object).toEqual(cm('a'));
    expect(toTable('ConfigMap', [cm('a')], { now, includeObject: 'None', listMeta: {} }).rows[0].object).toBeNull();
  });

  it('fills in apiVersion and kind of whole objects stored without them', () => {
    const bare = { metadata: { name: 'web' }, spec: {} };
    expect(toTable('Deployment', [bare], { now, includeObject: 'Object', listMeta: {} }).rows[0].object).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment' });
  });

  it('adds row conditions where the kind has them', () => {
    const done: KubeObject = { kind: 'Pod', metadata: { name: 'job-1' }, spec: { containers: [] }, status: { phase: 'Succeeded' } };
    const [row] = toTable('Pod', [done], { now, includeObject: 'None', listMeta: {} }).rows;
    expect(row.conditions?.[0]).toMatchObject({ type: 'Completed', reason: 'Succeeded' });
    expect(toTable('ConfigMap', [cm('a')], { now, includeObject: 'None', listMeta: {} }).rows[0]).not.toHaveProperty('conditions');
  });

  it('prints kinds it does not know as NAME and AGE', () => {
    const table = toTable('Widget', [{ metadata: { name: 'w', creationTimestamp: '2025-06-01T11:59:55Z' } }], { now, includeObject: 'None', listMeta: {} });
    expect(table.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Age']);
    expect(table.rows[0].cells).toEqual(['w', '5s']);
  });

  it('leaves the column definitions out when headers are not wanted', () => {
    expect(toTable('Pod', [], { now, includeObject: 'Metadata', listMeta: {}, noHeaders: true }).columnDefinitions).toEqual([]);
  });

  it('has as many cells in every row as there are columns, for every kind', () => {
    const kinds = ['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController', 'ControllerRevision', 'HorizontalPodAutoscaler', 'Service', 'Endpoints', 'Node', 'Namespace', 'Event', 'ConfigMap', 'Secret', 'PersistentVolumeClaim', 'Lease', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'DeployHook'];
    for (const kind of kinds) {
      const table = toTable(kind, [{ metadata: { name: 'x' } }], { now, includeObject: 'None', listMeta: {} });
      expect([kind, table.rows[0].cells.length]).toEqual([kind, tableColumns(kind).length]);
    }
  });

  it('puts wide-only columns at priority 1', () => {
    expect(tableColumns('Pod').filter((c) => c.priority === 1).map((c) => c.name)).toEqual(['IP', 'Node', 'Nominated Node', 'Readiness Gates']);
    expect(tableColumns('Node').filter((c) => c.priority === 1).map((c) => c.name)).toEqual(['Internal-IP', 'External-IP', 'OS-Image', 'Kernel-Version', 'Container-Runtime']);
  });
});
