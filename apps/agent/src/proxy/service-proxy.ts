import type * as net from 'net';
import { proxyListenAddresses, RoundRobin, serviceProxyPorts, type Endpoints, type ProxyServicePort, type Service } from '@skiff/domain';
import type { ApiClient } from '../api-client';
import { ProxyListener } from './proxy-listener';
import { forward } from './tcp-forward';
import { WatchedObjects } from './watched-objects';

export interface ServiceProxyOptions {
  /** How often an address that could not be bound is tried again. */
  rebindMs?: number;
  connectTimeoutMs?: number;
  log?: (msg: string) => void;
}

interface ServicePortState extends ProxyServicePort {
  picker: RoundRobin;
}

/**
 * Skiff's kube-proxy for one agent process: a TCP listener for every Service
 * ClusterIP:port and, on each of `nodeIPs`, every NodePort, each connection going to the
 * next ready backend round-robin. Services and Endpoints are watched; a change of backends
 * applies to new connections, and a listener that is closed lets its connections finish.
 */
export class ServiceProxy {
  private readonly abort = new AbortController();
  private readonly services: WatchedObjects<Service>;
  private readonly endpoints: WatchedObjects<Endpoints>;
  private readonly ports = new Map<string, ServicePortState>(); // service port name → table row
  private readonly portsOfService = new Map<string, string[]>(); // <namespace>/<name> → port names
  private readonly listeners = new Map<string, ProxyListener>(); // host:port → listener
  private synced = false;
  private readonly log: (msg: string) => void;

  constructor(
    api: ApiClient,
    private readonly nodeIPs: readonly string[],
    private readonly opts: ServiceProxyOptions = {},
  ) {
    this.log = opts.log ?? (() => undefined);
    // A Service and its Endpoints share namespace and name: a change to either recomputes that service.
    this.services = new WatchedObjects<Service>(api, '/api/v1/services', (keys) => this.changed(keys), this.log);
    this.endpoints = new WatchedObjects<Endpoints>(api, '/api/v1/endpoints', (keys) => this.changed(keys), this.log);
  }

  start(): void {
    void this.services.run(this.abort.signal);
    void this.endpoints.run(this.abort.signal);
  }

  async stop(): Promise<void> {
    this.abort.abort();
    for (const l of this.listeners.values()) l.close();
    this.listeners.clear();
  }

  private changed(keys: Iterable<string>): void {
    // Like kube-proxy, nothing is served before both lists are in: no service is briefly without backends.
    if (this.abort.signal.aborted || !this.services.listed || !this.endpoints.listed) return;
    if (!this.synced) {
      this.synced = true;
      keys = this.services.items.keys();
    }
    for (const key of keys) this.updateService(key);
    this.syncListeners();
  }

  private updateService(key: string): void {
    const service = this.services.items.get(key);
    const rows = service ? serviceProxyPorts(service, this.endpoints.items.get(key)) : [];
    for (const name of this.portsOfService.get(key) ?? []) if (!rows.some((r) => r.name === name)) this.ports.delete(name);
    for (const row of rows) this.ports.set(row.name, { ...row, picker: this.ports.get(row.name)?.picker ?? new RoundRobin() });
    if (rows.length) this.portsOfService.set(key, rows.map((r) => r.name));
    else this.portsOfService.delete(key);
  }

  private syncListeners(): void {
    const wanted = proxyListenAddresses(this.ports.values(), this.nodeIPs);
    for (const [address, listener] of this.listeners) {
      if (wanted.has(address)) continue;
      listener.close();
      this.listeners.delete(address);
    }
    for (const [address, want] of wanted) {
      const listener = this.listeners.get(address);
      if (listener) listener.servicePort = want.servicePort;
      else this.listeners.set(address, new ProxyListener(want.host, want.port, want.servicePort, (socket, name) => this.accept(socket, name), this.log, this.opts.rebindMs ?? 5000));
    }
  }

  /** Whether any Service still sends new connections to `ip` through this proxy. */
  serves(ip: string): boolean {
    for (const row of this.ports.values()) if (row.backends.some((b) => b.ip === ip)) return true;
    return false;
  }

  private accept(client: net.Socket, servicePort: string): void {
    const row = this.ports.get(servicePort);
    const backends = row ? row.picker.order(row.backends) : [];
    forward(client, backends, {
      connectTimeoutMs: this.opts.connectTimeoutMs ?? 5000,
      onBackendFailed: (b, err) => this.log(`service proxy: ${servicePort}: backend ${b.ip}:${b.port}: ${err.message}`),
    });
  }
}
