/**
 * The kinds Skiff serves, described once: discovery, routing, storage keys,
 * OpenAPI and Table printing all read this list.
 */
export interface ResourceType {
  group: string; // '' for the core group
  version: string;
  kind: string;
  /** Plural, lower-case: the path segment (`deployments`). */
  resource: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  subresources: string[];
  /** Whether the object has a spec/status split served through a `status` subresource. */
  hasStatus: boolean;
  /** Whether spec changes bump metadata.generation (the workload kinds, as in Kubernetes). */
  tracksGeneration?: boolean;
}

const ALL = ['all'];

export const RESOURCE_TYPES: readonly ResourceType[] = [
  { group: '', version: 'v1', kind: 'Namespace', resource: 'namespaces', singular: 'namespace', namespaced: false, shortNames: ['ns'], subresources: ['status', 'finalize'], hasStatus: true },
  { group: '', version: 'v1', kind: 'Node', resource: 'nodes', singular: 'node', namespaced: false, shortNames: ['no'], subresources: ['status'], hasStatus: true },
  { group: '', version: 'v1', kind: 'Pod', resource: 'pods', singular: 'pod', namespaced: true, shortNames: ['po'], categories: ALL, subresources: ['status', 'binding', 'log', 'eviction'], hasStatus: true },
  { group: '', version: 'v1', kind: 'Service', resource: 'services', singular: 'service', namespaced: true, shortNames: ['svc'], categories: ALL, subresources: ['status'], hasStatus: true },
  { group: '', version: 'v1', kind: 'Endpoints', resource: 'endpoints', singular: 'endpoints', namespaced: true, shortNames: ['ep'], subresources: [], hasStatus: false },
  { group: '', version: 'v1', kind: 'Event', resource: 'events', singular: 'event', namespaced: true, shortNames: ['ev'], subresources: [], hasStatus: false },
  { group: '', version: 'v1', kind: 'ConfigMap', resource: 'configmaps', singular: 'configmap', namespaced: true, shortNames: ['cm'], subresources: [], hasStatus: false },
  { group: '', version: 'v1', kind: 'Secret', resource: 'secrets', singular: 'secret', namespaced: true, subresources: [], hasStatus: false },
  { group: '', version: 'v1', kind: 'ReplicationController', resource: 'replicationcontrollers', singular: 'replicationcontroller', namespaced: true, shortNames: ['rc'], categories: ALL, subresources: ['status', 'scale'], hasStatus: true, tracksGeneration: true },
  { group: '', version: 'v1', kind: 'PersistentVolumeClaim', resource: 'persistentvolumeclaims', singular: 'persistentvolumeclaim', namespaced: true, shortNames: ['pvc'], subresources: ['status'], hasStatus: true },
  { group: 'apps', version: 'v1', kind: 'Deployment', resource: 'deployments', singular: 'deployment', namespaced: true, shortNames: ['deploy'], categories: ALL, subresources: ['status', 'scale'], hasStatus: true, tracksGeneration: true },
  { group: 'apps', version: 'v1', kind: 'ReplicaSet', resource: 'replicasets', singular: 'replicaset', namespaced: true, shortNames: ['rs'], categories: ALL, subresources: ['status', 'scale'], hasStatus: true, tracksGeneration: true },
  { group: 'apps', version: 'v1', kind: 'StatefulSet', resource: 'statefulsets', singular: 'statefulset', namespaced: true, shortNames: ['sts'], categories: ALL, subresources: ['status', 'scale'], hasStatus: true, tracksGeneration: true },
  { group: 'apps', version: 'v1', kind: 'DaemonSet', resource: 'daemonsets', singular: 'daemonset', namespaced: true, shortNames: ['ds'], categories: ALL, subresources: ['status'], hasStatus: true, tracksGeneration: true },
  { group: 'apps', version: 'v1', kind: 'ControllerRevision', resource: 'controllerrevisions', singular: 'controllerrevision', namespaced: true, subresources: [], hasStatus: false },
  { group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler', resource: 'horizontalpodautoscalers', singular: 'horizontalpodautoscaler', namespaced: true, shortNames: ['hpa'], categories: ALL, subresources: ['status'], hasStatus: true, tracksGeneration: true },
  // kube-apiserver's discovery lists rbac.authorization.k8s.io before coordination.k8s.io.
  { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'ClusterRoleBinding', resource: 'clusterrolebindings', singular: 'clusterrolebinding', namespaced: false, subresources: [], hasStatus: false },
  { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'ClusterRole', resource: 'clusterroles', singular: 'clusterrole', namespaced: false, subresources: [], hasStatus: false },
  { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'RoleBinding', resource: 'rolebindings', singular: 'rolebinding', namespaced: true, subresources: [], hasStatus: false },
  { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'Role', resource: 'roles', singular: 'role', namespaced: true, subresources: [], hasStatus: false },
  { group: 'coordination.k8s.io', version: 'v1', kind: 'Lease', resource: 'leases', singular: 'lease', namespaced: true, subresources: [], hasStatus: false },
  // Skiff's own kinds, served as a CustomResourceDefinition's would be: after the built-in groups.
  { group: 'skiff.io', version: 'v1alpha1', kind: 'DeployHook', resource: 'deployhooks', singular: 'deployhook', namespaced: true, subresources: ['status'], hasStatus: true, tracksGeneration: true },
];

export function apiVersionOf(t: Pick<ResourceType, 'group' | 'version'>): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

/** The storage key of a type: `pods`, `deployments.apps`. */
export function groupResource(t: Pick<ResourceType, 'group' | 'resource'>): string {
  return t.group ? `${t.resource}.${t.group}` : t.resource;
}

export function findResourceType(group: string, version: string, resource: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.group === group && t.version === version && t.resource === resource);
}

export function findResourceTypeByKind(apiVersion: string, kind: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => apiVersionOf(t) === apiVersion && t.kind === kind);
}

export function findResourceTypeByGroupResource(gr: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => groupResource(t) === gr);
}

/** The API groups in the order discovery lists them (core first, as the real server does). */
export function apiGroups(types: readonly ResourceType[] = RESOURCE_TYPES): { group: string; versions: string[] }[] {
  const out: { group: string; versions: string[] }[] = [];
  for (const t of types) {
    if (!t.group) continue;
    let g = out.find((x) => x.group === t.group);
    if (!g) out.push((g = { group: t.group, versions: [] }));
    if (!g.versions.includes(t.version)) g.versions.push(t.version);
  }
  return out;
}
