import {
  envSourceNames,
  nodeAddress,
  podAddress,
  podStatusFromReport,
  resolveContainerEnv,
  rfc3339,
  SERVING_CERT_ANNOTATION,
  volumeFiles as volumeFiles_,
  volumeSourceNames,
  type ContainerEnvSpec,
  type EnvSources,
  type KubeObject,
  type PodVolumeSpec,
} from '@skiff/domain';
import type { ApiClient } from './api-client';
import { podStartTimer } from './observability/agent-metrics';
import type { PodRuntimeStatus, RuntimeDriver } from './runtime/runtime';

export interface NodeResources {
  cpu: string;
  memory: string;
  pods: string;
}

const LEASE_SECONDS = 40;

/** Starts the node's own endpoint (for `kubectl logs`) on its address. */
export type StartEndpoint = (nodeName: string, hostIP: string) => Promise<{ port: number; certSha256: string }>;

/** Resolves once no Service sends new connections to this pod IP any more (or the wait is over). */
export type Drain = (podIP: string, maxMs: number) => Promise<void>;

/**
 * One node's kubelet: registers the Node, keeps its Lease fresh, and runs the pods
 * bound to it through the runtime driver, reporting their status.
 */
export class NodeAgent {
  private podCIDR = '';
  private readonly addresses = new Map<string, string>(); // pod uid → IP
  private readonly running = new Set<string>();
  private renewals = 0;

  constructor(
    readonly name: string,
    private readonly api: ApiClient,
    private readonly runtime: RuntimeDriver,
    private readonly resources: NodeResources,
    private readonly startEndpoint?: StartEndpoint,
    private readonly drain?: Drain,
  ) {}

  /** Pods this node runs now. */
  get runningPods(): number {
    return this.running.size;
  }

  get hostIP(): string {
    return this.podCIDR ? nodeAddress(this.podCIDR) : '127.0.0.1';
  }

  /** Creates the Node (the API gives it a podCIDR) or takes over the existing one, then reports Ready. */
  async register(): Promise<void> {
    let node: KubeObject;
    try {
      node = await this.api.call('POST', '/api/v1/nodes', { metadata: { name: this.name, labels: { 'kubernetes.io/hostname': this.name, 'kubernetes.io/os': 'linux' } }, spec: {} });
    } catch (e) {
      if ((e as { code?: number }).code !== 409) throw e;
      node = await this.api.call('GET', `/api/v1/nodes/${this.name}`);
    }
    this.podCIDR = (node.spec as { podCIDR?: string }).podCIDR ?? '';
    const endpoint = await this.startEndpoint?.(this.name, this.hostIP);
    if (endpoint) await this.api.mergePatch(`/api/v1/nodes/${this.name}`, { metadata: { annotations: { [SERVING_CERT_ANNOTATION]: endpoint.certSha256 } } });
    const now = rfc3339(new Date());
    await this.api.mergePatch(`/api/v1/nodes/${this.name}/status`, {
      status: {
        capacity: this.resources,
        allocatable: this.resources,
        addresses: [
          { type: 'InternalIP', address: this.hostIP },
          { type: 'Hostname', address: this.name },
        ],
        daemonEndpoints: { kubeletEndpoint: { Port: endpoint?.port ?? 0 } },
        conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'skiff-agent is posting ready status', lastHeartbeatTime: now, lastTransitionTime: now }],
        nodeInfo: { kubeletVersion: 'v1.32.0-skiff', operatingSystem: 'linux', architecture: process.arch, containerRuntimeVersion: 'skiff://0.1.0', osImage: 'Skiff', kernelVersion: '', kubeProxyVersion: '', machineID: '', systemUUID: '', bootID: '' },
      },
    });
    await this.renewLease();
  }

  /**
   * The heartbeat: the node lifecycle controller reads this Lease's renewTime. Every
   * sixth renewal, and the first after one failed, also posts Ready again (the kubelet's
   * status report), so a node marked Unknown while it could not reach the API recovers.
   */
  async renewLease(): Promise<void> {
    const path = `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${this.name}`;
    const renewTime = new Date().toISOString().replace('Z', '000Z');
    try {
      await this.api.mergePatch(path, { spec: { renewTime } });
    } catch (e) {
      if ((e as { code?: number }).code !== 404) {
        this.renewals = -1;
        throw e;
      }
      await this.api.call('POST', '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases', {
        metadata: { name: this.name },
        spec: { holderIdentity: this.name, leaseDurationSeconds: LEASE_SECONDS, renewTime },
      });
    }
    if (this.renewals++ % 6 === 5 || this.renewals === 0) await this.postReady();
  }

  private async postReady(): Promise<void> {
    const now = rfc3339(new Date());
    const ready = { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'skiff-agent is posting ready status', lastHeartbeatTime: now };
    await this.api.call('PATCH', `/api/v1/nodes/${this.name}/status`, { status: { conditions: [ready] } }, 'application/strategic-merge-patch+json');
  }

  /** A pod bound to this node changed: start it, or stop it and let the API remove it. */
  async sync(pod: KubeObject): Promise<void> {
    const uid = pod.metadata.uid!;
    const path = `/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}`;
    if (pod.metadata.deletionTimestamp) {
      // Drain first: traffic leaves the pod (its Endpoints drop it at once) before SIGTERM,
      // so a rollout drops no request even without a preStop hook. Counts against the grace period.
      const grace = pod.metadata.deletionGracePeriodSeconds ?? 30;
      const ip = this.addresses.get(uid);
      const started = Date.now();
      if (ip && this.drain && grace > 0) await this.drain(ip, Math.min(2000, (grace * 1000) / 2));
      await this.runtime.stopPod(pod, Math.max(0, grace - (Date.now() - started) / 1000));
      this.running.delete(uid);
      this.addresses.delete(uid);
      // Processes gone: now the API may forget the pod.
      await this.api.call('DELETE', `${path}?gracePeriodSeconds=0`, { preconditions: { uid } }).catch((e) => {
        if (![404, 409].includes((e as { code?: number }).code ?? 0)) throw e;
      });
      return;
    }
    if (this.running.has(uid)) return;
    this.running.add(uid);
    // A pod keeps the IP it has (its processes may be running on it, adopted after a restart).
    const had = (pod.status as { podIP?: string } | undefined)?.podIP;
    const ip = this.addresses.get(uid) ?? (had && had !== this.hostIP ? had : this.freeAddress());
    this.addresses.set(uid, ip);
    // The kubelet's status manager: the newest status is written, one write at a time; a
    // failed write is tried again (a lost "Ready" would stall a rollout for good).
    let latest = pod;
    let wanted: PodRuntimeStatus | undefined;
    let writing = false;
    const flush = async (): Promise<void> => {
      if (writing || !wanted) return;
      writing = true;
      const status = wanted;
      wanted = undefined;
      try {
        latest = await this.api.mergePatch(`${path}/status`, { status: podStatusFromReport(latest, status, this.hostIP, new Date()) });
      } catch (e) {
        if ((e as { code?: number }).code === 404 || !this.running.has(uid)) return;
        wanted ??= status;
        setTimeout(() => void flush(), 1000).unref();
        return;
      } finally {
        writing = false;
      }
      void flush();
    };
    const started = podStartTimer(pod);
    const report = (status: PodRuntimeStatus) => {
      started(status);
      wanted = status;
      void flush();
    };
    const { pod: withEnv, configErrors, volumeFiles } = await this.resolveConfig(pod, ip);
    report(await this.runtime.startPod(withEnv, ip, report, { configErrors, volumeFiles }));
    if (configErrors.size) this.retryConfig(pod, ip, 1000);
  }

  /** As the kubelet's sync loop does: look for the missing ConfigMaps and Secrets again, less often each time (to 30 s). */
  private retryConfig(pod: KubeObject, ip: string, delayMs: number): void {
    setTimeout(async () => {
      if (!this.running.has(pod.metadata.uid!)) return;
      try {
        const { pod: withEnv, configErrors, volumeFiles } = await this.resolveConfig(pod, ip);
        this.runtime.retryConfig?.(withEnv, { configErrors, volumeFiles });
        if (!configErrors.size) return;
      } catch {
        /* the API is away: try again */
      }
      this.retryConfig(pod, ip, Math.min(delayMs * 2, 30_000));
    }, delayMs).unref();
  }

  /**
   * What a pod's containers take from ConfigMaps, Secrets and the downward API: env
   * resolved to plain values, the files of ConfigMap/Secret volumes, and the containers
   * that cannot start yet (a source is missing) with the reason.
   */
  private async resolveConfig(pod: KubeObject, podIP: string): Promise<{ pod: KubeObject; configErrors: Map<string, string>; volumeFiles: Map<string, Record<string, string>> }> {
    const ns = pod.metadata.namespace!;
    const containers = (pod.spec as { containers?: (ContainerEnvSpec & { volumeMounts?: { name: string }[] })[] }).containers ?? [];
    const volumes = (pod.spec as { volumes?: PodVolumeSpec[] }).volumes ?? [];
    const fromEnv = envSourceNames(containers);
    const fromVolumes = volumeSourceNames(volumes);
    const names = { configMaps: [...new Set([...fromEnv.configMaps, ...fromVolumes.configMaps])], secrets: [...new Set([...fromEnv.secrets, ...fromVolumes.secrets])] };
    const fetch = async (kind: 'configmaps' | 'secrets', name: string) => {
      try {
        const obj = await this.api.call('GET', `/api/v1/namespaces/${ns}/${kind}/${name}`);
        const data = (obj.data ?? {}) as Record<string, string>;
        return kind === 'secrets' ? Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString()])) : data;
      } catch (e) {
        if ((e as { code?: number }).code === 404) return undefined;
        throw e;
      }
    };
    const sources: EnvSources = { configMaps: new Map(), secrets: new Map() };
    for (const n of names.configMaps) sources.configMaps.set(n, await fetch('configmaps', n));
    for (const n of names.secrets) sources.secrets.set(n, await fetch('secrets', n));
    const view = { ...pod, status: { ...(pod.status as object), podIP, hostIP: this.hostIP } };
    const configErrors = new Map<string, string>();
    const volumeFiles = new Map<string, Record<string, string>>();
    const volumeErrors = new Map<string, string>();
    for (const v of volumes) {
      const r = volumeFiles_(v, sources);
      if (r && 'error' in r) volumeErrors.set(v.name, r.error);
      else if (r) volumeFiles.set(v.name, r.files);
    }
    const resolved = containers.map((c) => {
      const mountError = (c.volumeMounts ?? []).map((m) => volumeErrors.get(m.name)).find(Boolean);
      if (mountError) {
        configErrors.set(c.name, mountError);
        return c;
      }
      const r = resolveContainerEnv(c, view, sources);
      if ('error' in r) {
        configErrors.set(c.name, r.error);
        return c;
      }
      return { ...c, env: r.env, envFrom: undefined };
    });
    return { pod: { ...pod, spec: { ...(pod.spec as object), containers: resolved } }, configErrors, volumeFiles };
  }

  /** Before starting anything: remember the IPs pods already have, so no new pod gets one. */
  reserve(pod: KubeObject): void {
    const ip = (pod.status as { podIP?: string } | undefined)?.podIP;
    if (ip && ip !== this.hostIP && !pod.metadata.deletionTimestamp) this.addresses.set(pod.metadata.uid!, ip);
  }

  private freeAddress(): string {
    const used = new Set(this.addresses.values());
    for (let n = 0; ; n++) {
      const ip = podAddress(this.podCIDR, n);
      if (!ip) return this.hostIP;
      if (!used.has(ip)) return ip;
    }
  }

  forget(pod: KubeObject): void {
    this.running.delete(pod.metadata.uid!);
    this.addresses.delete(pod.metadata.uid!);
  }
}
