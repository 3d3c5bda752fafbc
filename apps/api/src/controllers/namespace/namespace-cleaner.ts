import { Logger } from '@nestjs/common';
import { RESOURCE_TYPES, finalizedNamespace, namespaceNeedsCleanup, type ResourceType } from '@skiff/domain';
import type { ObjectRegistry } from '../../registry/object-registry';
import { internalContext } from '../../registry/request-context';
import type { ResourceStore } from '../../store/resource-store';
import type { WatchHub, WatchSubscription } from '../../store/watch-hub';

const NAMESPACES = RESOURCE_TYPES.find((t) => t.kind === 'Namespace')!;
const NAMESPACED = RESOURCE_TYPES.filter((t) => t.namespaced);

/**
 * Empties a deleted (Terminating) namespace, then finalizes it so the store removes it,
 * as kube-controller-manager's namespace controller does. A small in-process loop for
 * now (woken by the watch hub, retried until the namespace is empty); it moves onto the
 * BullMQ controller runtime with the controllers issue.
 */
export class NamespaceCleaner {
  private readonly logger = new Logger('namespace-cleaner');
  private readonly queued = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private sub?: WatchSubscription;
  private stopped = false;

  constructor(
    private readonly registry: ObjectRegistry,
    private readonly store: ResourceStore,
    private readonly hub: WatchHub,
    private readonly retryMs = 1000,
  ) {}

  async start(): Promise<void> {
    const { current } = await this.store.revisions();
    this.sub = await this.hub.subscribe(current, {
      onChanges: (changes) => {
        for (const c of changes) {
          if (c.resource === 'namespaces' && c.type !== 'DELETED' && namespaceNeedsCleanup(c.object)) this.enqueue(c.object.metadata.name!, 0);
        }
      },
      onError: (e) => this.logger.warn(`watch ended: ${e.message}`),
    });
    // Resync: namespaces left Terminating by an earlier process.
    for (const ns of (await this.store.list(NAMESPACES)).items) {
      if (namespaceNeedsCleanup(ns)) this.enqueue(ns.metadata.name!, 0);
    }
  }

  stop(): void {
    this.stopped = true;
    this.sub?.close();
    for (const t of this.timers) clearTimeout(t);
  }

  private enqueue(name: string, delayMs: number): void {
    if (this.queued.has(name) || this.stopped) return;
    this.queued.add(name);
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.queued.delete(name);
      this.reconcile(name).then(
        (done) => done || this.enqueue(name, this.retryMs),
        (e) => {
          this.logger.warn(`namespace ${name}: ${(e as Error).message}`);
          this.enqueue(name, this.retryMs);
        },
      );
    }, delayMs);
    this.timers.add(t);
  }

  /** One pass; true when the namespace is gone or needs nothing more. */
  private async reconcile(name: string): Promise<boolean> {
    const ns = await this.store.get({ type: NAMESPACES, namespace: '', name });
    if (!ns || !namespaceNeedsCleanup(ns)) return true;
    let remaining = 0;
    for (const type of NAMESPACED) remaining += await this.deleteAll(type, name);
    if (remaining > 0) return false;
    await this.registry.update(NAMESPACES, '', name, finalizedNamespace, 'finalize', internalContext('system:namespace-controller'));
    this.logger.log(`namespace ${name} emptied and finalized`);
    return true;
  }

  /** Asks for deletion of everything of `type` in the namespace; returns how many are still there. */
  private async deleteAll(type: ResourceType, namespace: string): Promise<number> {
    const { items } = await this.store.list(type, { namespace });
    for (const obj of items) {
      if (obj.metadata.deletionTimestamp) continue;
      await this.registry
        .delete(type, namespace, obj.metadata.name!, { propagationPolicy: 'Background' }, internalContext('system:namespace-controller'))
        .catch((e) => {
          if ((e as { code?: number }).code !== 404) throw e;
        });
    }
    return (await this.store.list(type, { namespace, limit: 1 })).items.length;
  }
}
