import { Inject, Injectable } from '@nestjs/common';
import { bindingForGrant, findResourceType, type KubeObject, type ResourceType, type RoleGrant } from '@skiff/domain';
import { ObjectRegistry } from '../../registry/object-registry';
import type { GqlContext } from '../graphql-context';
import { ObjectAccess } from '../object-access';

const ROLE_BINDINGS = findResourceType('rbac.authorization.k8s.io', 'v1', 'rolebindings')!;
const CLUSTER_ROLE_BINDINGS = findResourceType('rbac.authorization.k8s.io', 'v1', 'clusterrolebindings')!;

/** A RoleBinding in a namespace, else a ClusterRoleBinding. */
function bindingType(namespace: string | undefined): ResourceType {
  return namespace ? ROLE_BINDINGS : CLUSTER_ROLE_BINDINGS;
}

/**
 * `kubectl create rolebinding|clusterrolebinding` and `kubectl delete` of one, as the
 * caller: authorized by RBAC as those requests are, and a grant passes the registry's
 * escalation check (no one binds a role with more than they hold, unless they may `bind` it).
 */
@Injectable()
export class RoleGrants {
  constructor(
    @Inject(ObjectAccess) private readonly access: ObjectAccess,
    @Inject(ObjectRegistry) private readonly registry: ObjectRegistry,
  ) {}

  async grant(ctx: GqlContext, grant: RoleGrant): Promise<KubeObject> {
    const binding = bindingForGrant(grant);
    const type = bindingType(grant.namespace);
    // A create names no object in its request, as kubectl's POST does not.
    const rc = await this.access.writeContext(ctx, 'create', type, grant.namespace ?? '');
    return this.registry.create(type, grant.namespace ?? '', binding, rc);
  }

  /** Deletes the binding; returns it as it was. */
  async revoke(ctx: GqlContext, name: string, namespace: string | undefined): Promise<KubeObject> {
    const type = bindingType(namespace);
    const rc = await this.access.writeContext(ctx, 'delete', type, namespace ?? '', name);
    return (await this.registry.delete(type, namespace ?? '', name, {}, rc)).object;
  }
}
