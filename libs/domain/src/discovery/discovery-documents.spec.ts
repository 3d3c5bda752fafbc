import { aggregatedDiscovery, apiGroupList, apiResourceList } from './discovery-documents';

describe('discovery documents', () => {
  it('lists apps/v1 deployments with their scale subresource', () => {
    const list = apiResourceList('apps', 'v1')!;
    expect(list.groupVersion).toBe('apps/v1');
    expect(list.resources.find((r) => r.name === 'deployments')).toMatchObject({ kind: 'Deployment', namespaced: true, shortNames: ['deploy'] });
    expect(list.resources.find((r) => r.name === 'deployments/scale')).toMatchObject({ kind: 'Scale', group: 'autoscaling', version: 'v1' });
  });
  it('serves the core group as an unnamed aggregated group', () => {
    const core = aggregatedDiscovery(true);
    expect(core.items).toHaveLength(1);
    expect(core.items[0].metadata.name).toBe('');
    expect(core.items[0].versions[0].resources.map((r) => r.resource)).toContain('pods');
  });
  it('names every served API group once', () => {
    const names = apiGroupList().groups.map((g) => g.name);
    expect(names).toEqual(['apps', 'authorization.k8s.io', 'autoscaling', 'rbac.authorization.k8s.io', 'coordination.k8s.io', 'skiff.io', 'metrics.k8s.io']);
  });
  it('serves the resource metrics API read-only: NodeMetrics cluster-wide, PodMetrics per namespace', () => {
    expect(apiGroupList().groups.find((g) => g.name === 'metrics.k8s.io')?.preferredVersion).toEqual({ groupVersion: 'metrics.k8s.io/v1beta1', version: 'v1beta1' });
    expect(apiResourceList('metrics.k8s.io', 'v1beta1')!.resources).toEqual([
      { name: 'nodes', singularName: '', namespaced: false, kind: 'NodeMetrics', verbs: ['get', 'list'] },
      { name: 'pods', singularName: '', namespaced: true, kind: 'PodMetrics', verbs: ['get', 'list'] },
    ]);
    const metrics = aggregatedDiscovery(false).items.find((g) => g.metadata.name === 'metrics.k8s.io')!;
    expect(metrics.versions[0].resources.map((r) => [r.resource, r.scope, r.responseKind.kind, r.verbs])).toEqual([
      ['nodes', 'Cluster', 'NodeMetrics', ['get', 'list']],
      ['pods', 'Namespaced', 'PodMetrics', ['get', 'list']],
    ]);
    // The stored kinds keep every verb.
    expect(apiResourceList('', 'v1')!.resources.find((r) => r.name === 'pods')!.verbs).toContain('create');
  });
  it('serves the four RBAC kinds, Roles and RoleBindings per namespace, without subresources', () => {
    expect(apiResourceList('rbac.authorization.k8s.io', 'v1')!.resources.map((r) => [r.name, r.kind, r.namespaced])).toEqual([
      ['clusterrolebindings', 'ClusterRoleBinding', false],
      ['clusterroles', 'ClusterRole', false],
      ['rolebindings', 'RoleBinding', true],
      ['roles', 'Role', true],
    ]);
  });
  it('serves DeployHooks in skiff.io/v1alpha1, per namespace, with a status subresource', () => {
    expect(apiResourceList('skiff.io', 'v1alpha1')!.resources.map((r) => [r.name, r.kind, r.namespaced, r.verbs.length])).toEqual([
      ['deployhooks', 'DeployHook', true, 8],
      ['deployhooks/status', 'DeployHook', true, 3],
    ]);
  });
  it('has no document for an unserved group-version', () => {
    expect(apiResourceList('batch', 'v1')).toBeUndefined();
  });
});
