import { Counter, Histogram } from 'prom-client';
import { metricsRegistry, SampledGauge, secondsSince } from './metrics-registry';

/** kube-scheduler's results of one attempt to place a pod. */
export type SchedulingResult = 'scheduled' | 'unschedulable' | 'error';

const registers = [metricsRegistry];
const PROFILE = 'default-scheduler';

const attempts = new Counter({
  name: 'scheduler_schedule_attempts_total',
  help: 'Number of attempts to schedule pods, by the result. \'unschedulable\' means a pod could not be scheduled, while \'error\' means an internal scheduler problem.',
  labelNames: ['result', 'profile'],
  registers,
});

const attemptDuration = new Histogram({
  name: 'scheduler_scheduling_attempt_duration_seconds',
  help: 'Scheduling attempt latency in seconds (scheduling algorithm + binding); pods are placed in batches, so each pod\'s attempt runs from its batch\'s start',
  labelNames: ['result', 'profile'],
  // kube-scheduler's: exponential from 1 ms.
  buckets: [0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256, 0.512, 1.024, 2.048, 4.096, 8.192, 16.384],
  registers,
});

const pending = new SampledGauge<'queue'>({ name: 'scheduler_pending_pods', help: 'Number of pending pods, by the queue type. \'active\' means number of pods in activeQ; \'unschedulable\' means number of pods in unschedulablePods.', labelNames: ['queue'] });

for (const result of ['scheduled', 'unschedulable', 'error'] as const) attempts.inc({ result, profile: PROFILE }, 0);

/** One pod's attempt ended with `result`; it began at `startedMs` (`performance.now()`). */
export function countSchedulingAttempt(result: SchedulingResult, startedMs: number): void {
  attempts.inc({ result, profile: PROFILE });
  attemptDuration.observe({ result, profile: PROFILE }, secondsSince(startedMs));
}

/** Reports the scheduler's queues at scrape time; returns what stops it. */
export function observePendingPods(queues: () => { pending: ReadonlyMap<string, unknown>; unschedulable: ReadonlyMap<string, unknown> }): () => void {
  return pending.observe(() => {
    const q = queues();
    return [
      { labels: { queue: 'active' }, value: q.pending.size },
      { labels: { queue: 'unschedulable' }, value: q.unschedulable.size },
    ];
  });
}
