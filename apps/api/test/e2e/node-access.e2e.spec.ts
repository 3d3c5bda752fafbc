import { startTestApi, type TestApi } from '../support/test-server';

/** Agents join with the join token and get node tokens that may act only for their own nodes. */
describe('node tokens', () => {
  let api: TestApi;
  let nodeToken: string;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.stop();
  });

  const as = (token: string) => ({
    get: (p: string) => api.call('GET', p, { token }),
    post: (p: string, body: unknown) => api.call('POST', p, { token, body }),
    patch: (p: string, body: unknown) => api.call('PATCH', p, { token, raw: JSON.stringify(body), contentType: 'application/merge-patch+json' }),
    del: (p: string) => api.call('DELETE', p, { token }),
  });

  it('issues a node token for a join token, and for nobody else', async () => {
    const join = await api.call('POST', '/skiff/v1/join', { token: api.joinToken, body: { nodes: ['n1', 'n1b'] } });
    expect(join.status).toBe(201);
    nodeToken = join.body.token;
    expect(join.body.nodes).toEqual(['n1', 'n1b']);
    expect((await api.call('POST', '/skiff/v1/join', { token: nodeToken, body: { nodes: ['n9'] } })).status).toBe(403);
    expect((await api.call('POST', '/skiff/v1/join', { token: null, body: { nodes: ['n9'] } })).status).toBe(401);
    const bad = await api.call('POST', '/skiff/v1/join', { token: api.joinToken, body: { nodes: ['Not_Valid'] } });
    expect(bad.status).toBe(422);
    expect(bad.body.details.causes[0].field).toBe('nodes[0]');
    // The join token itself reaches nothing else.
    expect((await api.call('GET', '/api/v1/namespaces', { token: api.joinToken })).status).toBe(403);
    expect((await api.call('GET', '/api', { token: api.joinToken })).status).toBe(403);
  });

  it('lets a node read discovery, and not the audit log or the metrics', async () => {
    const node = as(nodeToken);
    expect((await node.get('/api')).status).toBe(200);
    expect((await node.get('/openapi/v2')).status).toBe(200);
    expect((await node.get('/skiff/v1/audit')).status).toBe(403);
    expect((await node.get('/metrics')).status).toBe(403);
  });

  it('lets a node register itself and renew its own lease, not another node’s', async () => {
    const node = as(nodeToken);
    expect((await node.post('/api/v1/nodes', { metadata: { name: 'n1' } })).status).toBe(201);
    expect((await node.post('/api/v1/nodes', { metadata: { name: 'n1b' } })).status).toBe(201);
    expect((await node.post('/api/v1/nodes', { metadata: { name: 'n2' } })).status).toBe(403);
    expect((await node.patch('/api/v1/nodes/n1/status', { status: { conditions: [{ type: 'Ready', status: 'True' }] } })).status).toBe(200);
    const lease = (name: string) => ({ metadata: { name }, spec: { holderIdentity: name, leaseDurationSeconds: 40 } });
    expect((await node.post('/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases', lease('n1'))).status).toBe(201);
    expect((await node.post('/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases', lease('n2'))).status).toBe(403);
    expect((await node.post('/apis/coordination.k8s.io/v1/namespaces/default/leases', lease('n1'))).status).toBe(403);
    expect((await node.get('/api/v1/nodes')).status).toBe(200);
  });

  it('lets a node report status of and remove only the pods bound to it', async () => {
    const pod = (name: string, nodeName: string) => ({ metadata: { name }, spec: { nodeName, containers: [{ name: 'c', image: 'i' }] } });
    await api.call('POST', '/api/v1/namespaces/default/pods', { body: pod('mine', 'n1') });
    await api.call('POST', '/api/v1/namespaces/default/pods', { body: pod('theirs', 'n2') });
    const node = as(nodeToken);
    const watchable = await node.get('/api/v1/pods?fieldSelector=spec.nodeName%3Dn1');
    expect(watchable.body.items.map((p: any) => p.metadata.name)).toEqual(['mine']);
    expect((await node.patch('/api/v1/namespaces/default/pods/mine/status', { status: { phase: 'Running' } })).status).toBe(200);
    expect((await node.patch('/api/v1/namespaces/default/pods/theirs/status', { status: { phase: 'Running' } })).status).toBe(403);
    expect((await node.patch('/api/v1/namespaces/default/pods/mine', { metadata: { labels: { a: 'b' } } })).status).toBe(403);
    expect((await node.post('/api/v1/namespaces/default/pods', pod('new', 'n1'))).status).toBe(403);
    expect((await node.post('/api/v1/namespaces/default/configmaps', { metadata: { name: 'x' } })).status).toBe(403);
    expect((await node.del('/api/v1/namespaces/default/pods/theirs')).status).toBe(403);
    expect((await node.del('/api/v1/namespaces/default/pods/mine')).status).toBe(200);
    const forbidden = await node.get('/apis/apps/v1/deployments');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.message).toContain('system:node:n1+1');
  });
});
