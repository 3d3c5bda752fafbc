import type { KubeObject } from '../meta/types';
import { endpointSubsets, servesEndpoints } from './endpoints-for-service';

const service = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'ns' }, spec });
const pod = (name: string, ip: string | undefined, ready: boolean, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'ns', uid: `uid-${name}`, labels: { app: 'web' }, ...(extra.metadata as object) },
  spec: { nodeName: 'n1', containers: [{ name: 'c', ports: [{ name: 'http', containerPort: (extra.port as number) ?? 8080 }] }] },
  status: { podIP: ip, phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});

describe('endpoints for a Service', () => {
  const svc = service({ selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] });

  it('lists ready pods as addresses and the others as notReadyAddresses, with the target port resolved by name', () => {
    const subsets = endpointSubsets(svc, [pod('b', '127.1.0.10', true), pod('a', '127.1.0.9', true), pod('c', '127.1.0.11', false), pod('nip', undefined, true)]);
    expect(subsets).toEqual([
      {
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
        addresses: [
          { ip: '127.1.0.9', nodeName: 'n1', targetRef: { kind: 'Pod', namespace: 'ns', name: 'a', uid: 'uid-a' } },
          { ip: '127.1.0.10', nodeName: 'n1', targetRef: { kind: 'Pod', namespace: 'ns', name: 'b', uid: 'uid-b' } },
        ],
        notReadyAddresses: [{ ip: '127.1.0.11', nodeName: 'n1', targetRef: { kind: 'Pod', namespace: 'ns', name: 'c', uid: 'uid-c' } }],
      },
    ]);
  });

  it('drops a pod as soon as it is being deleted, and pods of other namespaces or labels', () => {
    const going = pod('going', '127.1.0.12', true, { metadata: { deletionTimestamp: '2026-01-01T00:00:00Z' } });
    const other = { ...pod('other', '127.1.0.13', true), metadata: { name: 'other', namespace: 'elsewhere', labels: { app: 'web' } } };
    const unlabelled = { ...pod('x', '127.1.0.14', true), metadata: { name: 'x', namespace: 'ns', labels: { app: 'db' } } };
    expect(endpointSubsets(svc, [going, other, unlabelled])).toEqual([]);
  });

  it('groups pods whose named port resolves differently into separate subsets; numeric targets need no lookup', () => {
    const subsets = endpointSubsets(svc, [pod('a', '127.1.0.1', true), pod('b', '127.1.0.2', true, { port: 9090 })]);
    expect(subsets.map((s) => s.ports?.[0].port)).toEqual([8080, 9090]);
    const numeric = service({ selector: { app: 'web' }, ports: [{ port: 80, targetPort: 3000 }] });
    expect(endpointSubsets(numeric, [pod('a', '127.1.0.1', true)])[0].ports).toEqual([{ port: 3000, protocol: 'TCP' }]);
  });

  it('publishes not-ready pods as ready on request; only Services with a selector are managed', () => {
    const publish = service({ selector: { app: 'web' }, publishNotReadyAddresses: true, ports: [{ port: 80 }] });
    expect(endpointSubsets(publish, [pod('a', '127.1.0.1', false)])[0].addresses).toHaveLength(1);
    expect(servesEndpoints(svc)).toBe(true);
    expect(servesEndpoints(service({ ports: [{ port: 80 }] }))).toBe(false);
  });
});
