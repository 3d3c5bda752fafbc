import Redis from 'ioredis';
import { StatusError, podUsagePoint, type MetricsReport, type NodeSample, type PodSample, type UsagePoint } from '@skiff/domain';

/** Samples kept per node and per pod for the dashboard charts and the autoscaler (an hour at the default 15 s). */
export const HISTORY_SAMPLES = 240;
/** A sample outlives a few missed reports; a gone node or pod's metrics then disappear on their own. */
const MIN_TTL_SECONDS = 60;
const MGET_CHUNK = 1000;

export type MetricsKind = 'nodes' | 'pods';

export interface ObjectName {
  namespace: string;
  name: string;
}

/**
 * The latest usage sample per node and per pod, and a bounded history of each, in
 * Redis (metrics are measurements, not state: losing them costs a report interval).
 * Every key expires, so nothing needs cleaning when a node or pod goes away.
 */
export class MetricsStore {
  private readonly redis: Redis;

  constructor(redisUrl: string, private readonly prefix: string) {
    // Its own connection: a report's pipeline never queues behind (or ahead of) the change feed,
    // and during an outage a request fails after one reconnection attempt instead of waiting.
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, retryStrategy: (n) => Math.min(n * 100, 1000) });
    this.redis.on('error', () => undefined);
  }

  private latestKey(kind: MetricsKind, o: ObjectName): string {
    return kind === 'nodes' ? `${this.prefix}metrics:node:${o.name}` : `${this.prefix}metrics:pod:${o.namespace}/${o.name}`;
  }

  private historyKey(kind: MetricsKind, o: ObjectName): string {
    return kind === 'nodes' ? `${this.prefix}metrics:history:node:${o.name}` : `${this.prefix}metrics:history:pod:${o.namespace}/${o.name}`;
  }

  /** Keeps a validated report: the latest sample of each node and pod, and one more history point each. */
  async record(report: MetricsReport): Promise<void> {
    const ttlMs = Math.round(Math.max(3 * report.windowSeconds, MIN_TTL_SECONDS) * 1000);
    const historyTtlMs = Math.max(Math.round(HISTORY_SAMPLES * report.windowSeconds * 1000), ttlMs);
    const { timestamp, windowSeconds } = report;
    const p = this.redis.pipeline();
    const keep = (kind: MetricsKind, o: ObjectName, latest: NodeSample | PodSample, point: UsagePoint) => {
      p.set(this.latestKey(kind, o), JSON.stringify(latest), 'PX', ttlMs);
      const h = this.historyKey(kind, o);
      p.rpush(h, JSON.stringify(point));
      p.ltrim(h, -HISTORY_SAMPLES, -1);
      p.pexpire(h, historyTtlMs);
    };
    for (const n of report.nodes) {
      const sample: NodeSample = { timestamp, windowSeconds, usageNanoCores: n.usageNanoCores, workingSetBytes: n.workingSetBytes };
      keep('nodes', { namespace: '', name: n.name }, sample, sample);
      for (const pod of n.pods) {
        const sample: PodSample = { timestamp, windowSeconds, node: n.name, uid: pod.uid, containers: pod.containers };
        keep('pods', pod, sample, podUsagePoint(sample));
      }
    }
    const results = await unavailableOnError(p.exec());
    const failed = results?.find(([err]) => err);
    if (failed) throw unavailable(failed[0]!);
  }

  async nodeSamples(names: string[]): Promise<(NodeSample | undefined)[]> {
    return this.latest<NodeSample>(names.map((name) => this.latestKey('nodes', { namespace: '', name })));
  }

  async podSamples(pods: ObjectName[]): Promise<(PodSample | undefined)[]> {
    return this.latest<PodSample>(pods.map((o) => this.latestKey('pods', o)));
  }

  /** The history of one node or pod, oldest first. */
  async history(kind: MetricsKind, o: ObjectName): Promise<UsagePoint[]> {
    const items = await unavailableOnError(this.redis.lrange(this.historyKey(kind, o), 0, -1));
    return items.map((s) => JSON.parse(s) as UsagePoint);
  }

  private async latest<T>(keys: string[]): Promise<(T | undefined)[]> {
    const out: (T | undefined)[] = [];
    for (let i = 0; i < keys.length; i += MGET_CHUNK) {
      const values = await unavailableOnError(this.redis.mget(keys.slice(i, i + MGET_CHUNK)));
      for (const v of values) out.push(v ? (JSON.parse(v) as T) : undefined);
    }
    return out;
  }

  close(): void {
    this.redis.disconnect();
  }
}

function unavailable(e: Error): StatusError {
  return new StatusError(503, 'ServiceUnavailable', `resource metrics are unavailable: ${e.message}`);
}

async function unavailableOnError<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw unavailable(e as Error);
  }
}
