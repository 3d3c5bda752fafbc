import { startTestApi, type TestApi } from '../support/test-server';
import { until } from '../support/watch-client';

/** ownerReferences honoured on delete: background, foreground and orphan propagation, and dangling owners. */
describe('garbage collector', () => {
  let api: TestApi;
  const cms = '/api/v1/namespaces/default/configmaps';

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.stop();
  });

  async function family(owner: string) {
    const o = (await api.call('POST', cms, { body: { metadata: { name: owner } } })).body;
    const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: owner, uid: o.metadata.uid, blockOwnerDeletion: true };
    for (const n of ['a', 'b']) expect((await api.call('POST', cms, { body: { metadata: { name: `${owner}-${n}`, ownerReferences: [ref] } } })).status).toBe(201);
  }
  const exists = async (name: string) => (await api.call('GET', `${cms}/${name}`)).status === 200;

  it('background (kubectl delete): the dependents follow their owner', async () => {
    await family('bg');
    expect((await api.kubectl(['delete', 'configmap', 'bg'])).code).toBe(0);
    await until(async () => !(await exists('bg-a')) && !(await exists('bg-b')), 10_000);
  });

  it('foreground: the owner stays, being deleted, until its blocking dependents are gone', async () => {
    await family('fg');
    // Hold one dependent so the owner must wait for it.
    await api.call('PATCH', `${cms}/fg-a`, { body: { metadata: { finalizers: ['test/hold'] } }, contentType: 'application/merge-patch+json' });
    const del = await api.call('DELETE', `${cms}/fg`, { body: { propagationPolicy: 'Foreground' } });
    expect(del.status).toBe(200);
    await until(async () => !(await exists('fg-b')), 10_000);
    await new Promise((r) => setTimeout(r, 500));
    const owner = (await api.call('GET', `${cms}/fg`)).body;
    expect(owner.metadata.deletionTimestamp).toBeDefined();
    expect(owner.metadata.finalizers).toEqual(['foregroundDeletion']);
    await api.call('PATCH', `${cms}/fg-a`, { body: { metadata: { finalizers: null } }, contentType: 'application/merge-patch+json' });
    await until(async () => !(await exists('fg')), 10_000);
  });

  it('orphan (kubectl delete --cascade=orphan): the dependents stay, freed of the reference', async () => {
    await family('or');
    expect((await api.kubectl(['delete', 'configmap', 'or', '--cascade=orphan'])).code).toBe(0);
    await until(async () => !(await exists('or')), 10_000);
    for (const n of ['or-a', 'or-b']) expect((await api.call('GET', `${cms}/${n}`)).body.metadata.ownerReferences).toBeUndefined();
  });

  it('deletes an object whose owners are all gone, and drops a dead reference beside a live one', async () => {
    const dead = { apiVersion: 'v1', kind: 'ConfigMap', name: 'never', uid: '00000000-0000-4000-8000-000000000001' };
    await api.call('POST', cms, { body: { metadata: { name: 'orphaned', ownerReferences: [dead] } } });
    await until(async () => !(await exists('orphaned')), 10_000);
    const live = (await api.call('POST', cms, { body: { metadata: { name: 'live' } } })).body;
    const liveRef = { apiVersion: 'v1', kind: 'ConfigMap', name: 'live', uid: live.metadata.uid };
    await api.call('POST', cms, { body: { metadata: { name: 'two-owners', ownerReferences: [dead, liveRef] } } });
    await until(async () => (await api.call('GET', `${cms}/two-owners`)).body.metadata.ownerReferences?.length === 1, 10_000);
    expect((await api.call('GET', `${cms}/two-owners`)).body.metadata.ownerReferences[0].name).toBe('live');
  });
});
