/** The kinds the dashboard shows, grouped as the Kubernetes Dashboard's side navigation is. */
export interface DashboardKind {
  kind: string;
  /** The URL segment: /ui/k/<slug>/ */
  slug: string;
  title: string;
  namespaced: boolean;
  /** GraphQL names: the list query and the subscription. */
  list: string;
  single: string;
  changed: string;
  /** REST base for writes (`/apis/apps/v1`). */
  apiBase: string;
  resource: string;
  /** Its side-navigation group; `Administration` kinds have pages of their own. */
  group: 'Workloads' | 'Service' | 'Config and Storage' | 'Cluster' | 'Administration';
}

const k = (kind: string, resource: string, apiBase: string, group: DashboardKind['group'], namespaced = true, title?: string, list?: string): DashboardKind => {
  const single = kind.charAt(0).toLowerCase() + kind.slice(1);
  return { kind, slug: resource, title: title ?? `${kind}s`, namespaced, single, list: list ?? `${single}s`, changed: `${single}Changed`, apiBase, resource, group };
};

export const KINDS: DashboardKind[] = [
  k('Deployment', 'deployments', '/apis/apps/v1', 'Workloads'),
  k('ReplicaSet', 'replicasets', '/apis/apps/v1', 'Workloads'),
  k('StatefulSet', 'statefulsets', '/apis/apps/v1', 'Workloads'),
  k('DaemonSet', 'daemonsets', '/apis/apps/v1', 'Workloads'),
  k('ReplicationController', 'replicationcontrollers', '/api/v1', 'Workloads'),
  k('Pod', 'pods', '/api/v1', 'Workloads'),
  k('HorizontalPodAutoscaler', 'horizontalpodautoscalers', '/apis/autoscaling/v2', 'Workloads', true, 'Autoscalers'),
  k('Service', 'services', '/api/v1', 'Service'),
  k('Endpoints', 'endpoints', '/api/v1', 'Service', true, 'Endpoints', 'endpointsList'),
  k('ConfigMap', 'configmaps', '/api/v1', 'Config and Storage'),
  k('Secret', 'secrets', '/api/v1', 'Config and Storage'),
  k('PersistentVolumeClaim', 'persistentvolumeclaims', '/api/v1', 'Config and Storage', true, 'Persistent Volume Claims'),
  k('Node', 'nodes', '/api/v1', 'Cluster', false),
  k('Namespace', 'namespaces', '/api/v1', 'Cluster', false),
  k('Event', 'events', '/api/v1', 'Cluster'),
  k('RoleBinding', 'rolebindings', '/apis/rbac.authorization.k8s.io/v1', 'Administration'),
  k('ClusterRoleBinding', 'clusterrolebindings', '/apis/rbac.authorization.k8s.io/v1', 'Administration', false),
  k('DeployHook', 'deployhooks', '/apis/skiff.io/v1alpha1', 'Administration'),
];

/** The kinds of the side navigation's groups (not Administration's, which has its own pages). */
export const BROWSABLE_KINDS = KINDS.filter((x) => x.group !== 'Administration');

export function kindBySlug(slug: string): DashboardKind | undefined {
  return KINDS.find((x) => x.slug === slug);
}

export function kindByName(kind: string): DashboardKind | undefined {
  return KINDS.find((x) => x.kind === kind);
}

/** A kind's API group as RBAC names it ('' for the core group), from its REST base (`/apis/apps/v1` → `apps`). */
export function apiGroupOf(kind: Pick<DashboardKind, 'apiBase'>): string {
  return kind.apiBase.startsWith('/apis/') ? kind.apiBase.split('/')[2] : '';
}

/** The REST path of an object (or of the collection when name is left out). */
export function objectPath(k: DashboardKind, namespace: string | undefined, name?: string): string {
  const ns = k.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${k.apiBase}${ns}/${k.resource}${name ? `/${encodeURIComponent(name)}` : ''}`;
}

export function detailHref(k: DashboardKind, namespace: string | undefined, name: string): string {
  const q = new URLSearchParams({ name, ...(k.namespaced && namespace ? { namespace } : {}) });
  return `/k/${k.slug}/view/?${q}`;
}
