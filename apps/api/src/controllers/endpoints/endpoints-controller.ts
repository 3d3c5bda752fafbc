import { endpointSubsets, findResourceType, labelSelectorFromSet, matches, servesEndpoints, type KubeObject, type LabelRequirement } from '@skiff/domain';
import type { ObjectRegistry } from '../../registry/object-registry';
import { internalContext } from '../../registry/request-context';
import type { ObjectReader } from '../../store/object-cache';
import type { Change } from '../../store/store-types';
import { objectKeyOf, splitKey, type Controller } from '../runtime/controller';

const SERVICES = findResourceType('', 'v1', 'services')!;
const ENDPOINTS = findResourceType('', 'v1', 'endpoints')!;
const PODS = findResourceType('', 'v1', 'pods')!;
const ctx = () => internalContext('system:serviceaccount:kube-system:endpoint-controller');

/**
 * Keeps each Service's Endpoints (same name) listing the addresses of the pods its
 * selector matches (endpointSubsets decides), as kube-controller-manager's endpoints
 * controller. A pod change wakes the Services of its namespace that select it before or
 * after the change: their selectors are kept in memory from the watch.
 */
export class EndpointsController implements Controller {
  readonly name = 'endpoints';
  private readonly selectors = new Map<string, LabelRequirement[]>(); // service key → selector
  readonly watches = {
    services: (c: Change) => {
      const key = objectKeyOf(c.object);
      if (c.type === 'DELETED' || !servesEndpoints(c.object)) this.selectors.delete(key);
      else this.remember(c.object);
      return [key];
    },
    pods: (c: Change) => {
      const labels = [c.object.metadata.labels ?? {}, c.prev?.metadata.labels ?? {}];
      const keys: string[] = [];
      for (const [key, selector] of this.selectors) {
        if (key.startsWith(`${c.namespace}/`) && labels.some((l) => matches(selector, l))) keys.push(key);
      }
      return keys;
    },
  };

  constructor(
    private readonly registry: ObjectRegistry,
    private readonly store: ObjectReader,
  ) {}

  async keys(): Promise<string[]> {
    const { items } = await this.store.list(SERVICES);
    for (const s of items) if (servesEndpoints(s)) this.remember(s);
    return items.map(objectKeyOf);
  }

  async reconcile(key: string): Promise<void> {
    const { namespace, name } = splitKey(key);
    const service = await this.store.get({ type: SERVICES, namespace, name });
    const current = await this.store.get({ type: ENDPOINTS, namespace, name });
    if (!service) {
      // The Service is gone: so are the Endpoints this controller kept for it.
      if (current) await this.registry.delete(ENDPOINTS, namespace, name, {}, ctx()).catch(ignoreNotFound);
      return;
    }
    if (!servesEndpoints(service)) return;
    const selector = (service.spec as { selector: Record<string, string> }).selector;
    const { items: pods } = await this.store.list(PODS, { namespace, labelsContain: selector });
    const subsets = endpointSubsets(service, pods);
    const labels = service.metadata.labels;
    if (!current) {
      await this.registry.create(ENDPOINTS, namespace, { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, ...(labels ? { labels } : {}) }, subsets }, ctx());
      return;
    }
    if (JSON.stringify(current.subsets ?? []) === JSON.stringify(subsets)) return;
    await this.registry.update(ENDPOINTS, namespace, name, (e: KubeObject) => ({ ...e, subsets }), 'main', ctx());
  }

  private remember(service: KubeObject): void {
    this.selectors.set(objectKeyOf(service), labelSelectorFromSet((service.spec as { selector: Record<string, string> }).selector));
  }
}

function ignoreNotFound(e: { code?: number }): void {
  if (e.code !== 404) throw e;
}
