import { spawnAgent } from '../support/agent-process';
import { startTestApi, type TestApi } from '../support/test-server';
import { openWatch, until } from '../support/watch-client';

/** ReplicaSets and ReplicationControllers on simulated nodes, through kubectl where a user would. */
describe('ReplicaSet and ReplicationController controllers', () => {
  let api: TestApi;
  let agent: ReturnType<typeof spawnAgent>;
  const ns = '/api/v1/namespaces/default';

  beforeAll(async () => {
    api = await startTestApi();
    agent = spawnAgent(api, ['--name=rs', '--runtime=simulated', '--simulated-nodes=3']);
    await until(async () => (await api.call('GET', '/api/v1/nodes')).body.items?.length === 3, 30_000);
  });
  afterAll(async () => {
    agent?.kill('SIGTERM');
    await api?.stop();
  });

  const podsOf = async (selector: string) => (await api.call('GET', `${ns}/pods?labelSelector=${encodeURIComponent(selector)}`)).body.items.filter((p: any) => !p.metadata.deletionTimestamp);
  const rsManifest = (replicas: number) => `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: front
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: front}
    matchExpressions: [{key: tier, operator: In, values: [web, edge]}]
  template:
    metadata:
      labels: {app: front, tier: web}
    spec:
      containers: [{name: web, image: web:1.0}]
`;

  it('keeps replicas: creates, replaces a deleted pod, scales 3 → 10 → 2', async () => {
    expect((await api.kubectl(['apply', '-f', '-'], { input: rsManifest(3) })).code).toBe(0);
    await until(async () => (await api.call('GET', '/apis/apps/v1/namespaces/default/replicasets/front')).body.status?.readyReplicas === 3, 20_000);
    const [victim] = await podsOf('app=front');
    expect(victim.metadata.ownerReferences[0]).toMatchObject({ kind: 'ReplicaSet', name: 'front', controller: true });
    await api.kubectl(['delete', 'pod', victim.metadata.name, '--wait=false']);
    await until(async () => (await podsOf('app=front')).length === 3 && !(await podsOf('app=front')).some((p: any) => p.metadata.name === victim.metadata.name), 20_000);

    const firstThree = (await podsOf('app=front')).map((p: any) => p.metadata.name);
    await new Promise((r) => setTimeout(r, 2500));
    expect((await api.kubectl(['scale', 'replicaset', 'front', '--replicas=10'])).code).toBe(0);
    await until(async () => (await api.call('GET', '/apis/apps/v1/namespaces/default/replicasets/front')).body.status?.readyReplicas === 10, 20_000);
    expect((await api.kubectl(['scale', 'replicaset', 'front', '--replicas=2'])).code).toBe(0);
    await until(async () => (await podsOf('app=front')).length === 2, 20_000);
    // All ready and running alike: the newest (ready for less time) go first, so two of the first three stay.
    for (const survivor of (await podsOf('app=front')).map((p: any) => p.metadata.name)) expect(firstThree).toContain(survivor);
    const got = await api.kubectl(['get', 'rs', 'front', '--no-headers']);
    await until(async () => /front\s+2\s+2\s+2/.test((await api.kubectl(['get', 'rs', 'front', '--no-headers'])).stdout), 10_000);
    expect(got.code).toBe(0);
  });

  it('adopts a matching orphan and releases a pod whose labels stop matching', async () => {
    // An orphan that matches: adopted, so one of the RS's own pods goes (2 stay 2).
    // Watched, because once adopted the newest pod is also the first to go when the RS has one too many.
    const rv = (await api.call('GET', `${ns}/pods`)).body.metadata.resourceVersion;
    const w = await openWatch(`${api.url}${ns}/pods?watch=true&fieldSelector=metadata.name%3Dstray&resourceVersion=${rv}`, api.token, api.server.pki.caCert);
    await api.call('POST', `${ns}/pods`, { body: { metadata: { name: 'stray', labels: { app: 'front', tier: 'edge' } }, spec: { containers: [{ name: 'web', image: 'web:1.0' }] } } });
    await until(async () => w.events.some((e: any) => e.object.metadata.ownerReferences?.[0]?.name === 'front'), 30_000);
    w.close();
    await until(async () => (await podsOf('app=front')).length === 2, 30_000);
    // Relabelled out of the selector: released (no owner) and replaced.
    const keep = (await podsOf('app=front')).find((p: any) => p.metadata.name !== 'stray');
    await api.kubectl(['label', 'pod', keep.metadata.name, 'tier=db', '--overwrite']);
    await until(async () => !(await api.call('GET', `${ns}/pods/${keep.metadata.name}`)).body.metadata.ownerReferences, 30_000);
    await until(async () => (await podsOf('app=front,tier in (web,edge)')).length === 2, 30_000);
  });

  it('runs a ReplicationController with an equality selector; deleting it takes its pods', async () => {
    const rc = { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'legacy' }, spec: { replicas: 2, selector: { app: 'legacy' }, template: { metadata: { labels: { app: 'legacy' } }, spec: { containers: [{ name: 'c', image: 'web:1.0' }] } } } };
    expect((await api.call('POST', `${ns}/replicationcontrollers`, { body: rc })).status).toBe(201);
    await until(async () => (await api.call('GET', `${ns}/replicationcontrollers/legacy`)).body.status?.readyReplicas === 2, 20_000);
    expect((await api.kubectl(['get', 'rc', 'legacy', '--no-headers'])).stdout).toMatch(/legacy\s+2\s+2\s+2/);
    await api.kubectl(['delete', 'rc', 'legacy']);
    await until(async () => (await podsOf('app=legacy')).length === 0, 20_000);
  });
});
