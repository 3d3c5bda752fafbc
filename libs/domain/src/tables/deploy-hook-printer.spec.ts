import { tableColumns, toTable } from './to-table';

describe('DeployHook table', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  const hook = {
    metadata: { name: 'web', creationTimestamp: '2026-11-26T11:00:00Z' },
    spec: { target: { kind: 'Deployment', name: 'web', container: 'app' }, secretRef: { name: 's' } },
    status: { webhookPath: '/hooks/abc', lastDelivery: { id: '7', time: '2026-11-26T11:58:00Z', outcome: 'applied', image: 'web:2.0' } },
  };

  it('shows the target, the path and the last delivery', () => {
    expect(tableColumns('DeployHook').map((c) => [c.name, c.priority])).toEqual([
      ['Name', 0], ['Target', 0], ['Path', 0], ['Last Delivery', 0], ['Outcome', 0], ['Age', 0], ['Container', 1], ['Image', 1],
    ]);
    const table = toTable('DeployHook', [hook], { now, includeObject: 'None', listMeta: {} });
    expect(table.rows[0].cells).toEqual(['web', 'Deployment/web', '/hooks/abc', '2m', 'applied', '60m', 'app', 'web:2.0']);
  });

  it('says <none> before the first delivery', () => {
    const fresh = { ...hook, spec: { ...hook.spec, target: { kind: 'StatefulSet', name: 'db' } }, status: { webhookPath: '/hooks/abc' } };
    expect(toTable('DeployHook', [fresh], { now, includeObject: 'None', listMeta: {} }).rows[0].cells).toEqual(['web', 'StatefulSet/db', '/hooks/abc', '<none>', '<none>', '60m', '<none>', '<none>']);
  });
});
