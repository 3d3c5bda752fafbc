import { Logger } from '@nestjs/common';
import { RESOURCE_TYPES, finalizedNamespace, namespaceNeedsCleanup, type ResourceType } from '@skiff/domain';
import type { ObjectRegistry } from '../../registry/object-registry';
import { internalContext } from '../../registry/request-context';
import type { ObjectReader } from '../../store/object-cache';
import type { Change } from '../../store/store-types';
import type { Controller, ReconcileResult } from '../runtime/controller';

const NAMESPACES = RESOURCE_TYPES.find((t) => t.kind === 'Namespace')!;
const NAMESPACED = RESOURCE_TYPES.filter((t) => t.namespaced);
const ctx = () => internalContext('system:serviceaccount:kube-system:namespace-controller');

/**
 * Empties a deleted (Terminating) namespace, then finalizes it so the store removes it,
 * as kube-controller-manager's namespace controller does; it looks again every second
 * until the namespace is empty (pods may take their grace period to go).
 */
export class NamespaceController implements Controller {
  readonly name = 'namespace';
  private readonly logger = new Logger('namespace-controller');
  readonly watches = {
    namespaces: (c: Change) => (c.type !== 'DELETED' && namespaceNeedsCleanup(c.object) ? [c.name] : []),
  };

  constructor(
    private readonly registry: ObjectRegistry,
    private readonly store: ObjectReader,
  ) {}

  async keys(): Promise<string[]> {
    return (await this.store.list(NAMESPACES)).items.filter(namespaceNeedsCleanup).map((n) => n.metadata.name!);
  }

  async reconcile(name: string): Promise<ReconcileResult | void> {
    const ns = await this.store.get({ type: NAMESPACES, namespace: '', name });
    if (!ns || !namespaceNeedsCleanup(ns)) return;
    let remaining = 0;
    for (const type of NAMESPACED) remaining += await this.deleteAll(type, name);
    if (remaining > 0) return { requeueAfterMs: 1000 };
    await this.registry.update(NAMESPACES, '', name, finalizedNamespace, 'finalize', ctx());
    this.logger.log(`namespace ${name} emptied and finalized`);
  }

  /** Asks for deletion of everything of `type` in the namespace; returns how many are still there. */
  private async deleteAll(type: ResourceType, namespace: string): Promise<number> {
    const { items } = await this.store.list(type, { namespace });
    for (const obj of items) {
      if (obj.metadata.deletionTimestamp) continue;
      await this.registry.delete(type, namespace, obj.metadata.name!, { propagationPolicy: 'Background' }, ctx()).catch((e) => {
        if ((e as { code?: number }).code !== 404) throw e;
      });
    }
    return (await this.store.list(type, { namespace, limit: 1 })).items.length;
  }
}
