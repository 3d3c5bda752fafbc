import type { ServerResponse } from 'http';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { KubeObject } from '@skiff/domain';

/** The agent's metrics, served at `/metrics` on its kubelet endpoint. */
export const agentRegistry = new Registry();
const registers = [agentRegistry];

// process_* and nodejs_* (CPU, memory, file descriptors, event loop lag, GC, heap).
collectDefaultMetrics({ register: agentRegistry });

// From 50 ms (a simulated pod) to 10 min (a slow start), as kubelet's from 0.5 s on.
const START_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 4, 5, 6, 8, 10, 20, 30, 45, 60, 120, 180, 240, 300, 600];

let runningPods = (): number => 0;
new Gauge({
  name: 'kubelet_running_pods',
  help: 'Number of pods the agent runs (on all the nodes it plays)',
  registers,
  collect() {
    this.set(runningPods());
  },
});

const startDuration = new Histogram({
  name: 'kubelet_pod_start_duration_seconds',
  help: 'Duration in seconds from kubelet seeing a pod for the first time to the pod starting to run',
  buckets: START_BUCKETS,
  registers,
});

const startSli = new Histogram({
  name: 'kubelet_pod_start_sli_duration_seconds',
  help: 'Duration in seconds to start a pod: from its creationTimestamp (whole seconds) to it running; there are no image pulls to leave out',
  buckets: START_BUCKETS,
  registers,
});

const workerDuration = new Histogram({
  name: 'kubelet_pod_worker_duration_seconds',
  help: 'Duration in seconds to sync a single pod, by operation: sync (start it, or see it runs) or delete (stop it and let the API remove it)',
  labelNames: ['operation'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers,
});

/** What `kubelet_running_pods` reports. */
export function observeRunningPods(count: () => number): void {
  runningPods = count;
}

/**
 * Measures the start of `pod`: call the returned function with each status reported;
 * the first Running one ends it. A pod already Running (adopted after the agent
 * restarted) is not a start and is not measured.
 */
export function podStartTimer(pod: KubeObject): (status: { phase: string }) => void {
  const seen = performance.now();
  const created = Date.parse(pod.metadata.creationTimestamp ?? '');
  let done = (pod.status as { phase?: string } | undefined)?.phase === 'Running';
  return (status) => {
    if (done || status.phase !== 'Running') return;
    done = true;
    startDuration.observe((performance.now() - seen) / 1000);
    if (Number.isFinite(created)) startSli.observe(Math.max(0, Date.now() - created) / 1000);
  };
}

/** Runs one sync of a pod, measured. */
export async function timePodWorker<T>(operation: 'sync' | 'delete', work: () => Promise<T>): Promise<T> {
  const end = workerDuration.startTimer({ operation });
  try {
    return await work();
  } finally {
    end();
  }
}

/** Answers a scrape in the Prometheus text format. */
export async function writeMetrics(res: ServerResponse): Promise<void> {
  const text = await agentRegistry.metrics();
  res.writeHead(200, { 'content-type': agentRegistry.contentType });
  res.end(text);
}
