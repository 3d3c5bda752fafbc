import { ProcessCluster } from '../support/cluster-processes';
import { until } from '../support/watch-client';

const manifest = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: web:1.0
        ports:
        - containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 8080
`;

/**
 * Issue 7's scale-out topology as processes on this machine: two API processes on one
 * Postgres and Redis, the controllers and the scheduler in processes of their own, three
 * agents (each joined through a different API process). The real kubectl drives the usual
 * workflow, each step through the other API process than the step before.
 */
describe('scale-out: two API processes, separate controllers and scheduler, three agents', () => {
  let cluster: ProcessCluster;
  let step = 0;
  /** kubectl through API process 0, then 1, then 0, ... */
  const kubectl = async (args: string[], input?: string) => {
    const api = step++ % 2;
    const r = await cluster.kubectl(args, { api, input, timeoutMs: 100_000 });
    if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} via api-${api} failed (${r.code}): ${r.stderr}`);
    return r.stdout;
  };
  const image = async () => (await kubectl(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])).trim();
  const webPods = async () => JSON.parse(await kubectl(['get', 'pods', '-l', 'app=web', '-o', 'json'])).items as any[];

  beforeAll(async () => {
    cluster = await ProcessCluster.start({
      apis: 2,
      agents: ['so-a', 'so-b', 'so-c'].map((name) => ({ name, args: ['--runtime=simulated', '--start-delay-ms=200'] })),
    });
    await until(async () => ((await cluster.call('GET', '/api/v1/nodes', { api: 1 })).body?.items?.length ?? 0) === 3, 60_000);
  }, 240_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it('both API processes serve the same cluster', async () => {
    for (const api of [0, 1]) {
      const nodes = await cluster.kubectl(['get', 'nodes', '--no-headers'], { api });
      expect(nodes.stdout.trim().split('\n').map((l) => l.split(/\s+/).slice(0, 2).join(' ')).sort()).toEqual(['so-a Ready', 'so-b Ready', 'so-c Ready']);
    }
  });

  it('applies, rolls out, scales, updates, rolls back and deletes, alternating API processes', async () => {
    const applied = await kubectl(['apply', '-f', '-'], manifest(3));
    expect(applied).toContain('deployment.apps/web created');
    expect(applied).toContain('service/web created');
    expect(await kubectl(['rollout', 'status', 'deployment/web', '--timeout=90s'])).toContain('successfully rolled out');
    let pods = await webPods();
    expect(pods).toHaveLength(3);
    expect(pods.every((p) => p.status.phase === 'Running' && p.spec.nodeName)).toBe(true);
    // The scheduler spreads the replicas over the three nodes.
    expect(new Set(pods.map((p) => p.spec.nodeName)).size).toBe(3);
    await until(async () => JSON.parse(await kubectl(['get', 'endpoints', 'web', '-o', 'json'])).subsets?.[0]?.addresses?.length === 3, 30_000);

    expect(await kubectl(['scale', 'deployment/web', '--replicas=5'])).toContain('scaled');
    expect(await kubectl(['rollout', 'status', 'deployment/web', '--timeout=90s'])).toContain('successfully rolled out');
    expect(await webPods()).toHaveLength(5);

    await kubectl(['set', 'image', 'deployment/web', 'web=web:2.0']);
    expect(await kubectl(['rollout', 'status', 'deployment/web', '--timeout=90s'])).toContain('successfully rolled out');
    expect(await image()).toBe('web:2.0');
    expect(await kubectl(['rollout', 'history', 'deployment/web'])).toMatch(/\n1\s+<none>\n2\s+<none>/);
    expect(await kubectl(['rollout', 'undo', 'deployment/web'])).toContain('rolled back');
    expect(await kubectl(['rollout', 'status', 'deployment/web', '--timeout=90s'])).toContain('successfully rolled out');
    expect(await image()).toBe('web:1.0');
    pods = await webPods();
    expect(pods).toHaveLength(5);
    expect(pods.every((p) => p.spec.containers[0].image === 'web:1.0')).toBe(true);

    expect(await kubectl(['delete', '-f', '-', '--wait=true'], manifest(5))).toContain('deployment.apps "web" deleted');
    // The garbage collector (in the controllers process) removes the ReplicaSets and their pods.
    await until(async () => (await webPods()).length === 0, 60_000);
  }, 300_000);

  it('a watch on one API process sees what is written through the other, and a stale write conflicts across them', async () => {
    const watch = cluster.kubectlStream(['get', 'configmaps', '-w', '-o', 'name'], 1);
    await new Promise((r) => setTimeout(r, 1500));
    await cluster.kubectl(['create', 'configmap', 'crossed', '--from-literal=a=1'], { api: 0 });
    await until(() => watch.output().includes('configmap/crossed'), 20_000).catch(() => {
      throw new Error(`kubectl get -w printed: ${watch.output()}`);
    });
    watch.stop();

    const stale = JSON.parse((await cluster.kubectl(['get', 'configmap', 'crossed', '-o', 'json'], { api: 1 })).stdout);
    await cluster.kubectl(['label', 'configmap', 'crossed', 'changed=yes'], { api: 0 });
    stale.data.a = '2';
    const replaced = await cluster.kubectl(['replace', '-f', '-'], { api: 1, input: JSON.stringify(stale) });
    expect(replaced.code).not.toBe(0);
    expect(replaced.stderr).toContain('the object has been modified; please apply your changes to the latest version and try again');
  }, 60_000);

  it('a token revoked through one API process is refused by the other at once (not after its 10 s cache)', async () => {
    const graphql = (api: number, query: string, variables = {}, token?: string) => cluster.call('POST', '/graphql', { api, token, body: { query, variables } });
    const created = await graphql(0, 'mutation { createToken(name: "scale-out") { token info { id } } }');
    const { token, info } = created.body.data.createToken;
    // API process 1 checks the token now, and remembers the answer.
    expect((await graphql(1, '{ me { name } }', {}, token)).body.data.me.name).toBe('admin');
    expect((await graphql(0, 'mutation($id: String!) { revokeToken(id: $id) }', { id: info.id })).body.data.revokeToken).toBe(true);
    await until(async () => (await graphql(1, '{ me { name } }', {}, token)).status === 401, 2_000);
    expect((await cluster.call('GET', '/api/v1/namespaces', { api: 1, token })).status).toBe(401);
  });

  it('each worker process answers health only', async () => {
    expect(cluster.workerPorts.length).toBe(2);
    for (const port of cluster.workerPorts) {
      const health = await cluster.callPort(port, 'GET', '/readyz');
      expect(health.status).toBe(200);
      const api = await cluster.callPort(port, 'GET', '/api/v1/namespaces');
      expect(api.status).toBe(404);
      expect(api.body).toMatchObject({ kind: 'Status', code: 404 });
    }
  });
});
