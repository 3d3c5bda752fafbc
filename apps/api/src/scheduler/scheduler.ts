import { Logger } from '@nestjs/common';
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { findResourceType, newSchedulerState, podKey, scheduleBatch, type KubeObject, type Pod } from '@skiff/domain';
import type { EventRecorder } from '../events/event-recorder';
import type { ObjectRegistry } from '../registry/object-registry';
import { internalContext } from '../registry/request-context';
import type { ResourceStore } from '../store/resource-store';
import type { WatchHub, WatchSubscription } from '../store/watch-hub';
import { onLatest } from '../controllers/runtime/controller';
import { countSchedulingAttempt, observePendingPods } from '../observability/scheduler-metrics';
import { SchedulerCache } from './scheduler-cache';

const PODS = findResourceType('', 'v1', 'pods')!;
const NODES = findResourceType('', 'v1', 'nodes')!;
const CLAIMS = findResourceType('', 'v1', 'persistentvolumeclaims')!;
/** Where a claim's local volume lives (the WaitForFirstConsumer binding of Kubernetes' local volumes). */
const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
const QUEUE = 'scheduler';
const ROUND = 'round';
const ctx = () => internalContext('system:kube-scheduler');

export interface SchedulerOptions {
  redisUrl: string;
  prefix: string;
  /** Pods placed per round at most. */
  batchSize?: number;
  /** Bindings written at once. */
  bindConcurrency?: number;
  /** Unschedulable pods are tried again at least this often (kube-scheduler: 5 min). */
  retryUnschedulableMs?: number;
}

/**
 * The scheduler (DESIGN §4): the watch keeps a cache of nodes and bound pods and the
 * queue of pods to place; a BullMQ job — one at a time across all scheduler processes,
 * deduplicated with keepLastIfActive — runs a round: up to `batchSize` pending pods
 * placed by the pure filter/score plugins (libs/domain/src/scheduling) against the
 * cache, each counted on its node at once (assumed), then bound through the registry's
 * binding. Pods that fit nowhere get PodScheduled=False and a FailedScheduling Event in
 * Kubernetes' words, and wait until a node changes or a pod goes away.
 */
export class Scheduler {
  private readonly logger = new Logger('scheduler');
  cache = new SchedulerCache();
  private readonly state = newSchedulerState();
  private queue?: Queue;
  private worker?: Worker;
  private sub?: WatchSubscription;
  private retry?: NodeJS.Timeout;
  private stopped = false;
  private unobserve?: () => void;

  constructor(
    private readonly registry: ObjectRegistry,
    private readonly store: ResourceStore,
    private readonly hub: WatchHub,
    private readonly events: EventRecorder,
    private readonly opts: SchedulerOptions,
  ) {}

  async start(): Promise<void> {
    const connection: ConnectionOptions = { url: this.opts.redisUrl, maxRetriesPerRequest: null };
    const prefix = `${this.opts.prefix}bull`;
    this.queue = new Queue(QUEUE, { connection, prefix });
    this.worker = new Worker(QUEUE, () => this.round(), { connection, prefix, concurrency: 1, lockDuration: 10_000, stalledInterval: 5_000 });
    this.worker.on('error', (e) => this.logger.warn(e.message));
    this.worker.on('failed', (_job, e) => this.logger.warn(`round failed: ${e.message}`));
    this.unobserve = observePendingPods(() => this.cache);
    await this.watch();
    this.wake();
    this.retry = setInterval(() => this.cache.retryUnschedulable() && this.wake(), this.opts.retryUnschedulableMs ?? 5 * 60_000);
  }

  /**
   * Watch, then load every node and pod into a fresh cache. If the watch ends, all of
   * it again: what changed meanwhile is in the new lists.
   */
  private async watch(): Promise<void> {
    this.cache = new SchedulerCache();
    const { current } = await this.store.revisions();
    this.sub = await this.hub.subscribe(current, {
      onChanges: (changes) => {
        let wake = false;
        for (const c of changes) {
          if (c.resource !== 'nodes' && c.resource !== 'pods') continue;
          try {
            wake = this.cache.apply(c) || wake;
          } catch (e) {
            // One odd object must not end the scheduler's watch.
            this.logger.warn(`${c.resource} ${c.namespace}/${c.name}: ${(e as Error).message}`);
          }
        }
        if (wake) this.wake();
      },
      onError: (e) => {
        this.logger.warn(`watch ended: ${e.message}; watching again`);
        setTimeout(() => {
          if (!this.stopped) this.watch().then(() => this.wake(), (err) => this.logger.warn(`watch: ${(err as Error).message}`));
        }, 1000).unref();
      },
    });
    for (const n of (await this.store.list(NODES)).items) this.cache.loadNode(n);
    for (const p of (await this.store.list(PODS)).items) this.cache.loadPod(p);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unobserve?.();
    this.sub?.close();
    clearInterval(this.retry);
    await this.worker?.close(true);
    await this.queue?.close();
  }

  private wake(): void {
    if (this.stopped || !this.cache.pending.size) return;
    void this.queue!.add(ROUND, {}, { deduplication: { id: ROUND, keepLastIfActive: true }, removeOnComplete: true, removeOnFail: true }).catch((e) => this.logger.warn(`wake: ${(e as Error).message}`));
  }

  /** One scheduling round; another follows at once while pods are pending. */
  private async round(): Promise<void> {
    const pods = [...this.cache.pending.values()].slice(0, this.opts.batchSize ?? 1000);
    if (!pods.length) return;
    const started = performance.now();
    for (const p of pods) this.cache.pending.delete(podKey(p));
    const nodes = [...this.cache.nodes.values()];
    // Pods with claims: a claim already on a node pins the pod there; a missing claim waits.
    const claims = await Promise.all(pods.map((p) => this.claimsOf(p)));
    const pinned = pods.map((p, i) => {
      const c = claims[i];
      return 'missing' in c ? p : c.node ? pinTo(p, c.node) : p;
    });
    const results = scheduleBatch(pinned, nodes, { state: this.state });
    const work = pods.map((pod, i) => async () => {
      const r = results[i];
      const c = claims[i];
      if ('missing' in c) {
        this.cache.unschedulable.set(podKey(pod), pod);
        countSchedulingAttempt('unschedulable', started);
        return this.markUnschedulable(pod, `0/${nodes.length} nodes are available: persistentvolumeclaim "${c.missing}" not found.`);
      }
      if ('node' in r) {
        countSchedulingAttempt((await this.bind(pod, r.node)) ? 'scheduled' : 'error', started);
        for (const claim of c.unbound) await this.bindClaim(pod.metadata.namespace!, claim, r.node);
        return;
      }
      this.cache.unschedulable.set(podKey(pod), pod);
      countSchedulingAttempt('unschedulable', started);
      await this.markUnschedulable(pod, r.message);
    });
    await inParallel(work, this.opts.bindConcurrency ?? 256);
    if (this.cache.pending.size) this.wake();
  }

  /** Whether the pod is bound to `node` now. */
  private async bind(pod: Pod, node: string): Promise<boolean> {
    this.cache.assume(pod, node);
    const { namespace, name } = pod.metadata;
    try {
      await this.registry.bindPod(PODS, namespace!, name!, node, ctx());
      void this.events.record(pod, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${node}`);
      return true;
    } catch (e) {
      // Gone, bound by someone else, or being deleted: the watch tells the rest.
      this.cache.forget(pod);
      if (![404, 409].includes((e as { code?: number }).code ?? 0)) {
        this.logger.warn(`binding ${namespace}/${name} to ${node}: ${(e as Error).message}`);
        this.cache.pending.set(podKey(pod), pod);
      }
      return false;
    }
  }

  /** The pod's PersistentVolumeClaims: the node their volumes are on, those not placed yet, or one that does not exist. */
  private async claimsOf(pod: Pod): Promise<{ node?: string; unbound: string[] } | { missing: string }> {
    const names = ((pod.spec as { volumes?: { persistentVolumeClaim?: { claimName: string } }[] }).volumes ?? []).flatMap((v) => (v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : []));
    const out: { node?: string; unbound: string[] } = { unbound: [] };
    for (const name of names) {
      const claim = await this.store.get({ type: CLAIMS, namespace: pod.metadata.namespace!, name });
      if (!claim) return { missing: name };
      const node = claim.metadata.annotations?.[SELECTED_NODE];
      if (node) out.node = node;
      else out.unbound.push(name);
    }
    return out;
  }

  /** A claim gets its volume on the node its first pod went to, and is Bound there. */
  private async bindClaim(namespace: string, name: string, node: string): Promise<void> {
    const c = ctx();
    await this.registry
      .update(CLAIMS, namespace, name, (o) => (o.metadata.annotations?.[SELECTED_NODE] ? o : { ...o, metadata: { ...o.metadata, annotations: { ...o.metadata.annotations, [SELECTED_NODE]: node } } }), 'main', c)
      .then(() => this.registry.update(CLAIMS, namespace, name, (o) => ({ ...o, status: { ...(o.status as object), phase: 'Bound', accessModes: (o.spec as { accessModes?: string[] }).accessModes, capacity: (o.spec as { resources?: { requests?: object } }).resources?.requests } }), 'status', c))
      .catch((e) => this.logger.warn(`claim ${namespace}/${name}: ${(e as Error).message}`));
  }

  private async markUnschedulable(pod: Pod, message: string): Promise<void> {
    const { namespace, name } = pod.metadata;
    await this.events.record(pod, 'Warning', 'FailedScheduling', message);
    const same = (pod.status as { conditions?: { type: string; status: string; message?: string }[] } | undefined)?.conditions?.find((c) => c.type === 'PodScheduled');
    if (same?.status === 'False' && same.message === message) return;
    const condition = { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastProbeTime: null, lastTransitionTime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
    await this.registry
      .update(PODS, namespace!, name!, onLatest((p: KubeObject) => {
        const status = (p.status ?? {}) as { conditions?: { type: string }[]; phase?: string };
        return { ...p, status: { ...status, phase: status.phase ?? 'Pending', conditions: [...(status.conditions ?? []).filter((c) => c.type !== 'PodScheduled'), condition] } };
      }), 'status', ctx())
      .catch((e) => {
        if ((e as { code?: number }).code !== 404) throw e;
      });
  }
}

async function inParallel(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) await tasks[next++]().catch(() => undefined);
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
}

/** The pod as the scheduler sees it when its volume is on `node`: required to go there. */
function pinTo(pod: Pod, node: string): Pod {
  const term = { matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] };
  const spec = pod.spec as { affinity?: { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms: unknown[] } } } };
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  // Every existing term gets the node too (terms are ORed), or it is the only term.
  const nodeSelectorTerms = terms?.length ? terms.map((t) => ({ ...(t as object), matchFields: [...((t as { matchFields?: unknown[] }).matchFields ?? []), term.matchFields[0]] })) : [term];
  return { ...pod, spec: { ...(pod.spec as object), affinity: { ...spec.affinity, nodeAffinity: { ...spec.affinity?.nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms } } } } } as Pod;
}
