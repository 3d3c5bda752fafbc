import { Inject, Injectable } from '@nestjs/common';
import type { KubeObject, ResourceType, Verb } from '@skiff/domain';
import { RequestAuthorizer, type ObjectChecks } from '../auth/request-authorizer';
import { ListFilter } from '../registry/list-filter';
import type { RequestContext } from '../registry/request-context';
import { StoreRuntime } from '../store/store-runtime';
import type { GqlContext } from './graphql-context';

export interface ListArgs {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/**
 * Reads and write contexts for GraphQL, authorized by the same RequestAuthorizer as
 * REST: a field the caller may not read fails alone (a GraphQL error carrying the
 * 403), the rest of the answer stands.
 */
@Injectable()
export class ObjectAccess {
  constructor(
    @Inject(RequestAuthorizer) private readonly authorizer: RequestAuthorizer,
    @Inject(StoreRuntime) private readonly rt: StoreRuntime,
  ) {}

  /** Throws 403 unless the caller may; read answers are remembered for the operation. */
  async authorize(ctx: GqlContext, verb: Verb, type: ResourceType, namespace: string, name = ''): Promise<ObjectChecks> {
    const ns = type.namespaced ? namespace : '';
    const request = { kind: 'resource' as const, verb, group: type.group, version: type.version, resource: type.resource, type, namespace: ns, name, subresource: '' };
    if (verb !== 'get' && verb !== 'list' && verb !== 'watch') return this.authorizer.resource(ctx.user, request);
    const key = `${verb}|${type.group}|${type.resource}|${ns}|${name}`;
    let answer = ctx.allowed.get(key);
    if (!answer) ctx.allowed.set(key, (answer = this.authorizer.resource(ctx.user, request).then(() => undefined)));
    await answer;
    return {};
  }

  /** The registry's request context for a write by this caller. */
  async writeContext(ctx: GqlContext, verb: Verb, type: ResourceType, namespace: string, name = '', subresource = ''): Promise<RequestContext> {
    const ns = type.namespaced ? namespace : '';
    const checks = await this.authorizer.resource(ctx.user, { kind: 'resource', verb, group: type.group, version: type.version, resource: type.resource, type, namespace: ns, name, subresource });
    return { user: ctx.user, dryRun: false, fieldValidation: 'Strict', warnings: [], ...checks };
  }

  async list(ctx: GqlContext, type: ResourceType, args: ListArgs): Promise<KubeObject[]> {
    const namespace = type.namespaced ? (args.namespace ?? '') : '';
    await this.authorize(ctx, 'list', type, namespace);
    if (!args.labelSelector && !args.fieldSelector) return ctx.loaders.inNamespace(type, namespace);
    const filter = ListFilter.parse(type, namespace, args.labelSelector, args.fieldSelector);
    return (await this.rt.store.list(type, filter.storeQuery())).items.filter((o) => filter.matches(o));
  }

  async get(ctx: GqlContext, type: ResourceType, namespace: string, name: string): Promise<KubeObject | undefined> {
    await this.authorize(ctx, 'get', type, namespace, name);
    return ctx.loaders.get(type, namespace, name);
  }

  /** Objects of `type` in `namespace` that `owner` owns (ownerReferences), read with one list per namespace. */
  async ownedBy(ctx: GqlContext, type: ResourceType, owners: readonly KubeObject[]): Promise<KubeObject[]> {
    if (!owners.length) return [];
    const uids = new Set(owners.map((o) => o.metadata.uid));
    const items = await this.list(ctx, type, { namespace: owners[0].metadata.namespace });
    return items.filter((o) => (o.metadata.ownerReferences ?? []).some((r) => uids.has(r.uid)));
  }
}
