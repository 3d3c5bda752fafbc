import * as fs from 'fs';
import * as path from 'path';
import { Agent, request } from 'undici';
import { signBody } from '../../src/webhooks/signature';
import { spawnAgent } from '../support/agent-process';
import { startTestApi, type TestApi } from '../support/test-server';
import { until } from '../support/watch-client';

const TOKEN = 'a-long-random-token-only-ci-knows';

/** Three workloads, each with a hook: generic for web, Docker Hub for api (tags 1.* and 2.* only), GitHub for worker. */
const MANIFESTS = `apiVersion: v1
kind: Secret
metadata:
  name: deploy-token
stringData:
  token: ${TOKEN}
---
${['web:web:1.0', 'api:acme/api:1.0', 'worker:ghcr.io/octo-org/worker:1.0']
  .map((w) => {
    const [name, ...image] = w.split(':');
    return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 2
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: ${name}
        image: ${image.join(':')}
---
`;
  })
  .join('')}apiVersion: skiff.io/v1alpha1
kind: DeployHook
metadata:
  name: web
spec:
  target: {kind: Deployment, name: web, container: web}
  secretRef: {name: deploy-token}
---
apiVersion: skiff.io/v1alpha1
kind: DeployHook
metadata:
  name: api
spec:
  target: {kind: Deployment, name: api}
  secretRef: {name: deploy-token}
  tagPatterns: ["1.*", "2.*"]
  type: docker
---
apiVersion: skiff.io/v1alpha1
kind: DeployHook
metadata:
  name: worker
spec:
  target: {kind: Deployment, name: worker}
  secretRef: {name: deploy-token}
`;

/** Deploy hooks end to end: kubectl apply, signed deliveries, rollouts and their history, the delivery log. */
describe('deploy hooks', () => {
  let api: TestApi;
  let agent: ReturnType<typeof spawnAgent>;
  let dispatcher: Agent;
  const paths = new Map<string, string>();
  const deployments = '/apis/apps/v1/namespaces/default/deployments';
  const hooks = '/apis/skiff.io/v1alpha1/namespaces/default/deployhooks';

  beforeAll(async () => {
    api = await startTestApi();
    dispatcher = new Agent({ connect: { ca: api.server.pki.caCert } });
    agent = spawnAgent(api, ['--name=hooks', '--runtime=simulated', '--simulated-nodes=2', '--start-delay-ms=100']);
    await until(async () => (await api.call('GET', '/api/v1/nodes')).body.items?.length === 2, 30_000);
  });
  afterAll(async () => {
    agent?.kill('SIGTERM');
    await dispatcher?.close();
    await api?.stop();
  });

  const kubectl = (...args: string[]) => api.kubectlOk(args, { timeoutMs: 60_000 });
  const deployment = async (name: string) => (await api.call('GET', `${deployments}/${name}`)).body;
  const imageOf = async (name: string) => (await deployment(name)).spec.template.spec.containers[0].image;
  const hook = async (name: string) => (await api.call('GET', `${hooks}/${name}`)).body;
  /** The Deployment once its controller has stopped writing to it (its resourceVersion holds for half a second). */
  async function settled(name: string): Promise<any> {
    let last = await deployment(name);
    for (;;) {
      await new Promise((r) => setTimeout(r, 500));
      const now = await deployment(name);
      if (now.metadata.resourceVersion === last.metadata.resourceVersion) return now;
      last = now;
    }
  }
  const deliveries = async (name: string, token?: string) => api.call('GET', `/skiff/v1/namespaces/default/deployhooks/${name}/deliveries`, { token });

  async function post(hookPath: string, body: string | Buffer, headers: Record<string, string> = {}) {
    const res = await request(api.url + hookPath, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, dispatcher });
    const text = await res.body.text();
    return { status: res.statusCode, body: JSON.parse(text) };
  }
  function signed(hookName: string, payload: unknown, headers: Record<string, string> = {}, token = TOKEN) {
    const body = JSON.stringify(payload);
    return post(paths.get(hookName)!, body, { 'x-hub-signature-256': signBody(Buffer.from(body), Buffer.from(token)), ...headers });
  }

  it('kubectl apply creates the hooks, each with an unguessable path, and kubectl get prints them', async () => {
    const out = await api.kubectl(['apply', '-f', '-'], { input: MANIFESTS });
    expect(out.stderr).toBe('');
    expect(out.stdout).toContain('deployhook.skiff.io/web created');
    for (const name of ['web', 'api', 'worker']) {
      const h = await hook(name);
      expect(h.status.webhookPath).toBe(`/hooks/${h.metadata.uid}`);
      paths.set(name, h.status.webhookPath);
      expect(await kubectl('rollout', 'status', `deployment/${name}`, '--timeout=60s')).toContain('successfully rolled out');
    }
    const table = await kubectl('get', 'deployhooks');
    expect(table.split('\n')[0]).toMatch(/^NAME\s+TARGET\s+PATH\s+LAST DELIVERY\s+OUTCOME\s+AGE$/);
    expect(table).toMatch(new RegExp(`\\nweb\\s+Deployment/web\\s+${paths.get('web')}\\s+<none>\\s+<none>\\s+\\d+s`));
    const explain = await kubectl('explain', 'deployhooks.spec.target');
    expect(explain).toContain('KIND:       DeployHook');
    expect(explain).toMatch(/kind\s+<string> -required-\s+enum: Deployment, StatefulSet/);
    // Re-applying the same manifests changes nothing.
    expect((await api.kubectl(['apply', '-f', '-'], { input: MANIFESTS })).stdout).toContain('deployhook.skiff.io/web unchanged');
  });

  it('deploys a signed generic delivery; rollout history names the hook and the delivery', async () => {
    const r = await signed('web', { image: 'web:2.0', id: 'build-1' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ kind: 'DeployHookDelivery', deliveryId: 'build-1', outcome: 'applied', image: 'web:2.0', hook: { namespace: 'default', name: 'web' } });
    expect(await imageOf('web')).toBe('web:2.0');
    expect(await kubectl('rollout', 'status', 'deployment/web', '--timeout=60s')).toContain('successfully rolled out');
    const history = await kubectl('rollout', 'history', 'deployment/web');
    expect(history).toMatch(/\n2\s+deployhook default\/web delivery build-1: image web:2\.0\s*\n/);
    expect((await hook('web')).status.lastDelivery).toMatchObject({ id: 'build-1', outcome: 'applied', image: 'web:2.0' });
    expect(await kubectl('get', 'deployhook', 'web', '--no-headers')).toMatch(/^web\s+Deployment\/web\s+\/hooks\/\S+\s+\d+s\s+applied\s+/);
  });

  it('answers 401 and changes nothing for a wrong or missing signature, or an unknown hook', async () => {
    const before = await settled('web');
    const hookBefore = await hook('web');
    const body = JSON.stringify({ image: 'web:9.9', id: 'evil-1' });
    const wrong = await post(paths.get('web')!, body, { 'x-hub-signature-256': signBody(Buffer.from(body), Buffer.from('not-the-token')) });
    const missing = await post(paths.get('web')!, body);
    const unknown = await post('/hooks/0b8e7a52-8d3c-4a5e-9f5c-2f1d3c4b5a69', body, { 'x-hub-signature-256': signBody(Buffer.from(body), Buffer.from(TOKEN)) });
    const notAnId = await post('/hooks/web', body, { 'x-hub-signature-256': signBody(Buffer.from(body), Buffer.from(TOKEN)) });
    for (const r of [wrong, missing, unknown, notAnId]) {
      expect(r.status).toBe(401);
      // One answer for all: nothing tells whether the hook exists.
      expect(r.body).toEqual(wrong.body);
      expect(r.body).toMatchObject({ kind: 'Status', code: 401, reason: 'Unauthorized' });
    }
    expect((await deployment('web')).metadata.resourceVersion).toBe(before.metadata.resourceVersion);
    expect((await hook('web')).metadata.resourceVersion).toBe(hookBefore.metadata.resourceVersion);
    expect((await deliveries('web')).body.items.map((d: any) => d.deliveryId)).toEqual(['build-1']);
    // A bearer token opens nothing else under /hooks, and the rest of the API still needs one.
    expect((await request(`${api.url}${paths.get('web')}`, { method: 'GET', dispatcher })).statusCode).toBe(401);
    expect((await api.call('GET', '/api/v1/namespaces/default/secrets', { token: null })).status).toBe(401);
  });

  it('makes one rollout of a delivery sent twice, answering the second with the first result', async () => {
    const revisions = async () => (await kubectl('rollout', 'history', 'deployment/web')).trim().split('\n').length;
    const before = await revisions();
    const first = await signed('web', { image: 'web:3.0', id: 'build-2' });
    const again = await signed('web', { image: 'web:3.0', id: 'build-2' });
    expect(first.body).toMatchObject({ outcome: 'applied', deliveryId: 'build-2' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ outcome: 'applied', deliveryId: 'build-2', duplicate: true, receivedAt: first.body.receivedAt });
    expect(await kubectl('rollout', 'status', 'deployment/web', '--timeout=60s')).toContain('successfully rolled out');
    expect(await revisions()).toBe(before + 1);
    // The same image under a new delivery id: logged, no rollout.
    const same = await signed('web', { image: 'web:3.0', id: 'build-3' });
    expect(same.body).toMatchObject({ outcome: 'unchanged', message: 'container "web" already runs web:3.0' });
    expect(await revisions()).toBe(before + 1);
  });

  it('refuses a body over 256 KiB with 413, and a signed body that is not JSON with 400', async () => {
    const body = JSON.stringify({ image: 'web:4.0', padding: 'x'.repeat(300 * 1024) });
    const r = await post(paths.get('web')!, body, { 'x-hub-signature-256': signBody(Buffer.from(body), Buffer.from(TOKEN)) });
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ kind: 'Status', code: 413, reason: 'RequestEntityTooLarge' });
    const text = 'image=web:4.0';
    const bad = await post(paths.get('web')!, text, { 'x-hub-signature-256': signBody(Buffer.from(text), Buffer.from(TOKEN)) });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ kind: 'Status', code: 400, message: expect.stringContaining('rejected: the body is not JSON') });
    expect(await imageOf('web')).toBe('web:3.0');
  });

  it('deploys a Docker Hub push whose tag is allowed, and rejects one whose tag is not', async () => {
    const push = (tag: string) => ({
      callback_url: 'https://registry.hub.docker.com/u/acme/api/hook/2141b5bi5i5b02bec211i4eeih0242eg11000a/',
      push_data: { pushed_at: 1767225600, pusher: 'ci', tag },
      repository: { repo_name: 'acme/api', name: 'api', namespace: 'acme' },
    });
    const ok = await signed('api', push('2.0'));
    expect(ok.body).toMatchObject({ outcome: 'applied', eventType: 'docker-hub:push', image: 'acme/api:2.0', deliveryId: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    expect(await imageOf('api')).toBe('acme/api:2.0');
    expect(await kubectl('rollout', 'status', 'deployment/api', '--timeout=60s')).toContain('successfully rolled out');
    const rv = (await settled('api')).metadata.resourceVersion;
    const latest = await signed('api', push('latest'));
    expect(latest.status).toBe(422);
    expect(latest.body).toMatchObject({ kind: 'Status', code: 422, message: expect.stringContaining('tag "latest" is not allowed by spec.tagPatterns (1.*, 2.*)') });
    expect((await deployment('api')).metadata.resourceVersion).toBe(rv);
    expect((await hook('api')).status.lastDelivery).toMatchObject({ outcome: 'rejected', image: 'acme/api:latest' });
    expect(await kubectl('rollout', 'history', 'deployment/api')).toMatch(/2\s+deployhook default\/api delivery sha256:[0-9a-f]{64}: image acme\/api:2\.0/);
  });

  it('deploys a GitHub registry_package event and ignores a ping', async () => {
    const event = {
      action: 'published',
      registry_package: {
        name: 'worker',
        namespace: 'octo-org',
        package_type: 'CONTAINER',
        owner: { login: 'octo-org' },
        package_version: { container_metadata: { tag: { name: 'v3.0.1', digest: 'sha256:' + 'd'.repeat(64) } } },
      },
    };
    const headers = { 'x-github-event': 'registry_package', 'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958' };
    const r = await signed('worker', event, headers);
    expect(r.body).toMatchObject({ outcome: 'applied', eventType: 'github:registry_package', deliveryId: headers['x-github-delivery'], image: 'ghcr.io/octo-org/worker:v3.0.1' });
    expect(await imageOf('worker')).toBe('ghcr.io/octo-org/worker:v3.0.1');
    const ping = await signed('worker', { zen: 'Design for failure.', hook_id: 1 }, { 'x-github-event': 'ping', 'x-github-delivery': 'ping-1' });
    expect(ping.status).toBe(200);
    expect(ping.body).toMatchObject({ outcome: 'ignored', message: 'ping: the hook is reachable' });
    expect(await imageOf('worker')).toBe('ghcr.io/octo-org/worker:v3.0.1');
  });

  it('lists a hook\'s deliveries, newest first, to whoever may get the hook', async () => {
    const list = await deliveries('web');
    expect(list.status).toBe(200);
    expect(list.body.kind).toBe('DeployHookDeliveryList');
    expect(list.body.items.map((d: any) => [d.deliveryId, d.outcome])).toEqual([
      [expect.any(String), 'rejected'],
      ['build-3', 'unchanged'],
      ['build-2', 'applied'],
      ['build-1', 'applied'],
    ]);
    expect(list.body.items[2]).toMatchObject({ eventType: 'generic', image: 'web:3.0', sourceIP: expect.stringContaining('127.0.0.1'), targetResourceVersion: expect.any(String) });
    expect((await api.call('GET', '/skiff/v1/namespaces/default/deployhooks/nope/deliveries')).status).toBe(404);
    // Each delivery is an Event on the hook; an applied one also on its target.
    expect(await kubectl('describe', 'deployhook', 'web')).toMatch(/Normal\s+DeliveryUnchanged\s+.*delivery build-3: container "web" already runs web:3\.0/);
    expect(await kubectl('describe', 'deployment', 'web')).toMatch(/Normal\s+DeployHookApplied\s+.*deployhook default\/web delivery build-2: image web:3\.0/);
  });

  describe('with RBAC', () => {
    const kubeconfigs = new Map<string, string>();
    const tokens = new Map<string, string>();
    const as = (user: string, ...args: string[]) => api.kubectl(args, { kubeconfig: kubeconfigs.get(user)! });

    beforeAll(async () => {
      for (const name of ['viewer', 'editor', 'nobody']) {
        expect((await api.call('POST', '/skiff/v1/users', { body: { name, password: `${name}-long-password` } })).status).toBe(201);
        const t = (await api.call('POST', '/skiff/v1/tokens', { body: { name: 'kubeconfig', user: name } })).body.token;
        tokens.set(name, t);
        const file = path.join(api.home, `${name}.kubeconfig`);
        fs.writeFileSync(file, fs.readFileSync(api.kubeconfig, 'utf8').replace(/token: .*/, `token: ${t}`), { mode: 0o600 });
        kubeconfigs.set(name, file);
      }
      await kubectl('create', 'rolebinding', 'viewer-view', '--clusterrole=view', '--user=viewer');
      await kubectl('create', 'rolebinding', 'editor-edit', '--clusterrole=edit', '--user=editor');
    });

    it('lets edit manage hooks, view read them and their deliveries, and nobody else', async () => {
      const manifest = `apiVersion: skiff.io/v1alpha1
kind: DeployHook
metadata: {name: editors}
spec:
  target: {kind: Deployment, name: web}
  secretRef: {name: deploy-token}
  tagPatterns: ["v*"]
`;
      expect((await api.kubectl(['apply', '-f', '-'], { input: manifest, kubeconfig: kubeconfigs.get('editor') })).stdout).toContain('deployhook.skiff.io/editors created');
      expect((await as('editor', 'delete', 'deployhook', 'editors')).code).toBe(0);
      expect((await as('viewer', 'get', 'deployhooks', '-o', 'name')).stdout).toContain('deployhook.skiff.io/web');
      const denied = await api.kubectl(['apply', '-f', '-'], { input: manifest, kubeconfig: kubeconfigs.get('viewer') });
      expect(denied.stderr).toContain('User "viewer" cannot create resource "deployhooks" in API group "skiff.io" in the namespace "default"');
      expect((await deliveries('web', tokens.get('viewer'))).status).toBe(200);
      const nobody = await deliveries('web', tokens.get('nobody'));
      expect(nobody.status).toBe(403);
      expect(nobody.body.message).toContain('User "nobody" cannot get resource "deployhooks" in API group "skiff.io" in the namespace "default"');
    });
  });
});
