import { Inject, type Type } from '@nestjs/common';
import { Args, Context, Field, ObjectType, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { RESOURCE_TYPES, type KubeObject, type ResourceType } from '@skiff/domain';
import { ListFilter } from '../registry/list-filter';
import { StoreRuntime } from '../store/store-runtime';
import type { GqlContext } from './graphql-context';
import { KUBE_TYPES } from './kube-types';
import { optionalStr } from './graphql-args';
import { ObjectAccess } from './object-access';
import { watchEvents, type ObjectEvent } from './watch-iterator';

/** Query names of a kind: `deployment` and `deployments`, `replicaSet` and `replicaSets`, `endpoints` and `endpointsList`. */
export function queryNames(t: ResourceType): { single: string; list: string; changed: string } {
  const single = t.kind.charAt(0).toLowerCase() + t.kind.slice(1);
  const rest = t.resource.startsWith(t.kind.toLowerCase()) ? t.resource.slice(t.kind.length) : 's';
  const list = single + rest === single ? `${single}List` : single + rest;
  return { single, list, changed: `${single}Changed` };
}


/**
 * The queries and subscription of one served kind, typed with its object type:
 * `deployments(namespace, labelSelector, fieldSelector)`, `deployment(namespace, name)`,
 * `deploymentChanged(namespace, labelSelector, resourceVersion)`.
 */
function kindResolver(t: ResourceType): Type<unknown> {
  const objectType = KUBE_TYPES.forKind(t);
  const names = queryNames(t);
  const eventName = `${t.kind}Event`;
  const Event = { [eventName]: class {} }[eventName];
  Field(() => String, { description: 'ADDED, MODIFIED or DELETED (an object entering or leaving the filter counts as added or deleted).' })(Event.prototype, 'type');
  Field(() => objectType)(Event.prototype, 'object');
  ObjectType(eventName, { description: `A change of a ${t.kind}.` })(Event);

  class KindResolver {
    constructor(
      readonly access: ObjectAccess,
      readonly rt: StoreRuntime,
    ) {}

    list(namespace: string | undefined, labelSelector: string | undefined, fieldSelector: string | undefined, ctx: GqlContext): Promise<KubeObject[]> {
      return this.access.list(ctx, t, { namespace, labelSelector, fieldSelector });
    }

    get(namespace: string | undefined, name: string, ctx: GqlContext): Promise<KubeObject | undefined> {
      return this.access.get(ctx, t, namespace ?? '', name);
    }

    raw(obj: KubeObject): KubeObject {
      return obj;
    }

    async changed(namespace: string | undefined, labelSelector: string | undefined, resourceVersion: string | undefined, fieldSelector: string | undefined, ctx: GqlContext): Promise<AsyncIterableIterator<ObjectEvent>> {
      await this.access.authorize(ctx, 'watch', t, namespace ?? '');
      const filter = ListFilter.parse(t, namespace ?? '', labelSelector, fieldSelector);
      const from = resourceVersion && /^\d+$/.test(resourceVersion) ? Number(resourceVersion) : this.rt.hub.revision;
      return watchEvents(this.rt.hub, filter, from);
    }
  }
  const named = { [`${t.kind}Resolver`]: KindResolver }[`${t.kind}Resolver`];
  const proto = named.prototype;
  const method = (key: keyof KindResolver, decorator: MethodDecorator) => decorator(proto, key, Object.getOwnPropertyDescriptor(proto, key)!);
  // What TypeScript would emit for decorated methods: Nest reads the parameter types.
  Reflect.defineMetadata('design:paramtypes', [String, String, String, Object], proto, 'list');
  Reflect.defineMetadata('design:paramtypes', [String, String, Object], proto, 'get');
  Reflect.defineMetadata('design:paramtypes', [String, String, String, String, Object], proto, 'changed');
  Reflect.defineMetadata('design:paramtypes', [Object], proto, 'raw');
  Reflect.defineMetadata('design:paramtypes', [ObjectAccess, StoreRuntime], named);
  const namespaceArg = optionalStr(t.namespaced ? 'The namespace; all namespaces when left out.' : 'Ignored: the kind is cluster-scoped.');

  method('list', Query(() => [objectType], { name: names.list, nullable: true, description: `${t.kind} objects, filtered like kubectl get.` }));
  Args('namespace', namespaceArg)(proto, 'list', 0);
  Args('labelSelector', optionalStr('A label selector, e.g. `app=web,tier!=db`.'))(proto, 'list', 1);
  Args('fieldSelector', optionalStr('A field selector, e.g. `status.phase=Running`.'))(proto, 'list', 2);
  Context()(proto, 'list', 3);

  method('get', Query(() => objectType, { name: names.single, nullable: true, description: `One ${t.kind}, or null when there is none.` }));
  Args('namespace', namespaceArg)(proto, 'get', 0);
  Args('name', { type: () => String })(proto, 'get', 1);
  Context()(proto, 'get', 2);

  method('changed', Subscription(() => Event, { name: names.changed, resolve: (event: ObjectEvent) => event, description: `Changes of ${t.kind} objects from now (or after resourceVersion).` }));
  Args('namespace', namespaceArg)(proto, 'changed', 0);
  Args('labelSelector', optionalStr('A label selector.'))(proto, 'changed', 1);
  Args('resourceVersion', optionalStr('Start after this revision (e.g. a list’s), so nothing is missed in between.'))(proto, 'changed', 2);
  Args('fieldSelector', optionalStr('A field selector, e.g. `spec.nodeName=node-1`.'))(proto, 'changed', 3);
  Context()(proto, 'changed', 4);

  // The whole object as REST returns it: for clients (the dashboard) that print or edit it whole.
  method('raw', ResolveField('raw', () => GraphQLJSON, { description: `The whole ${t.kind}, as the Kubernetes API returns it.` }));
  Parent()(proto, 'raw', 0);

  Inject(ObjectAccess)(named, undefined, 0);
  Inject(StoreRuntime)(named, undefined, 1);
  Resolver(() => objectType)(named);
  return named;
}

/** One resolver per served kind. */
export const KIND_RESOLVERS: Type<unknown>[] = RESOURCE_TYPES.map(kindResolver);
