import { Logger } from '@nestjs/common';
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { ResourceStore } from '../../store/resource-store';
import type { Change } from '../../store/store-types';
import type { WatchHub, WatchSubscription } from '../../store/watch-hub';
import { countWorkqueueAdd, observeWorkqueueDepth, timeReconcile } from '../../observability/controller-metrics';
import type { Controller } from './controller';
import { watchForQueueLoss, type QueueLossWatch } from './queue-loss';

export interface ControllerRuntimeOptions {
  redisUrl: string;
  /** Key prefix of the BullMQ queues (per cluster, per test). */
  prefix: string;
  /** Keys one process reconciles at once, per controller. */
  concurrency?: number;
  /** Every key is looked at again this often. */
  resyncMs?: number;
  /** How often to check that Redis still holds the queues (a flush loses their jobs). */
  queueCheckMs?: number;
  /** Tries of a failing reconcile before it waits for the next event or resync. */
  attempts?: number;
  /** First retry delay; doubles each try. */
  backoffMs?: number;
  /** The controllers' cache of the store: each reconcile starts once it has caught up with the store. */
  cache?: { sync(): Promise<void> };
}

/**
 * Runs controllers on BullMQ (DESIGN §4). One watch of the store per process feeds a
 * dispatcher that adds one job per woken key, deduplicated by key with
 * `keepLastIfActive`: at most one job of a key runs and one waits, so an event during a
 * reconcile of its key causes exactly one more reconcile, and no two workers — in this
 * process or another — reconcile one key at once. Failures retry with exponential
 * back-off up to `attempts`; a resync re-adds every key.
 */
export class ControllerRuntime {
  private readonly logger = new Logger('controllers');
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private sub?: WatchSubscription;
  private resync?: NodeJS.Timeout;
  private stopped = false;
  private unobserve?: () => void;
  private queueLoss?: QueueLossWatch;

  constructor(
    private readonly store: ResourceStore,
    private readonly hub: WatchHub,
    private readonly controllers: Controller[],
    private readonly opts: ControllerRuntimeOptions,
  ) {}

  async start(): Promise<void> {
    const connection: ConnectionOptions = { url: this.opts.redisUrl, maxRetriesPerRequest: null };
    const prefix = `${this.opts.prefix}bull`;
    for (const c of this.controllers) {
      this.queues.set(c.name, new Queue(c.name, { connection, prefix }));
      const worker = new Worker(c.name, (job) => timeReconcile(c.name, job, () => this.run(c, job.data.key as string)), {
        connection,
        prefix,
        concurrency: this.opts.concurrency ?? 8,
        // A process killed mid-reconcile holds its job's lock until it expires: keep that short
        // (the lock is renewed every 5 s while a reconcile runs).
        lockDuration: 10_000,
        stalledInterval: 5_000,
      });
      worker.on('failed', (job, err) => {
        if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) this.logger.warn(`${c.name} ${job.data.key}: gave up after ${job.attemptsMade} tries: ${err.message}`);
      });
      worker.on('error', (err) => this.logger.warn(`${c.name}: ${err.message}`));
      this.workers.push(worker);
    }
    this.unobserve = observeWorkqueueDepth(this.queues);
    this.resyncAfterQueueLoss();
    // Watch first, then list: a change between the two is seen twice, never missed.
    await this.watch();
    await this.resyncAll();
    this.resync = setInterval(() => void this.resyncAll(), this.opts.resyncMs ?? 5 * 60_000);
  }

  /**
   * Redis is only the queue, not the store: when it restarts empty or is flushed, the
   * jobs it held are gone (a key woken just before would wait for the next resync). So
   * once that is noticed, every key is looked at again, as after a watch that ended.
   */
  private resyncAfterQueueLoss(): void {
    this.queueLoss = watchForQueueLoss(this.opts.redisUrl, this.opts.prefix, () => {
      if (this.stopped) return;
      this.logger.warn('Redis lost the queued jobs (restarted empty or flushed): resyncing every controller');
      void this.resyncAll();
    }, this.opts.queueCheckMs);
  }

  /** Subscribes to the store's changes; if the subscription ends, subscribes again and resyncs every key. */
  private async watch(): Promise<void> {
    const { current } = await this.store.revisions();
    this.sub = await this.hub.subscribe(current, {
      onChanges: (changes) => this.dispatch(changes),
      onError: (e) => {
        this.logger.warn(`watch ended: ${e.message}; watching again`);
        const t = setTimeout(() => {
          this.timers.delete(t);
          if (this.stopped) return;
          this.watch().then(
            () => this.resyncAll(),
            (err) => this.logger.warn(`watch: ${(err as Error).message}`),
          );
        }, 1000);
        this.timers.add(t);
      },
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unobserve?.();
    this.sub?.close();
    clearInterval(this.resync);
    for (const t of this.timers) clearTimeout(t);
    // Not waiting for reconciles in flight (one may wait on a store that is closing too):
    // their jobs' locks run out and another process, or the next start, takes them.
    await Promise.all(this.workers.map((w) => w.close(true)));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queueLoss?.stop();
  }

  /** Wakes `key` of controller `name` (also used by tests and by controllers for each other). */
  async enqueue(name: string, key: string): Promise<void> {
    if (this.stopped) return;
    countWorkqueueAdd(name);
    await this.queues.get(name)!.add('reconcile', { key }, {
      deduplication: { id: key, keepLastIfActive: true },
      attempts: this.opts.attempts ?? 8,
      backoff: { type: 'exponential', delay: this.opts.backoffMs ?? 200 },
      removeOnComplete: true,
      removeOnFail: 1000,
    });
  }

  private async dispatch(changes: Change[]): Promise<void> {
    const adds: Promise<void>[] = [];
    for (const c of this.controllers) {
      const wanted = new Set<string>();
      for (const change of changes) {
        try {
          for (const key of c.watches[change.resource]?.(change) ?? []) wanted.add(key);
        } catch (e) {
          // One odd object must not end the watch that feeds every controller.
          this.logger.warn(`${c.name}: ${change.resource} ${change.namespace}/${change.name}: ${(e as Error).message}`);
        }
      }
      for (const key of wanted) adds.push(this.enqueue(c.name, key));
    }
    await Promise.all(adds).catch((e) => this.logger.warn(`dispatch: ${(e as Error).message}`));
  }

  private async run(c: Controller, key: string): Promise<void> {
    await this.opts.cache?.sync();
    const result = await c.reconcile(key);
    if (result?.requeueAfterMs !== undefined && !this.stopped) {
      // Not durable: a restart is covered by the resync.
      const t = setTimeout(() => {
        this.timers.delete(t);
        void this.enqueue(c.name, key).catch(() => undefined);
      }, result.requeueAfterMs);
      this.timers.add(t);
    }
  }

  private async resyncAll(): Promise<void> {
    for (const c of this.controllers) {
      try {
        const keys = await c.keys();
        for (let i = 0; i < keys.length; i += 500) await Promise.all(keys.slice(i, i + 500).map((k) => this.enqueue(c.name, k)));
      } catch (e) {
        this.logger.warn(`${c.name} resync: ${(e as Error).message}`);
      }
    }
  }
}
