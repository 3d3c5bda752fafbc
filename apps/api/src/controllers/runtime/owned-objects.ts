import { withOwnerRef, withoutOwnerRef, type KubeObject, type OwnerReference, type ResourceType } from '@skiff/domain';
import type { ObjectRegistry } from '../../registry/object-registry';
import type { RequestContext } from '../../registry/request-context';
import { onLatest } from './controller';

/**
 * The writes every workload controller makes to the objects it owns, in one place:
 * adoption, release and status are re-applied to the latest object (onLatest), and
 * only "already gone" is ignored — any other failure fails the reconcile, which is retried.
 */
export class OwnedObjects {
  constructor(
    private readonly registry: ObjectRegistry,
    private readonly ctx: () => RequestContext,
  ) {}

  async adopt(type: ResourceType, namespace: string, objs: readonly KubeObject[], ref: OwnerReference): Promise<void> {
    for (const o of objs) {
      await this.registry
        .update(type, namespace, o.metadata.name!, onLatest((x) => (x.metadata.ownerReferences?.some((r) => r.controller) ? x : withOwnerRef(x, ref))), 'main', this.ctx())
        .catch(ignoreNotFound);
    }
  }

  async release(type: ResourceType, namespace: string, objs: readonly KubeObject[], ownerUid: string): Promise<void> {
    for (const o of objs) await this.registry.update(type, namespace, o.metadata.name!, onLatest((x) => withoutOwnerRef(x, ownerUid)), 'main', this.ctx()).catch(ignoreNotFound);
  }

  /** Creates `obj`; false when one of that name exists already (decide again). */
  async create(type: ResourceType, namespace: string, obj: KubeObject): Promise<boolean> {
    try {
      await this.registry.create(type, namespace, obj, this.ctx());
      return true;
    } catch (e) {
      if ((e as { code?: number }).code === 409) return false;
      throw e;
    }
  }

  /** Replaces objects as they were decided on (their resourceVersion is the precondition). */
  async replace(type: ResourceType, namespace: string, objs: readonly KubeObject[]): Promise<void> {
    for (const o of objs) await this.registry.update(type, namespace, o.metadata.name!, () => o, 'main', this.ctx());
  }

  /** Deletes objects as they were decided on (their uid is the precondition: another object of the name is left alone). */
  async delete(type: ResourceType, namespace: string, objs: readonly KubeObject[]): Promise<void> {
    await Promise.all(
      objs.map((o) =>
        this.registry.delete(type, namespace, o.metadata.name!, { preconditions: { uid: o.metadata.uid } }, this.ctx()).catch((e) => {
          if (e.code !== 404 && e.code !== 409) throw e;
        }),
      ),
    );
  }

  async writeStatus(type: ResourceType, namespace: string, name: string, status: unknown): Promise<void> {
    await this.registry.update(type, namespace, name, onLatest((o) => ({ ...o, status })), 'status', this.ctx()).catch(ignoreNotFound);
  }
}

function ignoreNotFound(e: { code?: number }): void {
  if (e.code !== 404) throw e;
}
