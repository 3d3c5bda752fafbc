import { Inject, Injectable } from '@nestjs/common';
import { fromScale, invalidArgument, groupOfKind, type KubeObject, type ResourceType } from '@skiff/domain';
import { ObjectRegistry, type DeleteOptions } from '../../registry/object-registry';
import type { GqlContext } from '../graphql-context';
import { ObjectAccess } from '../object-access';
import { ActionWrites } from './action-writes';
import type { DeletedObject } from './action-types';

const PROPAGATION_POLICIES = ['Orphan', 'Background', 'Foreground'];

/** `kubectl scale` and `kubectl delete` on one object. */
@Injectable()
export class ObjectActions {
  constructor(
    @Inject(ActionWrites) private readonly writes: ActionWrites,
    @Inject(ObjectAccess) private readonly access: ObjectAccess,
    @Inject(ObjectRegistry) private readonly registry: ObjectRegistry,
  ) {}

  /** Through the scale subresource, as kubectl: authorized as `patch` on `<resource>/scale`. */
  scale(ctx: GqlContext, type: ResourceType, namespace: string, name: string, replicas: number): Promise<KubeObject> {
    if (!Number.isInteger(replicas) || replicas < 0) {
      throw invalidArgument('replicas', `Invalid value: ${replicas}: must be greater than or equal to 0`, { group: type.group, kind: type.kind, name });
    }
    return this.writes.change(ctx, type, namespace, name, (obj) => Object.assign(obj, fromScale(obj, { spec: { replicas } })), 'patch', 'scale');
  }

  async delete(ctx: GqlContext, type: ResourceType, namespace: string, name: string, propagationPolicy?: string, gracePeriodSeconds?: number): Promise<DeletedObject> {
    const target = { group: groupOfKind(type.kind), kind: type.kind, name };
    if (propagationPolicy !== undefined && !PROPAGATION_POLICIES.includes(propagationPolicy)) {
      throw invalidArgument('propagationPolicy', `Unsupported value: "${propagationPolicy}": supported values: "Foreground", "Background", "Orphan"`, target, 'FieldValueNotSupported');
    }
    if (gracePeriodSeconds !== undefined && (!Number.isInteger(gracePeriodSeconds) || gracePeriodSeconds < 0)) {
      throw invalidArgument('gracePeriodSeconds', `Invalid value: ${gracePeriodSeconds}: must be a non-negative integer`, target);
    }
    const rc = await this.access.writeContext(ctx, 'delete', type, namespace, name);
    const opts: DeleteOptions = { propagationPolicy: propagationPolicy as DeleteOptions['propagationPolicy'], gracePeriodSeconds };
    const { removed, object } = await this.registry.delete(type, namespace, name, opts, rc);
    return { kind: type.kind, ...(type.namespaced ? { namespace } : {}), name, removed, object };
  }
}
