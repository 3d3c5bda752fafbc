import type { KubeObject } from '../meta/types';
import { EVENT_PRINTER, LEASE_PRINTER, NAMESPACE_PRINTER, NODE_PRINTER, nodeRoles } from './cluster-printers';

const now = new Date('2025-06-01T12:00:00Z');
const ago = (seconds: number): string => new Date(now.getTime() - seconds * 1000).toISOString();

describe('node table rows', () => {
  const node = (extra: Partial<KubeObject> = {}): KubeObject => ({
    kind: 'Node',
    metadata: { name: 'n1', creationTimestamp: ago(3 * 86400), labels: { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'worker' } },
    status: {
      conditions: [{ type: 'Ready', status: 'True' }],
      addresses: [{ type: 'InternalIP', address: '10.0.0.1' }, { type: 'Hostname', address: 'n1' }],
      nodeInfo: { kubeletVersion: 'v1.32.0', osImage: 'Debian GNU/Linux 12', kernelVersion: '6.1.0', containerRuntimeVersion: 'skiff://0.1.0' },
    },
    ...extra,
  });

  it('prints status, roles, age, version and the wide cells', () => {
    expect(NODE_PRINTER.cells(node(), now)).toEqual(['n1', 'Ready', 'control-plane,worker', '3d', 'v1.32.0', '10.0.0.1', '<none>', 'Debian GNU/Linux 12', '6.1.0', 'skiff://0.1.0']);
  });

  it('shows NotReady, Unknown and SchedulingDisabled', () => {
    expect(NODE_PRINTER.cells(node({ status: { conditions: [{ type: 'Ready', status: 'Unknown' }] } }), now)[1]).toBe('NotReady');
    expect(NODE_PRINTER.cells(node({ status: {}, spec: { unschedulable: true } }), now)[1]).toBe('Unknown,SchedulingDisabled');
  });

  it('finds no roles when there are no role labels', () => {
    expect(nodeRoles({ metadata: { labels: { 'node-role.kubernetes.io/': '' } } })).toEqual([]);
    expect(NODE_PRINTER.cells({ kind: 'Node', metadata: { name: 'x' } }, now).slice(2, 10)).toEqual(['<none>', '<unknown>', '', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>']);
  });
});

describe('namespace and lease table rows', () => {
  it('prints the phase of a namespace', () => {
    expect(NAMESPACE_PRINTER.cells({ metadata: { name: 'default', creationTimestamp: ago(30) }, status: { phase: 'Active' } }, now)).toEqual(['default', 'Active', '30s']);
  });

  it('prints the holder of a lease', () => {
    expect(LEASE_PRINTER.cells({ metadata: { name: 'n1', creationTimestamp: ago(30) }, spec: { holderIdentity: 'n1' } }, now)).toEqual(['n1', 'n1', '30s']);
    expect(LEASE_PRINTER.cells({ metadata: { name: 'n1' }, spec: {} }, now)).toEqual(['n1', '', '<unknown>']);
  });
});

describe('event table rows', () => {
  const event = (extra: Record<string, unknown>): KubeObject => ({
    kind: 'Event',
    metadata: { name: 'web-1.17a', creationTimestamp: ago(100) },
    involvedObject: { kind: 'Pod', name: 'web-1', fieldPath: 'spec.containers{web}' },
    type: 'Normal',
    reason: 'Pulled',
    message: ' Image pulled \n',
    source: { component: 'kubelet', host: 'n1' },
    ...extra,
  });

  it('prints LAST SEEN TYPE REASON OBJECT MESSAGE and the wide cells', () => {
    const cells = EVENT_PRINTER.cells(event({ firstTimestamp: ago(300), lastTimestamp: ago(20), count: 3 }), now);
    expect(cells).toEqual(['20s', 'Normal', 'Pulled', 'pod/web-1', 'spec.containers{web}', 'kubelet, n1', 'Image pulled', '5m', 3, 'web-1.17a']);
    expect(EVENT_PRINTER.columns.filter((c) => c.priority === 0).map((c) => c.name)).toEqual(['Last Seen', 'Type', 'Reason', 'Object', 'Message']);
  });

  it('falls back to the event time and counts a singleton event once', () => {
    const cells = EVENT_PRINTER.cells(event({ eventTime: ago(40), source: {}, reportingComponent: 'scheduler' }), now);
    expect([cells[0], cells[5], cells[7], cells[8]]).toEqual(['40s', 'scheduler', '40s', 1]);
  });

  it('uses the series of a repeated event', () => {
    const cells = EVENT_PRINTER.cells(event({ eventTime: ago(400), series: { count: 7, lastObservedTime: ago(9) } }), now);
    expect([cells[0], cells[8]]).toEqual(['9s', 7]);
  });
});
