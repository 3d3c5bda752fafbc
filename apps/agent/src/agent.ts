import type { KubeObject, KubeList } from '@skiff/domain';
import type { ApiClient } from './api-client';
import { MetricsReporter, type MetricsOptions } from './metrics/metrics-reporter';
import { NodeAgent, type Drain, type NodeResources, type StartEndpoint } from './node-agent';
import { observeRunningPods, timePodWorker } from './observability/agent-metrics';
import type { RuntimeDriver } from './runtime/runtime';

export interface AgentOptions {
  nodes: string[];
  runtime: RuntimeDriver;
  resources: NodeResources;
  leaseRenewMs?: number;
  /** The node's own HTTPS endpoint (logs), when its runtime has something to serve. */
  startEndpoint?: StartEndpoint;
  /** Wait for traffic to leave a pod before stopping it (the Service proxy knows). */
  drain?: Drain;
  /** Push resource usage to the API (`--metrics-seconds`). */
  metrics?: MetricsOptions;
  log?: (msg: string) => void;
}

/**
 * One agent process: a NodeAgent per node it plays (one, or many simulated), one pod
 * watch for all of them, and the lease heartbeats.
 */
export class Agent {
  private readonly nodes = new Map<string, NodeAgent>();
  private readonly abort = new AbortController();
  private timer?: NodeJS.Timeout;
  private renewing = false;
  private metrics?: MetricsReporter;

  constructor(
    private readonly api: ApiClient,
    private readonly opts: AgentOptions,
  ) {
    for (const name of opts.nodes) this.nodes.set(name, new NodeAgent(name, api, opts.runtime, opts.resources, opts.startEndpoint, opts.drain));
  }

  async start(): Promise<void> {
    await inBatches([...this.nodes.values()], 32, (n) => n.register());
    this.opts.log?.(`registered ${this.nodes.size} node(s)`);
    observeRunningPods(() => [...this.nodes.values()].reduce((n, node) => n + node.runningPods, 0));
    this.timer = setInterval(() => void this.renewLeases(), this.opts.leaseRenewMs ?? 10_000);
    void this.watchPods();
    if (this.opts.metrics) this.metrics = MetricsReporter.start(this.api, this.opts.nodes, this.opts.runtime, this.opts.metrics, this.opts.log);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.metrics?.stop();
    this.abort.abort();
  }

  /**
   * One heartbeat round. A node whose renewal fails does not hold up the rest (their
   * leases would lapse with it), and a round still running when the next tick comes
   * lets that tick pass rather than piling rounds onto a slow API.
   */
  private async renewLeases(): Promise<void> {
    if (this.renewing) return;
    this.renewing = true;
    try {
      const failed: string[] = [];
      await inBatches([...this.nodes.values()], 32, (n) => n.renewLease().catch((e) => void failed.push(`${n.name}: ${(e as Error).message}`)));
      if (failed.length) this.opts.log?.(`lease renewal failed for ${failed.length} node(s), first ${failed[0]}`);
    } finally {
      this.renewing = false;
    }
  }

  /** The nodes' own addresses (their InternalIPs): known once `start()` has registered them. */
  get hostIPs(): string[] {
    return [...this.nodes.values()].map((n) => n.hostIP);
  }

  /** List then watch the pods bound to these nodes; on a broken watch, list again. */
  private async watchPods(): Promise<void> {
    // One node: the API filters. Many: watch bound pods and pick ours.
    const selector = this.nodes.size === 1 ? `spec.nodeName%3D${[...this.nodes.keys()][0]}` : 'spec.nodeName!%3D';
    let first = true;
    while (!this.abort.signal.aborted) {
      try {
        const list = await this.api.call<KubeList>('GET', `/api/v1/pods?fieldSelector=${selector}`);
        if (first) {
          // What an earlier run of this agent left for pods that are gone is stopped; the rest is adopted.
          first = false;
          await this.opts.runtime.cleanup?.(new Set(list.items.map((p) => p.metadata.uid!)));
        }
        for (const pod of list.items) this.nodeOf(pod)?.reserve(pod);
        for (const pod of list.items) this.dispatch(pod, 'ADDED');
        await this.api.watch(
          `/api/v1/pods?watch=true&fieldSelector=${selector}&resourceVersion=${list.metadata.resourceVersion}&allowWatchBookmarks=true`,
          (e) => {
            if (e.type === 'ADDED' || e.type === 'MODIFIED' || e.type === 'DELETED') this.dispatch(e.object as KubeObject, e.type);
          },
          this.abort.signal,
        );
      } catch (e) {
        if (this.abort.signal.aborted) return;
        this.opts.log?.(`pod watch: ${(e as Error).message}; listing again`);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  private nodeOf(pod: KubeObject): NodeAgent | undefined {
    return this.nodes.get((pod.spec as { nodeName?: string } | undefined)?.nodeName ?? '');
  }

  private dispatch(pod: KubeObject, type: string): void {
    const node = this.nodeOf(pod);
    if (!node) return;
    if (type === 'DELETED') return node.forget(pod);
    timePodWorker(pod.metadata.deletionTimestamp ? 'delete' : 'sync', () => node.sync(pod)).catch((e) => this.opts.log?.(`pod ${pod.metadata.namespace}/${pod.metadata.name}: ${(e as Error).message}`));
  }
}

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}
