import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Agent, request } from 'undici';
import { ROOT, spawnAgent } from '../support/agent-process';
import { startTestApi, type TestApi } from '../support/test-server';
import { openWatch, until } from '../support/watch-client';

/** One series of a Prometheus text exposition: its name, labels and value. */
interface Series {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parseExposition(text: string): Series[] {
  const out: Series[] = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]] = l[2];
    out.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return out;
}

/** The sum of `name`'s series whose labels include `labels`; undefined when there is none. */
function sample(series: Series[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = series.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return found.length ? found.reduce((n, s) => n + s.value, 0) : undefined;
}

/** Prometheus metrics of the API and the agent, request ids, and JSON logs. */
describe('observability', () => {
  let api: TestApi;
  let agent: ReturnType<typeof spawnAgent>;
  const deployments = '/apis/apps/v1/namespaces/default/deployments';
  const pods = '/api/v1/namespaces/default/pods';

  async function tokenFor(user: string): Promise<string> {
    expect((await api.call('POST', '/skiff/v1/users', { body: { name: user, password: `${user}-long-password` } })).status).toBe(201);
    return (await api.call('POST', '/skiff/v1/tokens', { body: { name: 'scrape', user } })).body.token;
  }

  async function scrape(token?: string | null): Promise<{ status: number; contentType: string; series: Series[]; text: string }> {
    const r = await api.call('GET', '/metrics', { accept: 'text/plain', token });
    return { status: r.status, contentType: String(r.headers['content-type']), series: parseExposition(r.text), text: r.text };
  }

  beforeAll(async () => {
    api = await startTestApi();
    const imagesDir = path.join(api.home, 'images');
    fs.cpSync(path.join(ROOT, 'examples/images'), imagesDir, { recursive: true });
    agent = spawnAgent(api, ['--name=obs-node', '--runtime=process', `--images-dir=${imagesDir}`, `--state-dir=${path.join(api.home, 'agent-state')}`]);
    await until(async () => (await api.call('GET', '/api/v1/nodes/obs-node')).body?.status?.daemonEndpoints?.kubeletEndpoint?.Port > 0, 30_000);
  });
  afterAll(async () => {
    // The agent stops its pods' processes before it goes (as a kubelet, it would leave them running).
    await api?.kubectl(['delete', 'deployments,pods', '--all', '--wait=true'], { timeoutMs: 30_000 });
    agent?.kill('SIGTERM');
    await api?.stop();
  });

  it('serves /metrics only to those RBAC lets get the non-resource URL /metrics, as kube-apiserver does', async () => {
    expect((await scrape(null)).status).toBe(401);
    const nobody = await scrape(await tokenFor('nobody'));
    expect(nobody.status).toBe(403);
    expect(JSON.parse(nobody.text).message).toBe('forbidden: User "nobody" cannot get path "/metrics"');

    const prometheus = await tokenFor('prometheus');
    await api.kubectlOk(['create', 'clusterrolebinding', 'prometheus', '--clusterrole=system:monitoring', '--user=prometheus']);
    const allowed = await scrape(prometheus);
    expect(allowed.status).toBe(200);
    expect(allowed.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');

    const admin = await scrape();
    expect(admin.status).toBe(200);
    // prom-client's process metrics are there too.
    expect(sample(admin.series, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(admin.series, 'nodejs_eventloop_lag_seconds')).toBeDefined();
  });

  it('gives each request an id, echoing a sane X-Request-Id, as X-Request-Id and Audit-Id; the audit entry carries it', async () => {
    const given = await api.call('POST', '/api/v1/namespaces/default/configmaps', { body: { metadata: { name: 'traced' } }, headers: { 'x-request-id': 'obs-e2e-42' } });
    expect(given.status).toBe(201);
    expect(given.headers['x-request-id']).toBe('obs-e2e-42');
    expect(given.headers['audit-id']).toBe('obs-e2e-42');

    const made = await api.call('GET', '/api/v1/namespaces', { headers: { 'x-request-id': 'not "a" sane id' } });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.headers['audit-id']).toBe(made.headers['x-request-id']);
    // A refused request has one too.
    expect((await api.call('GET', '/api/v1/pods', { token: null })).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

    const audit = await api.call('GET', '/skiff/v1/audit?resource=configmaps&name=traced');
    expect(audit.body.items[0]).toMatchObject({ verb: 'create', name: 'traced', auditID: 'obs-e2e-42' });
    // A GraphQL mutation's entry carries its HTTP request's id too.
    const cordoned = await api.call('POST', '/graphql', { body: { query: 'mutation { cordon(node: "obs-node") }' }, headers: { 'x-request-id': 'obs-gql-1' } });
    expect(cordoned.body.errors).toBeUndefined();
    expect((await api.call('POST', '/graphql', { body: { query: 'mutation { uncordon(node: "obs-node") }' } })).body.errors).toBeUndefined();
    const graphql = await api.call('GET', '/skiff/v1/audit?source=graphql&name=obs-node');
    expect(graphql.body.items.find((e: any) => e.auditID === 'obs-gql-1')).toMatchObject({ verb: 'patch', resource: 'nodes', code: 200 });
  });

  it('counts requests by verb, resource and code, open watches, and the events sent to them', async () => {
    const created = (s: Series[]) => sample(s, 'apiserver_request_total', { verb: 'POST', group: '', resource: 'configmaps', code: '201' }) ?? 0;
    const before = (await scrape()).series;
    await api.kubectlOk(['create', 'configmap', 'counted', '--from-literal=a=b']);
    await api.kubectlOk(['get', 'configmaps']);
    const after = (await scrape()).series;
    expect(created(after)).toBe(created(before) + 1);
    expect(sample(after, 'apiserver_request_total', { verb: 'LIST', resource: 'configmaps', scope: 'namespace', code: '200' })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'apiserver_request_duration_seconds_count', { verb: 'POST', resource: 'configmaps', scope: 'resource' })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'apiserver_request_total', { code: '401' })).toBeGreaterThanOrEqual(1);
    // No label holds a name, a namespace or a raw path.
    const values = after.flatMap((s) => Object.values(s.labels));
    for (const leak of ['counted', 'traced', 'default', '/api/v1/namespaces']) expect(values).not.toContain(leak);
    // The scrape in flight is the one read-only request counted now.
    expect(sample(after, 'apiserver_current_inflight_requests', { request_kind: 'readOnly' })).toBeGreaterThanOrEqual(1);

    const watching = { verb: 'WATCH', resource: 'configmaps' };
    const w = await openWatch(`${api.url}/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=0`, api.token, api.server.pki.caCert);
    await until(async () => (sample((await scrape()).series, 'apiserver_longrunning_requests', watching) ?? 0) >= 1, 10_000);
    const open = (await scrape()).series;
    expect(sample(open, 'skiff_watch_hub_subscribers')).toBeGreaterThanOrEqual(1);
    await api.kubectlOk(['create', 'configmap', 'watched', '--from-literal=a=b']);
    await until(() => w.events.some((e) => e.object.metadata?.name === 'watched'), 10_000);
    expect(sample((await scrape()).series, 'apiserver_watch_events_total', { group: '', version: 'v1', kind: 'ConfigMap' })).toBeGreaterThanOrEqual(3);
    await w.close();
    await until(async () => sample((await scrape()).series, 'apiserver_longrunning_requests', watching) === 0, 10_000);
  });

  it('measures the controllers, the scheduler and the store as a Deployment rolls out', async () => {
    await api.kubectlOk(['create', 'deployment', 'obs-web', '--image=web:1.0', '--replicas=2']);
    expect(await api.kubectlOk(['rollout', 'status', 'deployment/obs-web', '--timeout=60s'], { timeoutMs: 70_000 })).toContain('successfully rolled out');
    // And a pod no node can take.
    const stray = { metadata: { name: 'stray' }, spec: { nodeSelector: { disk: 'none-has-this' }, containers: [{ name: 'c', image: 'web:1.0' }] } };
    expect((await api.call('POST', pods, { body: stray })).status).toBe(201);
    await until(async () => (await api.call('GET', `${pods}/stray`)).body.status?.conditions?.some((c: any) => c.reason === 'Unschedulable'), 20_000);

    const s = (await scrape()).series;
    expect(sample(s, 'apiserver_request_total', { verb: 'POST', group: 'apps', resource: 'deployments', code: '201' })).toBe(1);
    for (const name of ['deployment', 'replicasets']) {
      expect(sample(s, 'workqueue_adds_total', { name })).toBeGreaterThan(0);
      expect(sample(s, 'workqueue_depth', { name })).toBeGreaterThanOrEqual(0);
      expect(sample(s, 'controller_runtime_reconcile_total', { controller: name, result: 'success' })).toBeGreaterThan(0);
      expect(sample(s, 'controller_runtime_reconcile_time_seconds_count', { controller: name })).toBeGreaterThan(0);
    }
    expect(sample(s, 'workqueue_queue_duration_seconds_count', { name: 'deployment' })).toBeGreaterThan(0);
    expect(sample(s, 'scheduler_schedule_attempts_total', { result: 'scheduled' })).toBeGreaterThanOrEqual(2);
    expect(sample(s, 'scheduler_schedule_attempts_total', { result: 'unschedulable' })).toBeGreaterThanOrEqual(1);
    expect(sample(s, 'scheduler_scheduling_attempt_duration_seconds_count', { result: 'scheduled', profile: 'default-scheduler' })).toBeGreaterThanOrEqual(2);
    expect(sample(s, 'scheduler_pending_pods', { queue: 'unschedulable' })).toBeGreaterThanOrEqual(1);

    expect(sample(s, 'skiff_postgres_pool_connections', { state: 'total' })).toBeGreaterThan(0);
    expect(sample(s, 'skiff_postgres_pool_connections', { state: 'max' })).toBe(20);
    expect(sample(s, 'skiff_postgres_pool_waiting_clients')).toBeGreaterThanOrEqual(0);
    expect(sample(s, 'skiff_redis_connected')).toBe(1);
    expect(sample(s, 'skiff_change_stream_length')).toBeGreaterThan(0);
    expect(sample(s, 'skiff_watch_hub_degraded')).toBe(0);
    expect(sample(s, 'skiff_watch_hub_max_lag_revisions')).toBeGreaterThanOrEqual(0);
    await api.call('DELETE', `${pods}/stray`);
  });

  it('serves the agent\'s metrics on its kubelet endpoint, to the API\'s client certificate only', async () => {
    const node = (await api.call('GET', '/api/v1/nodes/obs-node')).body;
    const host = node.status.addresses.find((a: any) => a.type === 'InternalIP').address;
    const url = `https://${host}:${node.status.daemonEndpoints.kubeletEndpoint.Port}/metrics`;
    // The node's certificate is its own (the API pins its fingerprint); the client's is the API's.
    const asApi = new Agent({ connect: { ...api.server.pki.kubeletClient, rejectUnauthorized: false } });
    const anonymous = new Agent({ connect: { rejectUnauthorized: false } });
    try {
      await expect(request(url, { dispatcher: anonymous }).then((r) => r.body.text())).rejects.toThrow();
      let series: Series[] = [];
      await until(async () => {
        const r = await request(url, { dispatcher: asApi });
        expect(r.statusCode).toBe(200);
        series = parseExposition(await r.body.text());
        return sample(series, 'kubelet_running_pods') === 2;
      }, 15_000);
      expect(sample(series, 'kubelet_pod_start_duration_seconds_count')).toBeGreaterThanOrEqual(2);
      expect(sample(series, 'kubelet_pod_start_sli_duration_seconds_count')).toBeGreaterThanOrEqual(2);
      expect(sample(series, 'kubelet_pod_worker_duration_seconds_count', { operation: 'sync' })).toBeGreaterThanOrEqual(2);
      expect(sample(series, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    } finally {
      await asApi.close();
      await anonymous.close();
    }
  });

  it('logs JSON lines: the agent\'s, Nest\'s and each request\'s, with its id and without its token', async () => {
    const agentLine = agent.output().split('\n').find((l) => l.includes('registered'));
    expect(JSON.parse(agentLine!)).toMatchObject({ level: 'info', name: 'skiff-agent', msg: 'registered 1 node(s)' });

    // A second API process of this cluster, logging at info on its stdout.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'skiff-obs-'));
    let stdout = '';
    const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'scripts/run-ts.mjs'), path.join(ROOT, 'apps/api/src/main.ts')], {
      env: { ...process.env, ...api.env, SKIFF_ROLES: 'api', SKIFF_PORT: '0', SKIFF_HOME: home, SKIFF_LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.on('data', (d) => (stdout += d));
    const lines = () => stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>);
    const dispatcher = new Agent({ connect: { rejectUnauthorized: false } });
    try {
      await until(() => lines().some((l) => /^API serving on /.test(l.msg)), 90_000);
      const serving = lines().find((l) => /^API serving on /.test(l.msg))!;
      expect(serving).toMatchObject({ level: 'info', context: 'skiff' });
      expect(typeof serving.time).toBe('string');
      const url = serving.msg.replace('API serving on ', '');
      const r = await request(`${url}/api/v1/namespaces/default/configmaps?limit=1`, { dispatcher, headers: { authorization: `Bearer ${api.token}`, 'x-request-id': 'obs-log-7' } });
      await r.body.text();
      expect(r.statusCode).toBe(200);
      await until(() => lines().some((l) => l.reqId === 'obs-log-7'), 10_000);
      const logged = lines().find((l) => l.reqId === 'obs-log-7')!;
      expect(logged).toMatchObject({ level: 'info', user: 'admin', req: { method: 'GET', url: '/api/v1/namespaces/default/configmaps?limit=1' }, res: { statusCode: 200 } });
      expect(typeof logged.responseTime).toBe('number');
      expect(stdout).not.toContain(api.token);
      // Health checks are logged at debug only: not at info.
      await (await request(`${url}/healthz`, { dispatcher })).body.text();
      await new Promise((r) => setTimeout(r, 300));
      expect(lines().some((l) => l.req?.url === '/healthz')).toBe(false);
    } finally {
      await dispatcher.close();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
