import { METRICS_RESOURCE_TYPES } from '../metrics/resource-metrics';
import { RESOURCE_TYPES } from '../resources/registry';
import { authorize } from './authorizer';
import { bootstrapClusterRoleBindings, bootstrapClusterRoles, bootstrapPolicy } from './bootstrap-policy';
import { rulesCover } from './rules-cover';
import { anonymousUser, withAuthenticatedGroup } from './user-info';
import type { ClusterRole, PolicyRule } from './types';

function rulesOf(name: string): PolicyRule[] {
  const role = bootstrapClusterRoles().find((r) => r.metadata.name === name);
  if (!role) throw new Error(`no bootstrap ClusterRole ${name}`);
  return role.rules ?? [];
}

/** What Skiff serves: the registry, the metrics API, and the RBAC and authorization APIs this module brings. */
const SERVED = new Set<string>([
  ...[...RESOURCE_TYPES, ...METRICS_RESOURCE_TYPES].flatMap((t) => [`${t.group}/${t.resource}`, ...t.subresources.map((s) => `${t.group}/${t.resource}/${s}`)]),
  ...['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings'].map((r) => `rbac.authorization.k8s.io/${r}`),
  ...['selfsubjectaccessreviews', 'selfsubjectrulesreviews', 'localsubjectaccessreviews', 'subjectaccessreviews'].map((r) => `authorization.k8s.io/${r}`),
]);

describe('bootstrap ClusterRoles', () => {
  it('nest as Kubernetes aggregates them: admin ⊇ edit ⊇ view', () => {
    expect(rulesCover(rulesOf('admin'), rulesOf('edit'))).toBe(true);
    expect(rulesCover(rulesOf('edit'), rulesOf('view'))).toBe(true);
    expect(rulesCover(rulesOf('edit'), rulesOf('admin'))).toBe(false);
    expect(rulesCover(rulesOf('view'), rulesOf('edit'))).toBe(false);
    expect(rulesCover(rulesOf('cluster-admin'), rulesOf('admin'))).toBe(true);
  });

  it('hold exactly their aggregated parts', () => {
    const parts = (...names: string[]) => names.flatMap(rulesOf);
    expect(rulesCover(parts('system:aggregate-to-view', 'system:aggregated-metrics-reader'), rulesOf('view'))).toBe(true);
    expect(rulesCover(rulesOf('view'), parts('system:aggregate-to-view', 'system:aggregated-metrics-reader'))).toBe(true);
    expect(rulesCover(parts('system:aggregate-to-edit', 'view'), rulesOf('edit'))).toBe(true);
    expect(rulesCover(rulesOf('edit'), parts('system:aggregate-to-edit', 'view'))).toBe(true);
    expect(rulesCover(parts('system:aggregate-to-admin', 'edit'), rulesOf('admin'))).toBe(true);
    expect(rulesCover(rulesOf('admin'), parts('system:aggregate-to-admin', 'edit'))).toBe(true);
  });

  it('keep secrets from view, rbac from edit, and namespace or node writes from all three', () => {
    const secretsRead: PolicyRule = { verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['secrets'] };
    expect(rulesCover(rulesOf('view'), [secretsRead])).toBe(false);
    expect(rulesCover(rulesOf('edit'), [secretsRead])).toBe(true);
    const rbac: PolicyRule = { verbs: ['get'], apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'] };
    expect(rulesCover(rulesOf('edit'), [rbac])).toBe(false);
    expect(rulesCover(rulesOf('admin'), [rbac, { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['localsubjectaccessreviews'] }])).toBe(true);
    for (const name of ['view', 'edit', 'admin']) {
      for (const verb of ['create', 'update', 'patch', 'delete', 'deletecollection']) {
        expect(rulesCover(rulesOf(name), [{ verbs: [verb], apiGroups: [''], resources: ['namespaces'] }])).toBe(false);
        expect(rulesCover(rulesOf(name), [{ verbs: [verb], apiGroups: [''], resources: ['pods/status'] }])).toBe(false);
      }
      expect(rulesCover(rulesOf(name), [{ verbs: ['get'], apiGroups: [''], resources: ['nodes'] }])).toBe(false);
      expect(rulesCover(rulesOf(name), [{ verbs: ['create'], apiGroups: [''], resources: ['pods/binding'] }])).toBe(false);
    }
  });

  it('name only resources Skiff serves', () => {
    const unserved = bootstrapClusterRoles()
      .filter((r) => r.metadata.name !== 'cluster-admin')
      .flatMap((r) => (r.rules ?? []).flatMap((rule) => (rule.apiGroups ?? []).flatMap((g) => (rule.resources ?? []).map((res) => `${r.metadata.name}: ${g}/${res}`))))
      .filter((entry) => !SERVED.has(entry.split(': ')[1]));
    expect(unserved).toEqual([]);
  });

  it('carry the bootstrapping label and autoupdate annotation', () => {
    for (const role of bootstrapClusterRoles().filter((r) => r.metadata.name !== 'system:aggregated-metrics-reader')) {
      expect(role.metadata.labels).toMatchObject({ 'kubernetes.io/bootstrapping': 'rbac-defaults' });
      expect(role.metadata.annotations).toEqual({ 'rbac.authorization.kubernetes.io/autoupdate': 'true' });
      expect(role).toMatchObject({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole' });
    }
    for (const binding of bootstrapClusterRoleBindings()) {
      expect(binding.metadata.labels).toEqual({ 'kubernetes.io/bootstrapping': 'rbac-defaults' });
      expect(binding.metadata.annotations).toEqual({ 'rbac.authorization.kubernetes.io/autoupdate': 'true' });
      expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: binding.metadata.name });
    }
  });

  it('label and select for aggregation as upstream does', () => {
    const byName = (name: string) => bootstrapClusterRoles().find((r) => r.metadata.name === name) as ClusterRole;
    expect(byName('admin').aggregationRule).toEqual({ clusterRoleSelectors: [{ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' } }] });
    expect(byName('edit').metadata.labels).toMatchObject({ 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' });
    expect(byName('view').metadata.labels).toMatchObject({ 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' });
  });

  it('are fresh objects on every call', () => {
    const first = bootstrapClusterRoles();
    first[0].rules!.length = 0;
    first[0].metadata.labels!.changed = 'yes';
    const again = bootstrapClusterRoles();
    expect(again[0].rules).toHaveLength(2);
    expect(again[0].metadata.labels).not.toHaveProperty('changed');
    const bindings = bootstrapClusterRoleBindings();
    bindings[0].subjects!.push({ kind: 'User', name: 'mallory' });
    expect(bootstrapClusterRoleBindings()[0].subjects).toHaveLength(1);
  });
});

describe('bootstrap ClusterRoleBindings', () => {
  const policy = bootstrapPolicy();
  const alice = withAuthenticatedGroup({ name: 'alice', groups: [] });

  it('make system:masters cluster-admin', () => {
    expect(bootstrapClusterRoleBindings().find((b) => b.metadata.name === 'cluster-admin')?.subjects).toEqual([
      { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'system:masters' },
    ]);
  });

  it('let every authenticated user discover the API and review their own access', () => {
    expect(authorize(alice, { verb: 'get', path: '/apis/apps/v1' }, policy).allowed).toBe(true);
    expect(authorize(alice, { verb: 'get', path: '/openapi/v2' }, policy).allowed).toBe(true);
    expect(authorize(alice, { verb: 'create', apiGroup: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews' }, policy).allowed).toBe(true);
    expect(authorize(alice, { verb: 'create', apiGroup: 'authorization.k8s.io', resource: 'selfsubjectrulesreviews' }, policy).allowed).toBe(true);
    expect(authorize(alice, { verb: 'create', apiGroup: 'authorization.k8s.io', resource: 'subjectaccessreviews' }, policy).allowed).toBe(false);
    expect(authorize(alice, { verb: 'get', path: '/metrics' }, policy).allowed).toBe(false);
    expect(authorize(alice, { verb: 'list', apiGroup: '', resource: 'pods', namespace: 'default' }, policy).allowed).toBe(false);
  });

  it('let anonymous clients read only health and version', () => {
    const anonymous = anonymousUser();
    for (const path of ['/livez', '/readyz', '/healthz', '/version', '/version/']) {
      expect(authorize(anonymous, { verb: 'get', path }, policy).allowed).toBe(true);
    }
    expect(authorize(anonymous, { verb: 'get', path: '/api' }, policy).allowed).toBe(false);
    expect(authorize(anonymous, { verb: 'get', path: '/healthz/etcd' }, policy).allowed).toBe(false);
    expect(authorize(anonymous, { verb: 'create', apiGroup: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews' }, policy).allowed).toBe(false);
  });
});
