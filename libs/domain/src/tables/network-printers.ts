import type { KubeObject } from '../meta/types';
import { asArr, asNum, asObj, asStr, formatLabels } from './format';
import { since } from './human-duration';
import { AGE_COLUMN, column, NAME_COLUMN, TablePrinter, wideColumn } from './types';

/** Load balancer ingress points, sorted and de-duplicated (IP, else host name). */
function loadBalancerAddresses(svc: KubeObject): string[] {
  const found = new Set<string>();
  for (const ingress of asArr(asObj(asObj(svc.status).loadBalancer).ingress)) {
    const address = asStr(ingress.ip) || asStr(ingress.hostname);
    if (address) found.add(address);
  }
  return [...found].sort();
}

/** The EXTERNAL-IP cell of a service. */
export function serviceExternalIP(svc: KubeObject): string {
  const spec = asObj(svc.spec);
  const externalIPs = Array.isArray(spec.externalIPs) ? spec.externalIPs.map(asStr) : [];
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerAddresses(svc);
      if (externalIPs.length) return [...lb, ...externalIPs].join(',');
      return lb.length ? lb.join(',') : '<pending>';
    }
    case 'ExternalName':
      return asStr(spec.externalName);
    default:
      return '<unknown>';
  }
}

/** The PORT(S) cell: `80/TCP,443:30443/TCP`. */
export function servicePorts(svc: KubeObject): string {
  const ports = asArr(asObj(svc.spec).ports).map((p) => {
    const protocol = asStr(p.protocol) || 'TCP';
    const nodePort = asNum(p.nodePort);
    return nodePort > 0 ? `${asNum(p.port)}:${nodePort}/${protocol}` : `${asNum(p.port)}/${protocol}`;
  });
  return ports.length ? ports.join(',') : '<none>';
}

export const SERVICE_PRINTER: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Type', 'string', 'How the service is exposed: ClusterIP, NodePort, LoadBalancer or ExternalName.'),
    column('Cluster-IP', 'string', 'Virtual IP of the service inside the cluster.'),
    column('External-IP', 'string', 'Addresses reachable from outside the cluster.'),
    column('Port(s)', 'string', 'Ports of the service, with node ports.'),
    AGE_COLUMN,
    wideColumn('Selector', 'string', 'Labels of the pods that receive the traffic.'),
  ],
  cells(svc, now) {
    const spec = asObj(svc.spec);
    const clusterIPs = Array.isArray(spec.clusterIPs) ? spec.clusterIPs.map(asStr) : [];
    const clusterIP = clusterIPs[0] || asStr(spec.clusterIP) || '<none>';
    return [svc.metadata?.name ?? '', asStr(spec.type) || 'ClusterIP', clusterIP, serviceExternalIP(svc), servicePorts(svc), since(svc.metadata?.creationTimestamp, now), formatLabels(spec.selector)];
  },
};

/** Host:port pairs of an Endpoints object, at most three then `+ N more...`. */
export function formatEndpoints(endpoints: KubeObject): string {
  const subsets = asArr(endpoints.subsets);
  if (!subsets.length) return '<none>';
  const MAX = 3;
  const list: string[] = [];
  let count = 0;
  let more = false;
  const add = (text: string): void => {
    if (list.length === MAX) more = true;
    else list.push(text);
  };
  for (const ss of subsets) {
    const addresses = asArr(ss.addresses).map((a) => asStr(a.ip));
    const ports = asArr(ss.ports);
    if (!ports.length) {
      count += addresses.length;
      addresses.forEach(add);
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const ip of addresses) add(ip.includes(':') ? `[${ip}]:${asNum(port.port)}` : `${ip}:${asNum(port.port)}`);
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - MAX} more...` : text;
}

export const ENDPOINTS_PRINTER: TablePrinter = {
  columns: [NAME_COLUMN, column('Endpoints', 'string', 'Addresses and ports backing the service.'), AGE_COLUMN],
  cells(ep, now) {
    return [ep.metadata?.name ?? '', formatEndpoints(ep), since(ep.metadata?.creationTimestamp, now)];
  },
};
