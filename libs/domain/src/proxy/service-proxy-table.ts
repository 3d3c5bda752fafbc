import type { Endpoints } from '../kinds/endpoints';
import type { Service, ServicePort } from '../kinds/service';

/** A ready endpoint of a service port: an address from Endpoints with the subset's matching port. */
export interface ProxyBackend {
  ip: string;
  port: number;
}

/** What a node's service proxy does for one TCP port of a Service. */
export interface ProxyServicePort {
  /** `<namespace>/<service>:<port name>`, kube-proxy's ServicePortName (the port name may be empty). */
  name: string;
  clusterIP: string;
  port: number;
  /** Set for NodePort and LoadBalancer services. */
  nodePort?: number;
  backends: ProxyBackend[];
}

/** One address a node's proxy listens on, and the service port it serves. */
export interface ProxyListenAddress {
  host: string;
  port: number;
  servicePort: string;
}

const isTCP = (protocol: string | undefined) => (protocol ?? 'TCP') === 'TCP';

/**
 * The proxy table of one Service: its TCP ports (the proxy serves no UDP or SCTP), each
 * with the ready backends its Endpoints list. Headless and ExternalName services have
 * nothing to proxy.
 */
export function serviceProxyPorts(service: Service, endpoints: Endpoints | undefined): ProxyServicePort[] {
  const spec = service.spec ?? {};
  const clusterIP = spec.clusterIP;
  if (spec.type === 'ExternalName' || !clusterIP || clusterIP === 'None') return [];
  const hasNodePorts = spec.type === 'NodePort' || spec.type === 'LoadBalancer';
  return (spec.ports ?? [])
    .filter((p) => isTCP(p.protocol))
    .map((p) => ({
      name: servicePortName(service, p),
      clusterIP,
      port: p.port,
      ...(hasNodePorts && p.nodePort ? { nodePort: p.nodePort } : {}),
      backends: readyBackends(endpoints, p.name ?? ''),
    }));
}

export function servicePortName(service: Service, port: ServicePort): string {
  return `${service.metadata.namespace ?? ''}/${service.metadata.name ?? ''}:${port.name ?? ''}`;
}

/**
 * The ready backends of the service port named `portName`: every `addresses` entry (not
 * `notReadyAddresses`) of each subset that has a TCP port of that name, once each.
 */
export function readyBackends(endpoints: Endpoints | undefined, portName: string): ProxyBackend[] {
  const seen = new Set<string>();
  const backends: ProxyBackend[] = [];
  for (const subset of endpoints?.subsets ?? []) {
    const port = subset.ports?.find((p) => (p.name ?? '') === portName && isTCP(p.protocol));
    if (!port) continue;
    for (const address of subset.addresses ?? []) {
      const key = `${address.ip}:${port.port}`;
      if (seen.has(key)) continue;
      seen.add(key);
      backends.push({ ip: address.ip, port: port.port });
    }
  }
  return backends;
}

/**
 * Where a node's proxy listens, keyed `host:port`: each ClusterIP:port, and each NodePort
 * on every IP of the nodes this proxy serves.
 */
export function proxyListenAddresses(ports: Iterable<ProxyServicePort>, nodeIPs: readonly string[]): Map<string, ProxyListenAddress> {
  const addresses = new Map<string, ProxyListenAddress>();
  const add = (host: string, port: number, servicePort: string) => addresses.set(`${host}:${port}`, { host, port, servicePort });
  for (const p of ports) {
    add(p.clusterIP, p.port, p.name);
    if (p.nodePort) for (const ip of nodeIPs) add(ip, p.nodePort, p.name);
  }
  return addresses;
}
