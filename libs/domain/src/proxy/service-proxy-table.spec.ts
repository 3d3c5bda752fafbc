import type { Endpoints } from '../kinds/endpoints';
import type { Service } from '../kinds/service';
import { proxyListenAddresses, readyBackends, serviceProxyPorts } from './service-proxy-table';

const service = (spec: Service['spec']): Service => ({ metadata: { namespace: 'shop', name: 'web' }, spec });
const endpoints = (subsets: Endpoints['subsets']): Endpoints => ({ metadata: { namespace: 'shop', name: 'web' }, subsets });

describe('service proxy table', () => {
  it('lists each TCP port with its ClusterIP and the ready addresses of the subset port of the same name', () => {
    const svc = service({
      clusterIP: '127.32.0.10',
      ports: [
        { name: 'http', port: 80, targetPort: 8080 },
        { name: 'admin', port: 81, protocol: 'TCP', targetPort: 9090 },
      ],
    });
    const eps = endpoints([
      {
        addresses: [{ ip: '127.64.0.2' }, { ip: '127.64.0.3' }],
        notReadyAddresses: [{ ip: '127.64.0.4' }],
        ports: [
          { name: 'admin', port: 9090 },
          { name: 'http', port: 8080, protocol: 'TCP' },
        ],
      },
    ]);
    expect(serviceProxyPorts(svc, eps)).toEqual([
      { name: 'shop/web:http', clusterIP: '127.32.0.10', port: 80, backends: [{ ip: '127.64.0.2', port: 8080 }, { ip: '127.64.0.3', port: 8080 }] },
      { name: 'shop/web:admin', clusterIP: '127.32.0.10', port: 81, backends: [{ ip: '127.64.0.2', port: 9090 }, { ip: '127.64.0.3', port: 9090 }] },
    ]);
  });

  it('matches an unnamed single port to the unnamed subset port', () => {
    const svc = service({ clusterIP: '127.32.0.10', ports: [{ port: 80 }] });
    const eps = endpoints([{ addresses: [{ ip: '127.64.0.2' }], ports: [{ port: 8080 }] }]);
    expect(serviceProxyPorts(svc, eps)).toEqual([{ name: 'shop/web:', clusterIP: '127.32.0.10', port: 80, backends: [{ ip: '127.64.0.2', port: 8080 }] }]);
  });

  it('gives NodePort and LoadBalancer services their node ports, ClusterIP services none', () => {
    const ports = [{ name: 'http', port: 80, nodePort: 30080 }];
    expect(serviceProxyPorts(service({ type: 'NodePort', clusterIP: '127.32.0.10', ports }), undefined)[0].nodePort).toBe(30080);
    expect(serviceProxyPorts(service({ type: 'LoadBalancer', clusterIP: '127.32.0.10', ports }), undefined)[0].nodePort).toBe(30080);
    expect(serviceProxyPorts(service({ type: 'ClusterIP', clusterIP: '127.32.0.10', ports }), undefined)[0]).not.toHaveProperty('nodePort');
  });

  it('has no backends without Endpoints, with only not-ready addresses, or with no port of that name', () => {
    const svc = service({ clusterIP: '127.32.0.10', ports: [{ name: 'http', port: 80 }] });
    expect(serviceProxyPorts(svc, undefined)[0].backends).toEqual([]);
    expect(serviceProxyPorts(svc, endpoints([{ notReadyAddresses: [{ ip: '127.64.0.2' }], ports: [{ name: 'http', port: 8080 }] }]))[0].backends).toEqual([]);
    expect(serviceProxyPorts(svc, endpoints([{ addresses: [{ ip: '127.64.0.2' }], ports: [{ name: 'web', port: 8080 }] }]))[0].backends).toEqual([]);
  });

  it('skips UDP and SCTP ports, headless and ExternalName services', () => {
    const svc = service({ clusterIP: '127.32.0.10', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 's', port: 9, protocol: 'SCTP' }, { name: 'tcp', port: 53 }] });
    expect(serviceProxyPorts(svc, undefined).map((p) => p.name)).toEqual(['shop/web:tcp']);
    expect(serviceProxyPorts(service({ clusterIP: 'None', ports: [{ port: 80 }] }), undefined)).toEqual([]);
    expect(serviceProxyPorts(service({ type: 'ExternalName', externalName: 'example.com', ports: [{ port: 80 }] }), undefined)).toEqual([]);
  });

  it('collects ready backends across subsets, each address:port once, never a UDP port of the same name', () => {
    const eps = endpoints([
      { addresses: [{ ip: '127.64.0.2' }], ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] },
      { addresses: [{ ip: '127.64.0.3' }, { ip: '127.64.0.3' }], ports: [{ name: 'dns', port: 5353 }] },
      { addresses: [{ ip: '127.64.0.4' }], notReadyAddresses: [{ ip: '127.64.0.5' }], ports: [{ name: 'dns', port: 5353 }] },
    ]);
    expect(readyBackends(eps, 'dns')).toEqual([
      { ip: '127.64.0.3', port: 5353 },
      { ip: '127.64.0.4', port: 5353 },
    ]);
  });

  it('listens on every ClusterIP:port, and on each node IP for node ports', () => {
    const ports = [
      ...serviceProxyPorts(service({ type: 'NodePort', clusterIP: '127.32.0.10', ports: [{ name: 'http', port: 80, nodePort: 30080 }] }), undefined),
      ...serviceProxyPorts({ metadata: { namespace: 'shop', name: 'db' }, spec: { clusterIP: '127.32.0.11', ports: [{ port: 5432 }] } }, undefined),
    ];
    const listen = proxyListenAddresses(ports, ['127.64.0.1', '127.65.0.1']);
    expect([...listen.values()]).toEqual([
      { host: '127.32.0.10', port: 80, servicePort: 'shop/web:http' },
      { host: '127.64.0.1', port: 30080, servicePort: 'shop/web:http' },
      { host: '127.65.0.1', port: 30080, servicePort: 'shop/web:http' },
      { host: '127.32.0.11', port: 5432, servicePort: 'shop/db:' },
    ]);
    expect([...listen.keys()][1]).toBe('127.64.0.1:30080');
  });
});
