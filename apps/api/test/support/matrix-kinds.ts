/**
 * The kinds the end-to-end authorization matrix exercises, with what each surface needs
 * to address them: kubectl's resource name, GraphQL's kind and query names, the REST
 * path the admin checks effects at, and a small manifest the API accepts.
 */
export type Addressing = 'namespaced' | 'cluster' | 'namespace-object';

export interface MatrixKind {
  /** The resource, as built-in-role-expectations.ts names it (and RBAC rules do). */
  resource: string;
  kind: string;
  apiVersion: string;
  addressing: Addressing;
  /** Whether it has a scale subresource (kubectl scale, GraphQL scale). */
  scalable: boolean;
  /** GraphQL query names: one object, and a list. */
  gqlGet: string;
  gqlList: string;
  manifest(name: string, namespace?: string): Record<string, any>;
}

const RBAC = 'rbac.authorization.k8s.io';
const podSpec = { containers: [{ name: 'c', image: 'matrix:1.0' }] };

/** A workload with no replicas, selecting pods by a label of its own, so no controller adopts another's. */
function workload(kind: string, resource: string, extraSpec: Record<string, unknown> = {}): MatrixKind {
  return {
    resource,
    kind,
    apiVersion: 'apps/v1',
    addressing: 'namespaced',
    scalable: true,
    gqlGet: kind.charAt(0).toLowerCase() + kind.slice(1),
    gqlList: `${kind.charAt(0).toLowerCase() + kind.slice(1)}s`,
    manifest: (name, namespace) => {
      const labels = { 'matrix-app': `${resource}-${name}` };
      return {
        apiVersion: 'apps/v1',
        kind,
        metadata: { name, namespace },
        spec: { replicas: 0, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: podSpec }, ...extraSpec },
      };
    },
  };
}

function simple(resource: string, kind: string, apiVersion: string, addressing: Addressing, body: (name: string) => Record<string, unknown>): MatrixKind {
  const single = kind.charAt(0).toLowerCase() + kind.slice(1);
  return {
    resource,
    kind,
    apiVersion,
    addressing,
    scalable: false,
    gqlGet: single,
    gqlList: `${single}s`,
    manifest: (name, namespace) => ({ apiVersion, kind, metadata: addressing === 'namespaced' ? { name, namespace } : { name }, ...body(name) }),
  };
}

/** A RoleBinding to a ClusterRole, for a user nobody logs in as. */
export function roleBinding(name: string, namespace: string | undefined, clusterRole: string): Record<string, any> {
  return {
    apiVersion: `${RBAC}/v1`,
    kind: 'RoleBinding',
    metadata: { name, namespace },
    roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: clusterRole },
    subjects: [{ kind: 'User', apiGroup: RBAC, name: 'matrix-subject' }],
  };
}

export const MATRIX_KINDS: MatrixKind[] = [
  simple('pods', 'Pod', 'v1', 'namespaced', () => ({ spec: podSpec })),
  simple('services', 'Service', 'v1', 'namespaced', (name) => ({ spec: { selector: { 'matrix-app': name }, ports: [{ port: 80 }] } })),
  simple('configmaps', 'ConfigMap', 'v1', 'namespaced', () => ({ data: { mode: 'matrix' } })),
  simple('secrets', 'Secret', 'v1', 'namespaced', () => ({ stringData: { password: 'not-for-view' } })),
  workload('Deployment', 'deployments'),
  workload('ReplicaSet', 'replicasets'),
  workload('StatefulSet', 'statefulsets', { serviceName: 'matrix' }),
  // Rules an admin of the namespace holds, so the escalation check lets an admin write them.
  simple('roles', 'Role', `${RBAC}/v1`, 'namespaced', () => ({ rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }] })),
  { ...simple('rolebindings', 'RoleBinding', `${RBAC}/v1`, 'namespaced', () => ({})), manifest: (name, namespace) => roleBinding(name, namespace, 'view') },
  // Unschedulable, so no pod of the matrix lands on a node no agent runs.
  simple('nodes', 'Node', 'v1', 'cluster', () => ({ spec: { unschedulable: true } })),
  simple('namespaces', 'Namespace', 'v1', 'namespace-object', () => ({})),
];

/** The REST path of one object (or, without a name, of its collection) as the admin reads it. */
export function restPath(k: MatrixKind, namespace: string | undefined, name: string): string {
  const prefix = k.apiVersion === 'v1' ? '/api/v1' : `/apis/${k.apiVersion}`;
  const ns = k.addressing === 'namespaced' ? `/namespaces/${namespace}` : '';
  return `${prefix}${ns}/${k.resource}/${name}`;
}
