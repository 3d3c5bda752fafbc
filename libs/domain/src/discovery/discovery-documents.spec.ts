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
    expect(names).toEqual(['apps', 'autoscaling', 'coordination.k8s.io']);
  });
  it('has no document for an unserved group-version', () => {
    expect(apiResourceList('batch', 'v1')).toBeUndefined();
  });
});
