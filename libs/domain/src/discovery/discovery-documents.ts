import { METRICS_RESOURCE_TYPES, type ReadOnlyResourceType } from '../metrics/resource-metrics';
import { AUTHORIZATION_RESOURCE_TYPES } from '../rbac/access-review';
import { RESOURCE_TYPES, apiGroups, apiVersionOf, type ResourceType } from '../resources/registry';

/**
 * The discovery documents of kube-apiserver, built from the resource registry, plus the
 * read-only resource metrics API (what kube-aggregator adds for metrics-server).
 */

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** In kube-apiserver's group order: authorization.k8s.io right after apps. */
const SERVED: readonly (ResourceType | ReadOnlyResourceType)[] = (() => {
  const afterApps = RESOURCE_TYPES.findLastIndex((t) => t.group === 'apps') + 1;
  return [...RESOURCE_TYPES.slice(0, afterApps), ...AUTHORIZATION_RESOURCE_TYPES, ...RESOURCE_TYPES.slice(afterApps), ...METRICS_RESOURCE_TYPES];
})();

function verbsOf(t: ResourceType | ReadOnlyResourceType): string[] {
  return 'verbs' in t ? t.verbs : ALL_VERBS;
}

interface SubresourceInfo {
  kind: { group: string; version: string; kind: string } | 'self';
  verbs: string[];
}

function subresourceInfo(sub: string): SubresourceInfo {
  switch (sub) {
    case 'status':
      return { kind: 'self', verbs: ['get', 'patch', 'update'] };
    case 'scale':
      return { kind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get', 'patch', 'update'] };
    case 'binding':
      return { kind: { group: '', version: 'v1', kind: 'Binding' }, verbs: ['create'] };
    case 'eviction':
      return { kind: { group: 'policy', version: 'v1', kind: 'Eviction' }, verbs: ['create'] };
    case 'log':
      return { kind: { group: '', version: 'v1', kind: 'Pod' }, verbs: ['get'] };
    case 'finalize':
      return { kind: 'self', verbs: ['update'] };
    default:
      return { kind: 'self', verbs: ['get'] };
  }
}

function typesOf(group: string, version: string): ResourceType[] {
  return SERVED.filter((t) => t.group === group && t.version === version);
}

export function apiVersions(serverAddress: string) {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupEntry(g: { group: string; versions: string[] }) {
  const versions = g.versions.map((v) => ({ groupVersion: `${g.group}/${v}`, version: v }));
  return { name: g.group, versions, preferredVersion: versions[0] };
}

export function apiGroupList() {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: apiGroups(SERVED).map(groupEntry) };
}

export function apiGroup(group: string) {
  const g = apiGroups(SERVED).find((x) => x.group === group);
  return g ? { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(g) } : undefined;
}

export function apiResourceList(group: string, version: string) {
  const types = typesOf(group, version);
  if (!types.length) return undefined;
  const resources = [];
  for (const t of types) {
    resources.push({
      name: t.resource,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: verbsOf(t),
      ...(t.shortNames ? { shortNames: t.shortNames } : {}),
      ...(t.categories ? { categories: t.categories } : {}),
    });
    for (const sub of t.subresources) {
      const info = subresourceInfo(sub);
      const k = info.kind === 'self' ? { group: t.group, version: t.version, kind: t.kind } : info.kind;
      resources.push({
        name: `${t.resource}/${sub}`,
        singularName: '',
        namespaced: t.namespaced,
        ...(k.group !== t.group || k.version !== t.version ? { group: k.group, version: k.version } : {}),
        kind: k.kind,
        verbs: info.verbs,
      });
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf({ group, version }), resources };
}

function discoveryResource(t: ResourceType) {
  return {
    resource: t.resource,
    responseKind: { group: t.group, version: t.version, kind: t.kind },
    scope: t.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: t.singular,
    verbs: verbsOf(t),
    ...(t.shortNames ? { shortNames: t.shortNames } : {}),
    ...(t.categories ? { categories: t.categories } : {}),
    ...(t.subresources.length
      ? {
          subresources: t.subresources.map((sub) => {
            const info = subresourceInfo(sub);
            return {
              subresource: sub,
              responseKind: info.kind === 'self' ? { group: t.group, version: t.version, kind: t.kind } : info.kind,
              verbs: info.verbs,
            };
          }),
        }
      : {}),
  };
}

/** Aggregated discovery (apidiscovery.k8s.io/v2): `legacy` is `/api`, otherwise `/apis`. */
export function aggregatedDiscovery(legacy: boolean) {
  const groups = legacy ? [{ group: '', versions: ['v1'] }] : apiGroups(SERVED);
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items: groups.map((g) => ({
      metadata: { name: g.group, creationTimestamp: null },
      versions: g.versions.map((v) => ({
        version: v,
        resources: typesOf(g.group, v).map(discoveryResource),
        freshness: 'Current',
      })),
    })),
  };
}
