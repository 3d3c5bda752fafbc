import { Inject, Injectable } from '@nestjs/common';
import { findResourceType, type KubeObject, type ResourceType } from '@skiff/domain';
import type { GqlContext } from '../graphql-context';
import { ObjectAccess } from '../object-access';

const type = (group: string, resource: string): ResourceType => findResourceType(group, 'v1', resource)!;
export const PODS = type('', 'pods');
export const NODES = type('', 'nodes');
export const EVENTS = type('', 'events');
export const ENDPOINTS = type('', 'endpoints');
export const REPLICA_SETS = type('apps', 'replicasets');
export const CONTROLLER_REVISIONS = type('apps', 'controllerrevisions');

/**
 * The relations GraphQL follows between objects, each read through the operation's
 * loaders (one list per kind and namespace, batched gets), so following them from many
 * parents costs no more queries than from one.
 */
@Injectable()
export class RelatedObjects {
  constructor(@Inject(ObjectAccess) private readonly access: ObjectAccess) {}

  owned(ctx: GqlContext, type: ResourceType, owner: KubeObject): Promise<KubeObject[]> {
    return this.access.ownedBy(ctx, type, [owner]);
  }

  /** A Deployment's pods: those of its ReplicaSets. */
  async deploymentPods(ctx: GqlContext, deployment: KubeObject): Promise<KubeObject[]> {
    const replicaSets = await this.owned(ctx, REPLICA_SETS, deployment);
    return this.access.ownedBy(ctx, PODS, replicaSets);
  }

  /** Events about `obj` (a cluster-scoped object's are in `default`, as kubelet and controllers record them). */
  async events(ctx: GqlContext, obj: KubeObject): Promise<KubeObject[]> {
    const all = await this.access.list(ctx, EVENTS, { namespace: obj.metadata.namespace || 'default' });
    return all
      .filter((e) => {
        const io = (e as { involvedObject?: { uid?: string; kind?: string; name?: string } }).involvedObject ?? {};
        return io.uid ? io.uid === obj.metadata.uid : io.kind === obj.kind && io.name === obj.metadata.name;
      })
      .sort((a, b) => String(eventTime(a)).localeCompare(String(eventTime(b))));
  }

  async node(ctx: GqlContext, pod: KubeObject): Promise<KubeObject | undefined> {
    const name = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
    return name ? this.access.get(ctx, NODES, '', name) : undefined;
  }

  async nodePods(ctx: GqlContext, node: KubeObject): Promise<KubeObject[]> {
    return this.access.list(ctx, PODS, { fieldSelector: `spec.nodeName=${node.metadata.name}` });
  }

  /** A Service's pods: those its selector matches in its namespace (none without a selector). */
  async servicePods(ctx: GqlContext, service: KubeObject): Promise<KubeObject[]> {
    const selector = (service.spec as { selector?: Record<string, string> } | undefined)?.selector;
    if (!selector || !Object.keys(selector).length) return [];
    const pods = await this.access.list(ctx, PODS, { namespace: service.metadata.namespace });
    return pods.filter((p) => Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v));
  }

  endpointsOf(ctx: GqlContext, service: KubeObject): Promise<KubeObject | undefined> {
    return this.access.get(ctx, ENDPOINTS, service.metadata.namespace ?? '', service.metadata.name ?? '');
  }

  /** The pods an Endpoints object's addresses point at (targetRef), ready or not. */
  async endpointsPods(ctx: GqlContext, endpoints: KubeObject): Promise<KubeObject[]> {
    type Address = { targetRef?: { kind?: string; name?: string } };
    const subsets = ((endpoints as { subsets?: { addresses?: Address[]; notReadyAddresses?: Address[] }[] }).subsets ?? []);
    const names = new Set(subsets.flatMap((s) => [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])]).filter((a) => a.targetRef?.kind === 'Pod').map((a) => a.targetRef!.name!));
    if (!names.size) return [];
    const pods = await this.access.list(ctx, PODS, { namespace: endpoints.metadata.namespace });
    return pods.filter((p) => names.has(p.metadata.name ?? ''));
  }
}

function eventTime(e: KubeObject): unknown {
  const ev = e as { lastTimestamp?: string; eventTime?: string };
  return ev.lastTimestamp ?? ev.eventTime ?? e.metadata.creationTimestamp;
}
