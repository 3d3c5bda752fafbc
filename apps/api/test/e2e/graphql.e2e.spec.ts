import { execFile } from 'child_process';
import * as path from 'path';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { StoreRuntime } from '../../src/store/store-runtime';
import { ROOT, spawnAgent } from '../support/agent-process';
import { startTestApi, type TestApi } from '../support/test-server';
import { until } from '../support/watch-client';

const DEPLOYMENT_TREE = `query Tree($ns: String!, $name: String!) {
  deployment(namespace: $ns, name: $name) {
    metadata { name }
    spec { replicas template { spec { containers { name image } } } }
    replicaSets { metadata { name } pods { metadata { name } status { phase } node { metadata { name } status { capacity } } } }
    events { reason message }
    rolloutHistory { revision changeCause images { container image } }
  }
}`;

/** GraphQL at /graphql: typed queries per kind, relations in one call with bounded SQL, subscriptions, limits, errors. */
describe('GraphQL API', () => {
  let api: TestApi;
  let agent: ReturnType<typeof spawnAgent>;
  let viewerToken: string;
  const gql = async (query: string, variables?: Record<string, unknown>, token?: string) => {
    const r = await api.call('POST', '/graphql', { body: { query, variables }, token });
    return { status: r.status, data: r.body?.data, errors: r.body?.errors as { message: string; extensions: Record<string, unknown>; path?: string[] }[] | undefined };
  };

  /** Runs `fn`, counting the SQL reads of objects meanwhile (the change feed and controllers of this process query on their own). */
  async function countObjectReads<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
    const ds = api.server.app.get(StoreRuntime).ds;
    const original = ds.query.bind(ds);
    let queries = 0;
    ds.query = ((...args: Parameters<typeof ds.query>) => {
      if (/FROM objects/.test(String(args[0]))) queries++;
      return original(...args);
    }) as typeof ds.query;
    try {
      return { result: await fn(), queries };
    } finally {
      ds.query = original;
    }
  }

  beforeAll(async () => {
    api = await startTestApi();
    agent = spawnAgent(api, ['--name=gq', '--runtime=simulated', '--simulated-nodes=2', '--start-delay-ms=100']);
    await until(async () => (await api.call('GET', '/api/v1/nodes')).body.items?.length === 2, 30_000);
    await api.call('POST', '/skiff/v1/users', { body: { name: 'viewer', password: 'viewer-long-password' } });
    viewerToken = (await api.call('POST', '/skiff/v1/tokens', { body: { name: 'scripts', user: 'viewer' } })).body.token;
    await api.kubectlOk(['create', 'rolebinding', 'viewer-view', '-n', 'default', '--clusterrole=view', '--user=viewer']);
    await api.kubectlOk(['create', 'deployment', 'web', '--image=web:1.0', '--replicas=3']);
    await api.kubectlOk(['annotate', 'deployment', 'web', 'kubernetes.io/change-cause=first image']);
    await api.kubectlOk(['rollout', 'status', 'deployment/web', '--timeout=60s'], { timeoutMs: 70_000 });
    await api.kubectlOk(['create', 'secret', 'generic', 'db', '--from-literal=password=s3cret']);
  });
  afterAll(async () => {
    agent?.kill('SIGTERM');
    await api?.stop();
  });

  it('serves a typed query per kind, filtered by namespace and labels', async () => {
    const r = await gql(`{ pods(namespace: "default", labelSelector: "app=web") { metadata { name labels } status { phase } }
      nodes { metadata { name } status { capacity conditions { type status } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.pods).toHaveLength(3);
    expect(r.data.pods.every((p: any) => p.metadata.labels.app === 'web' && p.status.phase === 'Running')).toBe(true);
    expect(r.data.nodes.map((n: any) => n.metadata.name).sort()).toEqual(['gq-sim-0', 'gq-sim-1']);
    expect(r.data.nodes[0].status.conditions.find((c: any) => c.type === 'Ready').status).toBe('True');
    const raw = await gql(`{ deployment(namespace: "default", name: "web") { raw } }`);
    expect(raw.data.deployment.raw).toEqual((await api.call('GET', '/apis/apps/v1/namespaces/default/deployments/web')).body);
    const none = await gql(`{ pods(namespace: "default", labelSelector: "app=nothing") { metadata { name } } }`);
    expect(none.data.pods).toEqual([]);
    const introspection = await gql(`{ __type(name: "DeploymentSpec") { fields { name type { name kind ofType { name } } } } }`);
    const replicas = introspection.data.__type.fields.find((f: any) => f.name === 'replicas');
    expect(replicas.type.name).toBe('Int');
  });

  it('follows Deployment → ReplicaSets → Pods → Node, events and rollout history in a bounded number of SQL queries', async () => {
    await api.kubectlOk(['set', 'image', 'deployment/web', 'web=web:2.0']);
    await api.kubectlOk(['annotate', 'deployment', 'web', '--overwrite', 'kubernetes.io/change-cause=second image']);
    await api.kubectlOk(['rollout', 'status', 'deployment/web', '--timeout=60s'], { timeoutMs: 70_000 });
    const { result: r, queries } = await countObjectReads(() => gql(DEPLOYMENT_TREE, { ns: 'default', name: 'web' }));
    expect(r.errors).toBeUndefined();
    const d = r.data.deployment;
    expect(d.replicaSets).toHaveLength(2);
    const pods = d.replicaSets.flatMap((rs: any) => rs.pods);
    expect(pods.length).toBeGreaterThanOrEqual(3);
    expect(pods.every((p: any) => ['gq-sim-0', 'gq-sim-1'].includes(p.node?.metadata.name))).toBe(true);
    expect(d.events.map((e: any) => e.reason)).toContain('ScalingReplicaSet');
    expect(d.rolloutHistory.map((h: any) => [h.revision, h.changeCause, h.images[0].image])).toEqual([
      [1, 'first image', 'web:1.0'],
      [2, 'second image', 'web:2.0'],
    ]);
    // One get of the Deployment, one list per kind and namespace (ReplicaSets, Pods, Events), one batched get of the Nodes.
    expect(queries).toBeLessThanOrEqual(5);
  });

  it('costs the same number of SQL queries for ten Deployments as for one (no N+1)', async () => {
    for (let i = 0; i < 9; i++) await api.kubectlOk(['create', 'deployment', `many-${i}`, '--image=x:1', '--replicas=1']);
    for (let i = 0; i < 9; i++) await api.kubectlOk(['rollout', 'status', `deployment/many-${i}`, '--timeout=60s'], { timeoutMs: 70_000 });
    const { result: r, queries } = await countObjectReads(() => gql(`{ deployments(namespace: "default") { metadata { name } replicaSets { pods { metadata { name } node { metadata { name } } } } events { reason } } }`));
    expect(r.errors).toBeUndefined();
    expect(r.data.deployments.length).toBe(10);
    expect(queries).toBeLessThanOrEqual(5);
  });

  it('follows Service → Endpoints → Pods', async () => {
    await api.kubectlOk(['expose', 'deployment', 'web', '--port=80', '--target-port=8080']);
    await until(async () => (await api.call('GET', '/api/v1/namespaces/default/endpoints/web')).body.subsets?.[0]?.addresses?.length === 3, 20_000);
    const r = await gql(`{ service(namespace: "default", name: "web") { spec { clusterIP } endpoints { subsets { addresses { ip } } pods { metadata { name } } } pods { metadata { name } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.service.endpoints.pods).toHaveLength(3);
    expect(r.data.service.pods.map((p: any) => p.metadata.name).sort()).toEqual(r.data.service.endpoints.pods.map((p: any) => p.metadata.name).sort());
  });

  it('authorizes like REST: a view user reads Deployments but a Secrets field fails alone with Forbidden', async () => {
    const r = await gql(`{ deployment(namespace: "default", name: "web") { metadata { name } } secrets(namespace: "default") { metadata { name } } }`, undefined, viewerToken);
    expect(r.data.deployment.metadata.name).toBe('web');
    expect(r.data.secrets).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0].extensions).toMatchObject({ code: 'Forbidden', status: 403 });
    expect(r.errors![0].message).toBe('secrets is forbidden: User "viewer" cannot list resource "secrets" in API group "" in the namespace "default"');
    expect(r.errors![0].path).toEqual(['secrets']);
    const otherNs = await gql(`{ pods(namespace: "kube-system") { metadata { name } } }`, undefined, viewerToken);
    expect(otherNs.errors![0].extensions.code).toBe('Forbidden');
    expect((await api.call('POST', '/graphql', { body: { query: '{ nodes { metadata { name } } }' }, token: 'not-a-token' })).status).toBe(401);
  });

  it('carries the Kubernetes reason and field in errors', async () => {
    const missing = await gql(`{ deployment(namespace: "default", name: "nope") { metadata { name } } }`);
    expect(missing.data.deployment).toBeNull();
    const badSelector = await gql(`{ pods(namespace: "default", labelSelector: "a in (") { metadata { name } } }`);
    expect(badSelector.errors![0].extensions).toMatchObject({ code: 'BadRequest', status: 400 });
  });

  it('refuses queries too deep or too costly before running them', async () => {
    const nested = (depth: number): string => (depth === 0 ? 'metadata { name }' : `pods { node { ${nested(depth - 1)} } }`);
    const deep = await gql(`{ nodes { ${nested(8)} } }`);
    expect(deep.status).toBe(400);
    expect(deep.errors![0].message).toMatch(/exceeds maximum operation depth/);
    const costly = await gql(`{ nodes { ${nested(4)} } }`);
    expect(costly.status).toBe(400);
    expect(costly.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
  });

  it('answers malformed operations with a 400 of their own code, never an internal error', async () => {
    const cycle = await gql('fragment A on Deployment { ...B } fragment B on Deployment { ...A } { deployments { ...A } }');
    expect([cycle.status, cycle.errors![0].extensions.code]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
    const wrongType = await gql('mutation($n: Int!) { scale(kind: "deploy", name: "nope", replicas: $n) }', { n: 1.5 });
    expect([wrongType.status, wrongType.errors![0].extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
    const subscription = await gql('subscription { podChanged(namespace: "default") { type } }');
    expect([subscription.status, subscription.errors![0].extensions.code]).toEqual([400, 'BAD_REQUEST']);
    const latin1 = await api.call('POST', '/graphql', { raw: JSON.stringify({ query: '{ __typename }' }), contentType: 'application/json; charset=latin1' });
    expect(latin1.body).toMatchObject({ kind: 'Status', code: 415 });
  });

  it('streams pod changes of a namespace over graphql-ws during a rollout', async () => {
    const ca = api.server.pki.caCert;
    class TrustingWebSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { ca });
      }
    }
    const client: Client = createClient({ url: `${api.url.replace('https', 'wss')}/graphql`, webSocketImpl: TrustingWebSocket, connectionParams: { authorization: `Bearer ${viewerToken}` }, retryAttempts: 0 });
    const events: { type: string; name: string; phase?: string; image?: string }[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const stop = client.subscribe(
        { query: `subscription { podChanged(namespace: "default", labelSelector: "app=web") { type object { metadata { name } status { phase } spec { containers { image } } } } }` },
        {
          next: ({ data }: any) => {
            const e = data.podChanged;
            events.push({ type: e.type, name: e.object.metadata.name, phase: e.object.status?.phase, image: e.object.spec.containers[0].image });
            if (events.some((x) => x.image === 'web:3.0' && x.phase === 'Running') && events.some((x) => x.image !== 'web:3.0' && x.type === 'DELETED')) {
              stop();
              resolve();
            }
          },
          error: reject,
          complete: () => resolve(),
        },
      );
    });
    await new Promise((r) => setTimeout(r, 300));
    await api.kubectlOk(['set', 'image', 'deployment/web', 'web=web:3.0']);
    await done;
    await client.dispose();
    expect(events.some((e) => e.type === 'ADDED' && e.image === 'web:3.0')).toBe(true);
    expect(events.some((e) => e.type === 'MODIFIED' && e.image === 'web:3.0' && e.phase === 'Running')).toBe(true);
    expect(events.some((e) => e.image !== 'web:3.0' && e.type === 'DELETED')).toBe(true);
  }, 90_000);

  it('refuses a socket without credentials', async () => {
    const ca = api.server.pki.caCert;
    class TrustingWebSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { ca });
      }
    }
    const client = createClient({ url: `${api.url.replace('https', 'wss')}/graphql`, webSocketImpl: TrustingWebSocket, retryAttempts: 0, lazy: false });
    const closed = await new Promise<number>((resolve) => client.on('closed', (e) => resolve((e as { code: number }).code)));
    expect(closed).toBe(4403);
    await client.dispose();
  });

  it('runs the examples in examples/graphql as an ops person would', async () => {
    const env = { ...process.env, SKIFF_URL: api.url, SKIFF_CA: path.join(api.home, 'pki', 'ca.crt'), SKIFF_TOKEN: api.token };
    const run = (file: string, args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
        execFile(file, args, { env, cwd: ROOT, timeout: 60_000 }, (err, stdout, stderr) => resolve({ code: err ? 1 : 0, stdout, stderr })),
      );
    const tree = await run(path.join(ROOT, 'examples/graphql/deployment-tree.sh'), ['default', 'web']);
    expect(tree.stderr).toBe('');
    const answer = JSON.parse(tree.stdout);
    expect(answer.data.deployment.rolloutHistory.length).toBeGreaterThanOrEqual(3);
    expect(answer.data.deployment.replicaSets.flatMap((rs: any) => rs.pods).length).toBeGreaterThanOrEqual(3);
    const rollout = await run(process.execPath, [path.join(ROOT, 'examples/graphql/rollout.mjs'), 'default', 'web', 'web', 'web:4.0']);
    expect(rollout.stderr).toBe('');
    expect(rollout.stdout).toMatch(/^set image web=web:4\.0/m);
    expect(rollout.stdout).toMatch(/^MODIFIED .* Running +web:4\.0$/m);
    expect(rollout.stdout).toMatch(/^revision \d+: admin via GraphQL: set image web=web:4\.0$/m);
  }, 90_000);
});
