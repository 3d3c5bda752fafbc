import type { MetricsReport, NodeUsage } from '@skiff/domain';
import type { ApiClient } from '../api-client';
import type { RuntimeDriver } from '../runtime/runtime';
import { ProcUsageSource } from './proc-usage-source';
import { SyntheticUsageSource } from './synthetic-usage-source';
import type { UsageSource } from './usage-source';

export interface MetricsOptions {
  /** How often usage is measured and pushed (`--metrics-seconds`). */
  intervalMs: number;
  /** Made-up usage (the simulated runtime) instead of reading /proc. */
  synthetic: boolean;
}

/** Pods per request, so a report for many simulated nodes stays well under the API's 3 MiB body limit. */
const PODS_PER_REPORT = 2000;

/**
 * Pushes the usage of this agent's nodes and containers to `POST /skiff/v1/metrics`
 * every interval (the API keeps it for metrics.k8s.io, the dashboard and the autoscaler).
 */
export class MetricsReporter {
  private timer?: NodeJS.Timeout;
  private sending = false;
  private failing = false;

  constructor(
    private readonly api: ApiClient,
    private readonly nodes: readonly string[],
    private readonly source: UsageSource,
    private readonly intervalMs: number,
    private readonly log?: (msg: string) => void,
  ) {}

  static start(api: ApiClient, nodes: readonly string[], runtime: RuntimeDriver, opts: MetricsOptions, log?: (msg: string) => void): MetricsReporter {
    const source = opts.synthetic ? new SyntheticUsageSource(runtime, opts.intervalMs) : new ProcUsageSource(runtime);
    const reporter = new MetricsReporter(api, nodes, source, opts.intervalMs, log);
    reporter.start();
    return reporter;
  }

  start(): void {
    // The first sample is the baseline rates are measured from.
    this.source.sample(this.nodes, Date.now());
    this.timer = setInterval(() => void this.report(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One measurement, pushed; a slow API skips an interval rather than piling requests up. */
  async report(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      const nowMs = Date.now();
      const sample = this.source.sample(this.nodes, nowMs);
      if (!sample) return;
      const base = { kind: 'MetricsReport' as const, apiVersion: 'skiff.io/v1' as const, timestamp: new Date(nowMs).toISOString(), windowSeconds: Math.max(0.001, Math.round(sample.windowSeconds * 1000) / 1000) };
      for (const nodes of chunks(sample.nodes)) {
        const report: MetricsReport = { ...base, nodes };
        await this.api.call('POST', '/skiff/v1/metrics', report);
      }
      if (this.failing) this.log?.('metrics: reporting again');
      this.failing = false;
    } catch (e) {
      // Said once per outage, not every interval.
      if (!this.failing) this.log?.(`metrics: ${(e as Error).message}`);
      this.failing = true;
    } finally {
      this.sending = false;
    }
  }
}

function chunks(nodes: NodeUsage[]): NodeUsage[][] {
  const out: NodeUsage[][] = [];
  let current: NodeUsage[] = [];
  let pods = 0;
  for (const n of nodes) {
    if (current.length && pods + n.pods.length > PODS_PER_REPORT) {
      out.push(current);
      current = [];
      pods = 0;
    }
    current.push(n);
    pods += n.pods.length;
  }
  if (current.length) out.push(current);
  return out;
}
