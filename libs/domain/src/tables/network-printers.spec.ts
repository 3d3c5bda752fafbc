import type { KubeObject } from '../meta/types';
import { ENDPOINTS_PRINTER, formatEndpoints, SERVICE_PRINTER, serviceExternalIP } from './network-printers';

const now = new Date('2025-06-01T12:00:00Z');
const svc = (spec: Record<string, unknown>, status: Record<string, unknown> = {}): KubeObject => ({
  kind: 'Service',
  metadata: { name: 'web', creationTimestamp: '2025-06-01T10:00:00Z' },
  spec,
  status,
});

describe('service table rows', () => {
  it('prints type, cluster IP, external IP, ports, age and selector', () => {
    const s = svc({ type: 'NodePort', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], selector: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP', nodePort: 30080 }, { port: 53, protocol: 'UDP' }] });
    expect(SERVICE_PRINTER.cells(s, now)).toEqual(['web', 'NodePort', '10.96.0.10', '<none>', '80:30080/TCP,53/UDP', '120m', 'app=web']);
  });

  it('prints a headless service without ports or selector', () => {
    expect(SERVICE_PRINTER.cells(svc({ type: 'ClusterIP', clusterIP: 'None' }), now)).toEqual(['web', 'ClusterIP', 'None', '<none>', '<none>', '120m', '<none>']);
  });

  it('shows the load balancer ingress, or <pending> until there is one', () => {
    expect(serviceExternalIP(svc({ type: 'LoadBalancer' }))).toBe('<pending>');
    expect(serviceExternalIP(svc({ type: 'LoadBalancer' }, { loadBalancer: { ingress: [{ ip: '5.6.7.8' }, { hostname: 'lb.example.com' }, { ip: '1.2.3.4' }] } }))).toBe('1.2.3.4,5.6.7.8,lb.example.com');
    expect(serviceExternalIP(svc({ type: 'LoadBalancer', externalIPs: ['9.9.9.9'] }, { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } }))).toBe('1.2.3.4,9.9.9.9');
  });

  it('shows external IPs and external names', () => {
    expect(serviceExternalIP(svc({ type: 'ClusterIP', externalIPs: ['1.1.1.1', '2.2.2.2'] }))).toBe('1.1.1.1,2.2.2.2');
    expect(serviceExternalIP(svc({ type: 'ExternalName', externalName: 'db.example.com' }))).toBe('db.example.com');
  });
});

describe('endpoints table rows', () => {
  const ep = (subsets: unknown): KubeObject => ({ kind: 'Endpoints', metadata: { name: 'web', creationTimestamp: '2025-06-01T11:59:00Z' }, subsets });

  it('prints address:port pairs', () => {
    const e = ep([{ addresses: [{ ip: '10.1.0.4' }, { ip: '10.1.0.5' }], ports: [{ port: 8080 }] }]);
    expect(ENDPOINTS_PRINTER.cells(e, now)).toEqual(['web', '10.1.0.4:8080,10.1.0.5:8080', '60s']);
  });

  it('shows three endpoints and counts the rest', () => {
    const e = ep([{ addresses: [1, 2, 3, 4, 5].map((i) => ({ ip: `10.0.0.${i}` })), ports: [{ port: 80 }] }]);
    expect(formatEndpoints(e)).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...');
  });

  it('prints bare addresses when there are no ports, brackets IPv6, and <none> when empty', () => {
    expect(formatEndpoints(ep([{ addresses: [{ ip: '10.0.0.1' }] }]))).toBe('10.0.0.1');
    expect(formatEndpoints(ep([{ addresses: [{ ip: 'fd00::1' }], ports: [{ port: 80 }] }]))).toBe('[fd00::1]:80');
    expect(formatEndpoints(ep(undefined))).toBe('<none>');
  });
});
