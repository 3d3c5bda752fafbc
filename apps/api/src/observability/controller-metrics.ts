import { Counter, Histogram } from 'prom-client';
import type { Job, Queue } from 'bullmq';
import { metricsRegistry, SampledGauge, secondsSince, withinMs } from './metrics-registry';

const registers = [metricsRegistry];
// client-go's workqueue buckets (10 µs to 10 s) and then some: a reconcile may wait on the store.
const BUCKETS = [0.00001, 0.0001, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

const depth = new SampledGauge<'name'>({ name: 'workqueue_depth', help: 'Current depth of workqueue (keys waiting to be reconciled, in the shared BullMQ queue)', labelNames: ['name'] });

const adds = new Counter({ name: 'workqueue_adds_total', help: 'Total number of adds handled by workqueue (before de-duplication by key)', labelNames: ['name'], registers });

const queueDuration = new Histogram({
  name: 'workqueue_queue_duration_seconds',
  help: 'How long in seconds an item stays in workqueue before being requested.',
  labelNames: ['name'],
  buckets: BUCKETS,
  registers,
});

const retries = new Counter({ name: 'workqueue_retries_total', help: 'Total number of retries handled by workqueue', labelNames: ['name'], registers });

const reconcileTime = new Histogram({
  name: 'controller_runtime_reconcile_time_seconds',
  help: 'Length of time per reconciliation per controller',
  labelNames: ['controller'],
  buckets: BUCKETS,
  registers,
});

const reconcileTotal = new Counter({
  name: 'controller_runtime_reconcile_total',
  help: 'Total number of reconciliations per controller, by result (success, error)',
  labelNames: ['controller', 'result'],
  registers,
});

/** A key was woken for controller `name`. */
export function countWorkqueueAdd(name: string): void {
  adds.inc({ name });
}

/** Reports each queue's waiting keys at scrape time; returns what stops it. */
export function observeWorkqueueDepth(queues: ReadonlyMap<string, Queue>): () => void {
  return depth.observe(() =>
    Promise.all(
      [...queues].map(async ([name, q]) => ({ labels: { name }, value: await withinMs(1000, q.getJobCountByTypes('wait', 'prioritized')) })),
    ),
  );
}

/** Runs one reconcile of controller `name`'s job, measuring its wait in the queue, its time and its result. */
export async function timeReconcile<T>(name: string, job: Job, reconcile: () => Promise<T>): Promise<T> {
  if (job.attemptsMade > 0) retries.inc({ name });
  else if (job.processedOn) queueDuration.observe({ name }, Math.max(0, job.processedOn - job.timestamp) / 1000);
  const started = performance.now();
  try {
    const result = await reconcile();
    reconcileTotal.inc({ controller: name, result: 'success' });
    return result;
  } catch (e) {
    reconcileTotal.inc({ controller: name, result: 'error' });
    throw e;
  } finally {
    reconcileTime.observe({ controller: name }, secondsSince(started));
  }
}
