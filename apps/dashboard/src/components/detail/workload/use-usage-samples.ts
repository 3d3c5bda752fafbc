'use client';
import { useEffect, useState } from 'react';
import type { KubeObject } from '@skiff/domain';
import { parseQuantity, parseQuantityMilli } from '@skiff/domain/validation/quantity';
import { ApiError, rest } from '@/lib/api';

/** One point of a usage chart. */
export interface UsageSample {
  time: Date;
  cpuMillicores: number;
  memoryMiB: number;
}

type Usage = { cpu?: string; memory?: string };
interface MetricsObject {
  timestamp: string;
  usage?: Usage;
  containers?: { usage?: Usage }[];
}
interface HistoryPoint {
  timestamp: string;
  usageNanoCores: number;
  workingSetBytes: number;
}

export const METRICS_INTERVAL_MS = 10_000;
/** An hour of samples at the agents' default interval. */
const KEEP = 360;
const MiB = 1024 * 1024;

/** A NodeMetrics' usage, or a PodMetrics' summed over its containers, as `kubectl top` adds them. */
function sampleOf(m: MetricsObject): UsageSample {
  const usages = m.usage ? [m.usage] : (m.containers ?? []).map((c) => c.usage ?? {});
  let cpu = 0;
  let memory = 0;
  for (const u of usages) {
    cpu += u.cpu ? parseQuantityMilli(u.cpu) : 0;
    memory += u.memory ? parseQuantity(u.memory) : 0;
  }
  return { time: new Date(m.timestamp), cpuMillicores: cpu, memoryMiB: memory / MiB };
}

function merge(samples: UsageSample[], more: UsageSample[]): UsageSample[] {
  const byTime = new Map(samples.map((s) => [s.time.getTime(), s]));
  for (const s of more) byTime.set(s.time.getTime(), s);
  return [...byTime.values()].sort((a, b) => a.time.getTime() - b.time.getTime()).slice(-KEEP);
}

/**
 * A pod's or node's CPU and memory usage over time: the samples the API kept, then one
 * from the metrics API (metrics.k8s.io, as kubectl top reads it) every 10 s while mounted.
 * `missing` is set while the metrics API has no sample of it (404).
 */
export function useUsageSamples(object: KubeObject): { samples: UsageSample[]; missing: boolean; error?: Error } {
  const [state, setState] = useState<{ samples: UsageSample[]; missing: boolean; error?: Error }>({ samples: [], missing: false });
  const node = object.kind === 'Node';
  const namespace = object.metadata.namespace ?? '';
  const name = object.metadata.name ?? '';
  useEffect(() => {
    let stopped = false;
    const path = node ? `/apis/metrics.k8s.io/v1beta1/nodes/${encodeURIComponent(name)}` : `/apis/metrics.k8s.io/v1beta1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}`;
    const history = new URLSearchParams({ kind: node ? 'nodes' : 'pods', name, ...(node ? {} : { namespace }) });
    setState({ samples: [], missing: false });
    rest<{ samples?: HistoryPoint[] }>('GET', `/skiff/v1/metrics/history?${history}`).then(
      (h) => {
        const kept = (h.samples ?? []).map((p) => ({ time: new Date(p.timestamp), cpuMillicores: p.usageNanoCores / 1e6, memoryMiB: p.workingSetBytes / MiB }));
        if (!stopped) setState((s) => ({ ...s, samples: merge(s.samples, kept) }));
      },
      () => undefined, // The history is a head start only.
    );
    const sample = () =>
      rest<MetricsObject>('GET', path).then(
        (m) => !stopped && setState((s) => ({ samples: merge(s.samples, [sampleOf(m)]), missing: false })),
        (error: Error) => !stopped && setState((s) => (error instanceof ApiError && error.status === 404 ? { ...s, missing: true, error: undefined } : { ...s, error })),
      );
    void sample();
    const timer = setInterval(sample, METRICS_INTERVAL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [node, namespace, name]);
  return state;
}
