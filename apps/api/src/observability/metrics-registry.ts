import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

/**
 * The process's metrics, as kube-apiserver keeps them (its legacyregistry): one registry
 * per process, which every instrumented part writes to and `GET /metrics` reads. Nest
 * provides it as `Registry`; code outside Nest's graph (the watch stream, the runtimes)
 * imports the metric it writes from this folder.
 */
export const metricsRegistry = new Registry();

// process_* and nodejs_* (CPU, memory, file descriptors, event loop lag, GC, heap).
collectDefaultMetrics({ register: metricsRegistry });

export interface Sample<L extends string> {
  labels: Partial<Record<L, string>>;
  value: number;
}

type Source<L extends string> = () => Sample<L>[] | Promise<Sample<L>[]>;

/**
 * A gauge read at scrape time from the live objects that registered with it (a pool, a
 * queue, a cache): each source gives its samples, summed by labels when a process runs
 * two of a thing (tests start several APIs in one process).
 */
export class SampledGauge<L extends string> {
  private readonly sources = new Set<Source<L>>();

  constructor(config: { name: string; help: string; labelNames?: readonly L[] }) {
    const sources = this.sources;
    new Gauge<L>({
      ...config,
      registers: [metricsRegistry],
      async collect() {
        const all = await Promise.all([...sources].map((s) => Promise.resolve().then(s).catch(() => [] as Sample<L>[])));
        this.reset();
        for (const { labels, value } of all.flat()) this.inc(labels, value);
      },
    });
  }

  /** Adds `source`; returns what removes it again (call it when the object stops). */
  observe(source: Source<L>): () => void {
    this.sources.add(source);
    return () => this.sources.delete(source);
  }
}

/** A scrape must not hang on Redis being away: what takes longer than `ms` is left out. */
export function withinMs<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Seconds since `startedMs` (a `performance.now()` reading). */
export function secondsSince(startedMs: number): number {
  return (performance.now() - startedMs) / 1000;
}
