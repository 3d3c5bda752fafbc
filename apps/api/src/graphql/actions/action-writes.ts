import { Inject, Injectable } from '@nestjs/common';
import { changeCauseOf, type KubeObject, type ResourceType, type Verb } from '@skiff/domain';
import { ObjectRegistry } from '../../registry/object-registry';
import type { GqlContext } from '../graphql-context';
import { ObjectAccess } from '../object-access';

/** The surface named in change-causes written by these actions. */
export const SURFACE = 'GraphQL';

/** The namespace an action works in: the given one, else `default` (cluster-scoped kinds: none). */
export function namespaceFor(type: ResourceType, namespace: string | null | undefined): string {
  return type.namespaced ? namespace || 'default' : '';
}

/** The change-cause of a rollout this caller starts: theirs when given, else `alice via GraphQL: <action>`. */
export function changeCauseFor(ctx: GqlContext, action: string, given: string | null | undefined): string {
  return given?.trim() ? given.trim() : changeCauseOf(ctx.user.name, SURFACE, action);
}

/**
 * Updates one object as a PATCH would: authorized for `verb` (on `subresource`) exactly
 * as the REST request kubectl makes, then `change` applied to the latest state (again
 * when it changed meanwhile), unconditionally. `change` edits its argument, a copy.
 */
@Injectable()
export class ActionWrites {
  constructor(
    @Inject(ObjectAccess) private readonly access: ObjectAccess,
    @Inject(ObjectRegistry) private readonly registry: ObjectRegistry,
  ) {}

  async change(ctx: GqlContext, type: ResourceType, namespace: string, name: string, change: (current: KubeObject) => void, verb: Verb = 'patch', subresource = ''): Promise<KubeObject> {
    const rc = await this.access.writeContext(ctx, verb, type, namespace, name, subresource);
    return this.registry.update(
      type,
      namespace,
      name,
      (current) => {
        change(current);
        delete current.metadata.resourceVersion;
        return current;
      },
      'main',
      rc,
    );
  }
}
