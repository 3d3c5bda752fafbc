import type { ObjectMeta } from '../meta/types';
import { staticPolicy, type RbacObjects } from './static-policy';
import { ALL_AUTHENTICATED_GROUP, ALL_UNAUTHENTICATED_GROUP, SYSTEM_MASTERS_GROUP } from './user-info';
import { RBAC_GROUP, type ClusterRole, type ClusterRoleBinding, type PolicyRule, type RbacPolicy } from './types';

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'update', 'patch', 'delete', 'deletecollection'];
const READ_WRITE = [...READ, ...WRITE];

const AUTHORIZATION_GROUP = 'authorization.k8s.io';
const METRICS_GROUP = 'metrics.k8s.io';
const SKIFF_GROUP = 'skiff.io';

export const BOOTSTRAPPING_LABEL = 'kubernetes.io/bootstrapping';
export const AUTOUPDATE_ANNOTATION = 'rbac.authorization.kubernetes.io/autoupdate';
export const AGGREGATE_TO_ADMIN_LABEL = 'rbac.authorization.k8s.io/aggregate-to-admin';
export const AGGREGATE_TO_EDIT_LABEL = 'rbac.authorization.k8s.io/aggregate-to-edit';
export const AGGREGATE_TO_VIEW_LABEL = 'rbac.authorization.k8s.io/aggregate-to-view';

/** As rbac's rule builder writes a rule: verbs and resources sorted and deduplicated. */
function rule(verbs: readonly string[], apiGroups: readonly string[], resources: readonly string[]): PolicyRule {
  return { verbs: sorted(verbs), apiGroups: [...apiGroups], resources: sorted(resources) };
}

function urlRule(verbs: readonly string[], urls: readonly string[]): PolicyRule {
  return { verbs: sorted(verbs), nonResourceURLs: sorted(urls) };
}

function sorted(list: readonly string[]): string[] {
  return [...new Set(list)].sort();
}

/** Read access to what a namespace runs, but nothing that reveals credentials (no secrets). */
function aggregateToViewRules(): PolicyRule[] {
  return [
    rule(READ, [''], ['pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'services', 'services/status', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'configmaps']),
    rule(READ, [''], ['events', 'pods/status', 'namespaces/status', 'replicationcontrollers/status', 'pods/log']),
    // In a RoleBinding this reads the bound namespace itself: requests on a Namespace carry its name as their namespace.
    rule(READ, [''], ['namespaces']),
    rule(READ, ['apps'], [
      'controllerrevisions',
      'statefulsets', 'statefulsets/status', 'statefulsets/scale',
      'daemonsets', 'daemonsets/status',
      'deployments', 'deployments/status', 'deployments/scale',
      'replicasets', 'replicasets/status', 'replicasets/scale',
    ]),
    rule(READ, ['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status']),
    // Skiff's deploy hooks: their status holds a path, never the signing token (that stays in a Secret).
    rule(READ, [SKIFF_GROUP], ['deployhooks', 'deployhooks/status']),
  ];
}

/**
 * Writes to a namespace's workloads and configuration, and reading secrets. No
 * `/status` writes (the controllers own status), no namespace writes, nothing in rbac.
 */
function aggregateToEditRules(): PolicyRule[] {
  return [
    rule(READ, [''], ['secrets']),
    rule(WRITE, [''], ['pods']),
    rule(['create'], [''], ['pods/eviction']),
    rule(WRITE, [''], ['replicationcontrollers', 'replicationcontrollers/scale', 'services', 'persistentvolumeclaims', 'configmaps', 'secrets', 'events']),
    rule(WRITE, ['apps'], ['statefulsets', 'statefulsets/scale', 'daemonsets', 'deployments', 'deployments/scale', 'replicasets', 'replicasets/scale']),
    rule(WRITE, ['autoscaling'], ['horizontalpodautoscalers']),
    // A hook deploys only to workloads of its namespace, which edit may change anyway.
    rule(WRITE, [SKIFF_GROUP], ['deployhooks']),
  ];
}

/** What makes admin more than edit: granting access within the namespace, and checking it. */
function aggregateToAdminRules(): PolicyRule[] {
  return [
    rule(['create'], [AUTHORIZATION_GROUP], ['localsubjectaccessreviews']),
    rule(READ_WRITE, [RBAC_GROUP], ['roles', 'rolebindings']),
  ];
}

/** metrics-server's `system:aggregated-metrics-reader`, which Skiff serves the API of: `kubectl top` for view and up. */
function metricsReaderRules(): PolicyRule[] {
  return [rule(READ, [METRICS_GROUP], ['pods', 'nodes'])];
}

function bootstrapMetadata(name: string, labels: Record<string, string> = {}): ObjectMeta {
  return {
    name,
    labels: { [BOOTSTRAPPING_LABEL]: 'rbac-defaults', ...labels },
    annotations: { [AUTOUPDATE_ANNOTATION]: 'true' },
  };
}

function clusterRole(name: string, rules: PolicyRule[], labels?: Record<string, string>, aggregateLabel?: string): ClusterRole {
  const role: ClusterRole = { apiVersion: `${RBAC_GROUP}/v1`, kind: 'ClusterRole', metadata: bootstrapMetadata(name, labels), rules };
  if (aggregateLabel) role.aggregationRule = { clusterRoleSelectors: [{ matchLabels: { [aggregateLabel]: 'true' } }] };
  return role;
}

/**
 * The default RBAC policy kube-apiserver reconciles at start (bootstrappolicy's
 * policy.go), limited to what Skiff serves: the core, apps, autoscaling and
 * metrics.k8s.io resources of the registry, plus rbac.authorization.k8s.io and
 * authorization.k8s.io; and Skiff's own skiff.io DeployHooks, which view reads and edit
 * writes (as a CRD's aggregate-to-view/-edit ClusterRoles would grant). Upstream
 * entries for resources Skiff does not serve
 * (serviceaccounts, pods/exec and the other streaming subresources, services/proxy,
 * limitranges, resourcequotas, bindings, deployments/rollback, batch, policy,
 * networking, discovery, extensions) are left out; add them here when the kinds arrive.
 *
 * admin, edit and view are aggregated ClusterRoles upstream. Their rules are given
 * already aggregated, in the order the aggregation controller writes them.
 *
 * Fresh objects on every call, so callers may store or change them.
 */
export function bootstrapClusterRoles(): ClusterRole[] {
  return [
    clusterRole('cluster-admin', [rule(['*'], ['*'], ['*']), urlRule(['*'], ['*'])]),
    // Enough to find out whether the server is up and which APIs it serves.
    clusterRole('system:discovery', [
      urlRule(['get'], ['/livez', '/readyz', '/healthz', '/version', '/version/', '/openapi', '/openapi/*', '/api', '/api/*', '/apis', '/apis/*']),
    ]),
    // Lets any user ask what they themselves may do.
    clusterRole('system:basic-user', [rule(['create'], [AUTHORIZATION_GROUP], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'])]),
    // What even unauthenticated clients may read.
    clusterRole('system:public-info-viewer', [urlRule(['get'], ['/livez', '/readyz', '/healthz', '/version', '/version/'])]),
    // What a Prometheus scraping the API servers needs: bind it to Prometheus's user.
    clusterRole('system:monitoring', [urlRule(['get'], ['/healthz', '/healthz/*', '/livez', '/livez/*', '/metrics', '/metrics/slis', '/readyz', '/readyz/*'])]),
    clusterRole('admin', [...aggregateToEditRules(), ...metricsReaderRules(), ...aggregateToViewRules(), ...aggregateToAdminRules()], {}, AGGREGATE_TO_ADMIN_LABEL),
    clusterRole('edit', [...aggregateToEditRules(), ...metricsReaderRules(), ...aggregateToViewRules()], { [AGGREGATE_TO_ADMIN_LABEL]: 'true' }, AGGREGATE_TO_EDIT_LABEL),
    clusterRole('view', [...aggregateToViewRules(), ...metricsReaderRules()], { [AGGREGATE_TO_EDIT_LABEL]: 'true' }, AGGREGATE_TO_VIEW_LABEL),
    clusterRole('system:aggregate-to-admin', aggregateToAdminRules(), { [AGGREGATE_TO_ADMIN_LABEL]: 'true' }),
    clusterRole('system:aggregate-to-edit', aggregateToEditRules(), { [AGGREGATE_TO_EDIT_LABEL]: 'true' }),
    clusterRole('system:aggregate-to-view', aggregateToViewRules(), { [AGGREGATE_TO_VIEW_LABEL]: 'true' }),
    {
      apiVersion: `${RBAC_GROUP}/v1`,
      kind: 'ClusterRole',
      metadata: {
        name: 'system:aggregated-metrics-reader',
        labels: { 'k8s-app': 'metrics-server', [AGGREGATE_TO_ADMIN_LABEL]: 'true', [AGGREGATE_TO_EDIT_LABEL]: 'true', [AGGREGATE_TO_VIEW_LABEL]: 'true' },
      },
      rules: metricsReaderRules(),
    },
  ];
}

function groupBinding(roleName: string, groups: readonly string[]): ClusterRoleBinding {
  return {
    apiVersion: `${RBAC_GROUP}/v1`,
    kind: 'ClusterRoleBinding',
    metadata: bootstrapMetadata(roleName),
    roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: roleName },
    subjects: groups.map((name) => ({ kind: 'Group', apiGroup: RBAC_GROUP, name })),
  };
}

/** The built-in ClusterRoleBindings, each named after the ClusterRole it grants. */
export function bootstrapClusterRoleBindings(): ClusterRoleBinding[] {
  return [
    groupBinding('cluster-admin', [SYSTEM_MASTERS_GROUP]),
    groupBinding('system:discovery', [ALL_AUTHENTICATED_GROUP]),
    groupBinding('system:basic-user', [ALL_AUTHENTICATED_GROUP]),
    groupBinding('system:public-info-viewer', [ALL_AUTHENTICATED_GROUP, ALL_UNAUTHENTICATED_GROUP]),
  ];
}

/** A policy holding only the built-ins, with `extra` objects (a cluster's own roles and bindings) added. */
export function bootstrapPolicy(extra: RbacObjects = {}): RbacPolicy {
  return staticPolicy({
    ...extra,
    clusterRoles: [...bootstrapClusterRoles(), ...(extra.clusterRoles ?? [])],
    clusterRoleBindings: [...bootstrapClusterRoleBindings(), ...(extra.clusterRoleBindings ?? [])],
  });
}
