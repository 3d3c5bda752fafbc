import type { Pod } from '../kinds/pod';

/** The address every host port binds when `hostIP` is empty. */
export const BIND_ALL_HOST_IP = '0.0.0.0';

/** One host port a pod binds on its node: address, protocol and port. */
export interface HostPort {
  readonly ip: string;
  readonly protocol: string;
  readonly port: number;
}

/**
 * The host ports a pod binds (schedutil.GetHostPorts): ports with `hostPort > 0` of its
 * containers and of its sidecars (init containers with `restartPolicy: Always`, which
 * run as long as the pod). An empty address is 0.0.0.0 and an empty protocol TCP.
 */
export function podHostPorts(pod: Pod): HostPort[] {
  const ports: HostPort[] = [];
  const spec = pod.spec;
  const collect = (containerPorts: { hostPort?: number; protocol?: string; hostIP?: string }[] | undefined): void => {
    for (const p of containerPorts ?? []) {
      if (!p.hostPort || p.hostPort <= 0) continue;
      ports.push({ ip: p.hostIP || BIND_ALL_HOST_IP, protocol: p.protocol || 'TCP', port: p.hostPort });
    }
  };
  for (const c of spec?.initContainers ?? []) if (c.restartPolicy === 'Always') collect(c.ports);
  for (const c of spec?.containers ?? []) collect(c.ports);
  return ports;
}

/**
 * The host ports in use on one node (kube-scheduler's HostPortInfo), counted so a port
 * two pods declare stays in use until both are gone.
 */
export class HostPortUsage {
  /** `ip|protocol|port` → pods using it. */
  private readonly byAddress = new Map<string, number>();
  /** `protocol|port` → pods using it on any address, for 0.0.0.0 lookups. */
  private readonly byPort = new Map<string, number>();

  /** How many distinct address/protocol/port triples are in use. */
  get size(): number {
    return this.byAddress.size;
  }

  /** Marks a port as used by one more pod. */
  add(p: HostPort): void {
    bump(this.byAddress, `${p.ip}|${p.protocol}|${p.port}`, 1);
    bump(this.byPort, `${p.protocol}|${p.port}`, 1);
  }

  /** Releases one pod's use of a port. */
  remove(p: HostPort): void {
    bump(this.byAddress, `${p.ip}|${p.protocol}|${p.port}`, -1);
    bump(this.byPort, `${p.protocol}|${p.port}`, -1);
  }

  /**
   * Whether binding `p` would clash (HostPortInfo.CheckConflict): 0.0.0.0 clashes with the
   * same protocol and port on any address; a specific address clashes with itself and 0.0.0.0.
   */
  conflicts(p: HostPort): boolean {
    if (p.ip === BIND_ALL_HOST_IP) return this.byPort.has(`${p.protocol}|${p.port}`);
    return this.byAddress.has(`${p.ip}|${p.protocol}|${p.port}`) || this.byAddress.has(`${BIND_ALL_HOST_IP}|${p.protocol}|${p.port}`);
  }
}

function bump(map: Map<string, number>, key: string, delta: number): void {
  const n = (map.get(key) ?? 0) + delta;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}
