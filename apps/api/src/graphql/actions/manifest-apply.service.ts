import { Inject, Injectable } from '@nestjs/common';
import { applyToCurrent, isStatusError, manifestObjects, withAppliedConfiguration, type KubeObject, type ManifestObject } from '@skiff/domain';
import { ObjectRegistry } from '../../registry/object-registry';
import type { GqlContext } from '../graphql-context';
import { ObjectAccess } from '../object-access';
import type { AppliedObject } from './action-types';

/**
 * A simple `kubectl apply`: each object of the manifest is created when absent, else its
 * content (spec, data, …), labels and annotations are set from the manifest, keeping what
 * the server owns (see applyToCurrent). Authorized as kubectl's requests are: get, then
 * create or patch. Every document is checked before anything is written; the objects
 * are then applied in order, and the first failure stops the apply.
 */
@Injectable()
export class ManifestApply {
  constructor(
    @Inject(ObjectAccess) private readonly access: ObjectAccess,
    @Inject(ObjectRegistry) private readonly registry: ObjectRegistry,
  ) {}

  async apply(ctx: GqlContext, manifest: string, namespace: string | undefined): Promise<AppliedObject[]> {
    const objects = manifestObjects(manifest, namespace);
    const out: AppliedObject[] = [];
    for (const o of objects) out.push(await this.applyOne(ctx, o));
    return out;
  }

  private async applyOne(ctx: GqlContext, o: ManifestObject): Promise<AppliedObject> {
    const result = (action: AppliedObject['action'], object: KubeObject): AppliedObject => ({
      kind: o.type.kind,
      ...(o.type.namespaced ? { namespace: o.namespace } : {}),
      name: o.name,
      action,
      object,
    });
    const current = await this.access.get(ctx, o.type, o.namespace, o.name);
    if (!current) {
      const rc = await this.access.writeContext(ctx, 'create', o.type, o.namespace, o.name);
      try {
        return result('created', await this.registry.create(o.type, o.namespace, withAppliedConfiguration(o.object), rc));
      } catch (e) {
        // Made by someone else since it was read: apply to theirs, as a second kubectl apply would.
        if (!isStatusError(e) || e.reason !== 'AlreadyExists') throw e;
      }
    }
    const rc = await this.access.writeContext(ctx, 'patch', o.type, o.namespace, o.name);
    const updated = await this.registry.update(o.type, o.namespace, o.name, (latest) => applyToCurrent(latest, o.object), 'main', rc);
    const same = current && updated.metadata.resourceVersion === current.metadata.resourceVersion;
    return result(same ? 'unchanged' : 'configured', updated);
  }
}
