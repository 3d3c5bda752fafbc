import type { Request, Response } from 'express';
import {
  Errors,
  NODE_METRICS_RESOURCE,
  POD_METRICS_RESOURCE,
  findMetricsResourceType,
  findResourceType,
  metricsList,
  metricsTable,
  nodeMetrics,
  podMetrics,
  type NodeMetrics,
  type PodMetrics,
  type ResourceRequest,
} from '@skiff/domain';
import type { RequestAuthorizer } from '../auth/request-authorizer';
import type { UserInfo } from '../auth/token.service';
import { listPage } from '../kube-api/list-pager';
import { responseFormat, send } from '../kube-api/negotiation';
import { includeObject, str } from '../kube-api/query-options';
import { ListFilter } from '../registry/list-filter';
import type { ObjectRegistry } from '../registry/object-registry';
import type { ResourceStore } from '../store/resource-store';
import type { MetricsStore } from './metrics-store';

const NODES = findResourceType('', 'v1', 'nodes')!;
const PODS = findResourceType('', 'v1', 'pods')!;

type Query = Record<string, unknown>;

/**
 * `metrics.k8s.io/v1beta1` as metrics-server serves it: NodeMetrics and PodMetrics are the
 * Node and Pod objects (listed with the request's selectors) joined with their latest
 * usage sample; objects without one are left out of lists, and a get of one is 404.
 */
export class ResourceMetricsApi {
  constructor(
    private readonly registry: ObjectRegistry,
    private readonly store: ResourceStore,
    private readonly metrics: MetricsStore,
    private readonly authorizer: RequestAuthorizer,
  ) {}

  async serve(req: Request, res: Response, r: ResourceRequest, user: UserInfo): Promise<void> {
    const type = findMetricsResourceType(r.version, r.resource);
    if (!type || r.subresource) throw Errors.pathNotFound();
    if (type.namespaced && r.name && !r.namespace) throw Errors.pathNotFound();
    if (r.verb !== 'get' && r.verb !== 'list') throw Errors.methodNotAllowed(r.verb);
    await this.authorizer.resource(user, { ...r, type });
    const q = req.query as Query;
    const now = new Date();
    const nodes = type.kind === 'NodeMetrics';
    let items: (NodeMetrics | PodMetrics)[];
    if (r.name) items = [nodes ? await this.node(r.name, now) : await this.pod(r.namespace, r.name, now)];
    else items = nodes ? await this.nodes(q, now) : await this.pods(r.namespace, q, now);
    if (responseFormat(req) === 'table') {
      return send(req, res, 200, metricsTable(items, includeObject(q)));
    }
    send(req, res, 200, r.name ? items[0] : metricsList(nodes ? 'NodeMetricsList' : 'PodMetricsList', items));
  }

  private async node(name: string, now: Date): Promise<NodeMetrics> {
    const node = await this.registry.get(NODES, '', name);
    const [sample] = await this.metrics.nodeSamples([name]);
    if (!sample) throw Errors.notFound(NODE_METRICS_RESOURCE, name);
    return nodeMetrics(node, sample, now);
  }

  private async nodes(q: Query, now: Date): Promise<NodeMetrics[]> {
    const filter = ListFilter.parse(NODES, '', str(q, 'labelSelector'), str(q, 'fieldSelector'));
    const nodes = (await listPage(this.store, filter, undefined, undefined)).items;
    const samples = await this.metrics.nodeSamples(nodes.map((n) => n.metadata.name!));
    return nodes.flatMap((n, i) => (samples[i] ? [nodeMetrics(n, samples[i]!, now)] : []));
  }

  private async pod(namespace: string, name: string, now: Date): Promise<PodMetrics> {
    const pod = await this.registry.get(PODS, namespace, name);
    const [sample] = await this.metrics.podSamples([{ namespace, name }]);
    const m = podMetrics(pod, sample, now);
    if (!m) throw Errors.notFound(POD_METRICS_RESOURCE, `${namespace}/${name}`);
    return m;
  }

  private async pods(namespace: string, q: Query, now: Date): Promise<PodMetrics[]> {
    const filter = ListFilter.parse(PODS, namespace, str(q, 'labelSelector'), str(q, 'fieldSelector'));
    const pods = (await listPage(this.store, filter, undefined, undefined)).items;
    const samples = await this.metrics.podSamples(pods.map((p) => ({ namespace: p.metadata.namespace!, name: p.metadata.name! })));
    return pods.flatMap((p, i) => podMetrics(p, samples[i], now) ?? []);
  }
}
