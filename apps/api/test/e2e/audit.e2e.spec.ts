import { createHmac } from 'crypto';
import { AuditLog } from '../../src/audit/audit-log';
import { StoreRuntime } from '../../src/store/store-runtime';
import { startTestApi, type TestApi } from '../support/test-server';

/** The audit log: every write from every surface — kubectl, the dashboard, GraphQL, webhooks — queryable by admins. */
describe('audit log', () => {
  let api: TestApi;
  let viewer: string;
  const ADMIN_PASSWORD = 'audit-admin-password';
  const audit = async (query: string, token?: string) => api.call('GET', `/skiff/v1/audit?${query}`, { token });

  beforeAll(async () => {
    api = await startTestApi({ SKIFF_ADMIN_PASSWORD: ADMIN_PASSWORD });
    await api.call('POST', '/skiff/v1/users', { body: { name: 'viewer', password: 'viewer-long-password' } });
    viewer = (await api.call('POST', '/skiff/v1/tokens', { body: { name: 't', user: 'viewer' } })).body.token;
    await api.kubectlOk(['create', 'rolebinding', 'viewer-view', '-n', 'default', '--clusterrole=view', '--user=viewer']);
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('records kubectl writes with user, verb, object, revision, address and outcome — refused ones too', async () => {
    await api.kubectlOk(['create', 'deployment', 'web', '--image=web:1.0']);
    const rv = (await api.call('GET', '/apis/apps/v1/namespaces/default/deployments/web')).body.metadata.resourceVersion;
    const denied = await api.call('DELETE', '/apis/apps/v1/namespaces/default/deployments/web', { token: viewer });
    expect(denied.status).toBe(403);
    await api.kubectlOk(['create', 'configmap', 'dry', '--from-literal=a=b', '--dry-run=server']);

    const created = (await audit('resource=deployments&verb=create&name=web')).body.items;
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ user: 'admin', source: 'rest', verb: 'create', group: 'apps', resource: 'deployments', namespace: 'default', name: 'web', code: 201, revision: Number(rv), sourceIP: expect.stringContaining('127.0.0.1'), dryRun: false });
    expect(created[0].userAgent).toMatch(/^kubectl/);
    const refused = (await audit('user=viewer&outcome=failure')).body.items;
    expect(refused[0]).toMatchObject({ verb: 'delete', resource: 'deployments', name: 'web', code: 403 });
    expect(refused[0].message).toContain('cannot delete resource "deployments"');
    expect((await audit('resource=configmaps&name=dry')).body.items[0]).toMatchObject({ dryRun: true, code: 201 });
  });

  it('records a request naming a NUL character (as \\u0000), and every write after it', async () => {
    expect((await api.call('DELETE', '/api/v1/namespaces/default/configmaps/a%00b')).status).toBe(404);
    expect((await api.call('POST', '/api/v1/namespaces/default/configmaps', { body: { metadata: { name: 'after-nul' } } })).status).toBe(201);
    expect((await audit(`name=${encodeURIComponent('a\\u0000b')}`)).body.items[0]).toMatchObject({ verb: 'delete', code: 404 });
    expect((await audit('name=after-nul')).body.items[0]).toMatchObject({ verb: 'create', code: 201 });
    expect((await audit('name=a%00b')).status).toBe(422);
  });

  it('records the dashboard’s session writes, GraphQL mutations and webhook deliveries, each as its surface', async () => {
    const login = await api.call('POST', '/skiff/v1/login', { token: null, body: { name: 'admin', password: ADMIN_PASSWORD } });
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'from-ui' }, data: { a: 'b' } };
    expect((await api.call('POST', '/api/v1/namespaces/default/configmaps', { token: null, headers: { cookie, origin: api.url }, body: cm })).status).toBe(201);

    const scaled = await api.call('POST', '/graphql', { body: { query: 'mutation { scale(kind: "Deployment", namespace: "default", name: "web", replicas: 2) }' } });
    expect(scaled.body.errors).toBeUndefined();
    const refusedScale = await api.call('POST', '/graphql', { token: viewer, body: { query: 'mutation { scale(kind: "Deployment", namespace: "default", name: "web", replicas: 5) }' } });
    expect(refusedScale.body.errors[0].extensions.code).toBe('Forbidden');

    await api.kubectlOk(['create', 'secret', 'generic', 'hook-token', '--from-literal=token=shhh']);
    await api.kubectl(['apply', '-f', '-'], { input: 'apiVersion: skiff.io/v1alpha1\nkind: DeployHook\nmetadata: {name: web}\nspec:\n  target: {kind: Deployment, name: web}\n  secretRef: {name: hook-token}\n' });
    const path = (await api.call('GET', '/apis/skiff.io/v1alpha1/namespaces/default/deployhooks/web')).body.status.webhookPath;
    const body = JSON.stringify({ image: 'web:2.0', id: 'build-42' });
    const signature = `sha256=${createHmac('sha256', 'shhh').update(body).digest('hex')}`;
    const delivered = await api.call('POST', path, { token: null, raw: body, headers: { 'x-hub-signature-256': signature } });
    expect(delivered.status).toBe(200);
    expect((await api.call('POST', path, { token: null, raw: body, headers: { 'x-hub-signature-256': 'sha256=00' } })).status).toBe(401);

    const ui = (await audit('source=dashboard')).body.items;
    expect(ui[0]).toMatchObject({ user: 'admin', verb: 'create', resource: 'configmaps', name: 'from-ui', code: 201 });
    const graphql = (await audit('source=graphql')).body.items;
    expect(graphql.map((e: any) => [e.user, e.verb, e.resource, e.subresource, e.name, e.code])).toEqual([
      ['viewer', 'patch', 'deployments', 'scale', 'web', 403],
      ['admin', 'patch', 'deployments', 'scale', 'web', 200],
    ]);
    expect(graphql[1].revision).toBeGreaterThan(0);
    const hooks = (await audit('source=webhook')).body.items;
    expect(hooks.map((e: any) => [e.user, e.code])).toEqual([
      ['system:anonymous', 401],
      ['skiff:deployhook:default:web', 200],
    ]);
    expect(hooks[1].message).toContain('delivery build-42: applied (image web:2.0)');
    const deployment = (await api.call('GET', '/apis/apps/v1/namespaces/default/deployments/web')).body;
    expect(hooks[1].revision).toBeLessThanOrEqual(Number(deployment.metadata.resourceVersion));
  });

  it('names what account and role mutations wrote', async () => {
    const granted = await api.call('POST', '/graphql', { body: { query: 'mutation { grantRole(user: "viewer", clusterRole: "edit", namespace: "default", bindingName: "viewer-edit") }' } });
    expect(granted.body.errors).toBeUndefined();
    await api.call('POST', '/graphql', { body: { query: 'mutation { createToken(name: "ci", user: "viewer") { token } }' } });
    const entries = (await audit('source=graphql&limit=2')).body.items;
    expect(entries.map((e: any) => [e.verb, e.group, e.resource, e.namespace, e.name, e.code])).toEqual([
      ['create', 'skiff.io', 'tokens', '', 'ci', 200],
      ['create', 'rbac.authorization.k8s.io', 'rolebindings', 'default', 'viewer-edit', 200],
    ]);
  });

  it('is readable by admins only, over REST and GraphQL, in pages', async () => {
    const refused = await audit('', viewer);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('cannot get path "/skiff/v1/audit"');
    const gqlRefused = await api.call('POST', '/graphql', { token: viewer, body: { query: '{ auditEvents { items { id } } }' } });
    expect(gqlRefused.body.errors[0].extensions.code).toBe('Forbidden');

    const first = await audit('limit=2');
    expect(first.body.items).toHaveLength(2);
    const next = await audit(`limit=2&continue=${first.body.metadata.continue}`);
    expect(next.body.items[0].id).toBeLessThan(first.body.items[1].id);
    const gql = await api.call('POST', '/graphql', { body: { query: '{ auditEvents(user: "viewer", limit: 5) { items { user verb resource code source } continue } }' } });
    expect(gql.body.errors).toBeUndefined();
    expect(gql.body.data.auditEvents.items.every((e: any) => e.user === 'viewer')).toBe(true);
    expect((await audit('since=yesterday')).status).toBe(422);
  });

  it('records who authenticated and whom they acted as (kubectl --as)', async () => {
    const r = await api.kubectl(['create', 'configmap', 'as-nobody', '--as=nobody']);
    expect(r.stderr).toContain('User "nobody" cannot create resource "configmaps"');
    // A user's entries include what was done as them.
    const entries = (await audit('user=nobody')).body.items;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ user: 'admin', impersonatedUser: 'nobody', verb: 'create', resource: 'configmaps', code: 403 });
  });

  it('drops only an entry Postgres refuses, and goes on writing the others', async () => {
    const log = api.server.app.get(AuditLog);
    const entry = (name: string, code: number) => ({ at: new Date().toISOString(), user: 'admin', groups: [], source: 'rest' as const, verb: 'create', group: '', resource: 'configmaps', subresource: '', namespace: 'default', name, code, dryRun: false });
    log.record(entry('poison', 2 ** 40)); // beyond Postgres' int
    log.record(entry('healthy', 201));
    await log.flush();
    expect((await audit('name=healthy')).body.items).toHaveLength(1);
    expect((await audit('name=poison')).body.items).toHaveLength(0);
    log.record(entry('later', 201));
    expect((await audit('name=later')).body.items).toHaveLength(1);
  });

  it('deletes entries older than the retention', async () => {
    const ds = api.server.app.get(StoreRuntime).ds;
    await ds.query(`INSERT INTO audit_events (at, user_name, source, verb, code) VALUES (now() - interval '400 days', 'old-timer', 'rest', 'create', 201)`);
    expect((await audit('user=old-timer')).body.items).toHaveLength(1);
    await api.server.app.get(AuditLog).sweep();
    expect((await audit('user=old-timer')).body.items).toHaveLength(0);
    expect((await audit('user=admin')).body.items.length).toBeGreaterThan(0);
  });
});
