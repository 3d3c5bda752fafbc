import * as path from 'path';
import { spawnAgent } from '../support/agent-process';
import { startTestApi, type TestApi } from '../support/test-server';
import { until } from '../support/watch-client';

const NODE = 'metrics-node';

/** Rows of `kubectl top` output (header dropped), split on whitespace. */
function rows(stdout: string): string[][] {
  return stdout.trim().split('\n').slice(1).map((l) => l.trim().split(/\s+/));
}

/** `123m` → 123 (kubectl top prints CPU in millicores). */
const milli = (s: string) => Number(/^(\d+)m$/.exec(s)?.[1] ?? NaN);
/** `45Mi` → 45. */
const mebi = (s: string) => Number(/^(\d+)Mi$/.exec(s)?.[1] ?? NaN);

/** Resource metrics: agents push usage, and `kubectl top` reads it through metrics.k8s.io. */
describe('resource metrics (kubectl top)', () => {
  let api: TestApi;
  let agent: ReturnType<typeof spawnAgent>;
  let simulated: ReturnType<typeof spawnAgent> | undefined;
  const pods = '/api/v1/namespaces/default/pods';
  const pod = (name: string, labels: Record<string, string>, command: string[], nodeName = NODE) => ({
    metadata: { name, labels },
    spec: { nodeName, terminationGracePeriodSeconds: 1, containers: [{ name: 'main', image: 'host', command }] },
  });

  beforeAll(async () => {
    api = await startTestApi();
    agent = spawnAgent(api, [`--name=${NODE}`, '--runtime=process', '--metrics-seconds=1', `--state-dir=${path.join(api.home, 'agent-state')}`, `--images-dir=${path.join(api.home, 'images')}`]);
    await until(async () => (await api.call('GET', `/api/v1/nodes/${NODE}`)).status === 200, 30_000).catch((e) => {
      throw new Error(`${e.message}; agent said: ${agent.output()}`);
    });
    // A busy loop (a core's worth) and a Python process that only sleeps.
    expect((await api.call('POST', pods, { body: pod('busy', { app: 'busy' }, ['sh', '-c', 'while :; do :; done']) })).status).toBe(201);
    expect((await api.call('POST', pods, { body: pod('idle', { app: 'idle' }, ['python3', '-c', 'import time; time.sleep(100000)']) })).status).toBe(201);
  });

  afterAll(async () => {
    await api?.kubectl(['delete', 'pods', '--all', '--wait=true'], { timeoutMs: 30_000 });
    agent?.kill('SIGTERM');
    simulated?.kill('SIGTERM');
    await api?.stop();
  });

  /** `kubectl top pod` once both pods have metrics. */
  async function topPods(): Promise<Map<string, string[]>> {
    let out = new Map<string, string[]>();
    await until(async () => {
      const r = await api.kubectl(['top', 'pod']);
      out = new Map(rows(r.stdout).map((cells) => [cells[0], cells]));
      return r.code === 0 && out.has('busy') && out.has('idle');
    }, 30_000).catch((e) => {
      throw new Error(`${e.message}; agent said: ${agent.output()}`);
    });
    return out;
  }

  it('serves the metrics.k8s.io group in discovery', async () => {
    const r = await api.kubectl(['api-resources', '--api-group=metrics.k8s.io', '--no-headers']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^nodes\s+metrics\.k8s\.io\/v1beta1\s+false\s+NodeMetrics$/m);
    expect(r.stdout).toMatch(/^pods\s+metrics\.k8s\.io\/v1beta1\s+true\s+PodMetrics$/m);
    // Plain `pods` is still the core kind.
    expect((await api.kubectl(['get', 'pods', '-o', 'name'])).stdout).toContain('pod/busy');
  });

  it('kubectl top pod prints CPU and memory per pod; the busy loop uses clearly more CPU than the sleeper', async () => {
    const top = await topPods();
    const [busy, idle] = [top.get('busy')!, top.get('idle')!];
    expect(busy[1]).toMatch(/^\d+m$/);
    expect(busy[2]).toMatch(/^\d+Mi$/);
    expect(idle[1]).toMatch(/^\d+m$/);
    expect(idle[2]).toMatch(/^\d+Mi$/);
    // Rates need two samples; the first report may still cover the busy loop's start.
    await until(async () => {
      const t = await topPods();
      return milli(t.get('busy')![1]) > 300;
    }, 20_000);
    const again = await topPods();
    expect(milli(again.get('busy')![1])).toBeGreaterThan(300);
    expect(milli(again.get('idle')![1])).toBeLessThan(50);
    // A Python interpreter is resident in some megabytes.
    expect(mebi(again.get('idle')![2])).toBeGreaterThanOrEqual(3);
  });

  it('selects pods by label and shows containers', async () => {
    await topPods();
    const r = await api.kubectl(['top', 'pod', '-l', 'app=busy', '--containers']);
    expect(r.code).toBe(0);
    const lines = rows(r.stdout);
    expect(lines.map((l) => l.slice(0, 2))).toEqual([['busy', 'main']]);
    expect(lines[0][2]).toMatch(/^\d+m$/);
  });

  it('answers PodMetrics and NodeMetrics as metrics-server does', async () => {
    await topPods();
    const raw = await api.kubectl(['get', '--raw', '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/busy']);
    const m = JSON.parse(raw.stdout);
    expect(m).toMatchObject({ kind: 'PodMetrics', apiVersion: 'metrics.k8s.io/v1beta1', metadata: { name: 'busy', namespace: 'default', labels: { app: 'busy' } } });
    expect(Date.parse(m.metadata.creationTimestamp)).not.toBeNaN();
    expect(Date.parse(m.timestamp)).not.toBeNaN();
    expect(m.window).toMatch(/^\d+(\.\d+)?(ms|s)$/); // a Go duration: "995ms" when two samples came under a second apart
    expect(m.containers).toHaveLength(1);
    expect(m.containers[0].name).toBe('main');
    expect(m.containers[0].usage.cpu).toMatch(/^\d+[num]?$/);
    expect(m.containers[0].usage.memory).toMatch(/^\d+(Ki|Mi)?$/);
    const nodes = JSON.parse((await api.kubectl(['get', '--raw', '/apis/metrics.k8s.io/v1beta1/nodes'])).stdout);
    expect(nodes.kind).toBe('NodeMetricsList');
    expect(nodes.items.map((n: any) => n.metadata.name)).toContain(NODE);
    const list = JSON.parse((await api.kubectl(['get', '--raw', '/apis/metrics.k8s.io/v1beta1/pods?labelSelector=app%3Didle'])).stdout);
    expect(list.items.map((p: any) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual(['default/idle']);
    // kubectl get prints them with metrics-server's columns.
    const table = await api.kubectl(['get', 'podmetrics', 'busy']);
    expect(table.stderr).toBe('');
    expect(table.stdout).toMatch(/^NAME\s+CPU\s+MEMORY\s+WINDOW\n/);
    expect(table.stdout).toMatch(/^busy\s+\d+[num]?\s+\d+(Ki|Mi)?\s+[\d.]+m?s$/m);
  });

  it('kubectl top node prints the node with numbers and percentages of allocatable', async () => {
    await topPods();
    let line: string[] | undefined;
    await until(async () => {
      const r = await api.kubectl(['top', 'node']);
      line = rows(r.stdout).find((l) => l[0] === NODE);
      return r.code === 0 && !!line;
    }, 20_000);
    expect(line![1]).toMatch(/^\d+m$/);
    expect(line![2]).toMatch(/^\d+%$/);
    expect(line![3]).toMatch(/^\d+Mi$/);
    expect(line![4]).toMatch(/^\d+%$/);
    // The host runs at least the busy loop.
    expect(milli(line![1])).toBeGreaterThan(200);
    expect(mebi(line![3])).toBeGreaterThan(0);
  });

  it('keeps a history per pod and per node for the charts', async () => {
    await topPods();
    await until(async () => (await api.call('GET', '/skiff/v1/metrics/history?kind=pods&namespace=default&name=busy')).body?.samples?.length >= 3, 20_000);
    const h = (await api.call('GET', '/skiff/v1/metrics/history?kind=pods&namespace=default&name=busy')).body;
    expect(h).toMatchObject({ kind: 'MetricsHistory', apiVersion: 'skiff.io/v1', resource: 'pods', metadata: { name: 'busy', namespace: 'default' } });
    const times = h.samples.map((s: any) => Date.parse(s.timestamp));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(h.samples.at(-1).usageNanoCores).toBeGreaterThan(300_000_000);
    expect(h.samples.at(-1).workingSetBytes).toBeGreaterThan(0);
    const node = (await api.call('GET', `/skiff/v1/metrics/history?kind=nodes&name=${NODE}`)).body;
    expect(node.samples.length).toBeGreaterThanOrEqual(3);
    expect((await api.call('GET', '/skiff/v1/metrics/history?kind=services&name=x')).status).toBe(400);
    expect((await api.call('GET', '/skiff/v1/metrics/history?kind=pods&namespace=default&name=busy', { token: api.joinToken })).status).toBe(403);
  });

  it('takes reports only from node tokens, for their own nodes, and names a malformed field', async () => {
    await topPods();
    const join = await api.call('POST', '/skiff/v1/join', { body: { nodes: ['fake-a'] }, token: api.joinToken });
    expect(join.status).toBe(201);
    const nodeToken = join.body.token as string;
    const busyUid = (await api.call('GET', `${pods}/busy`)).body.metadata.uid;
    const report = (node: string, podNamespace = 'default', podName = 'busy') => ({
      kind: 'MetricsReport',
      apiVersion: 'skiff.io/v1',
      timestamp: new Date().toISOString(),
      windowSeconds: 1,
      nodes: [{ name: node, usageNanoCores: 5e9, workingSetBytes: 2 ** 30, pods: [{ namespace: podNamespace, name: podName, uid: busyUid, containers: [{ name: 'main', usageNanoCores: 99e9, workingSetBytes: 2 ** 20 }] }] }],
    });

    const other = await api.call('POST', '/skiff/v1/metrics', { body: report(NODE), token: nodeToken });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ kind: 'Status', reason: 'Forbidden' });
    expect(other.body.message).toContain(`"${NODE}"`);
    expect((await api.call('POST', '/skiff/v1/metrics', { body: report(NODE) })).status).toBe(403); // the admin is no node
    expect((await api.call('POST', '/skiff/v1/metrics', { body: report('fake-a'), token: api.joinToken })).status).toBe(403);

    const bad = report('fake-a');
    bad.nodes[0].pods[0].containers[0].usageNanoCores = -5;
    const invalid = await api.call('POST', '/skiff/v1/metrics', { body: bad, token: nodeToken });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ kind: 'Status', reason: 'Invalid' });
    expect(invalid.body.details.causes.map((c: any) => c.field)).toEqual(['nodes[0].pods[0].containers[0].usageNanoCores']);
    expect((await api.call('POST', '/skiff/v1/metrics', { raw: '{"nodes": [', token: nodeToken })).status).toBe(400);

    // Its own node is fine; but a pod bound elsewhere keeps showing what its own node measures.
    expect((await api.call('POST', '/skiff/v1/metrics', { body: report('fake-a'), token: nodeToken })).status).toBe(204);
    const busy = await api.call('GET', '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/busy');
    if (busy.status === 200) expect(busy.body.containers[0].usage.cpu).not.toBe('99');
    else expect(busy.status).toBe(404);
    // No Node object named fake-a: no NodeMetrics either.
    const nodes = await api.call('GET', '/apis/metrics.k8s.io/v1beta1/nodes');
    expect(nodes.body.items.map((n: any) => n.metadata.name)).not.toContain('fake-a');
    // Node tokens read what the kubelet may, and metrics are not among it.
    expect((await api.call('GET', '/apis/metrics.k8s.io/v1beta1/nodes', { token: nodeToken })).status).toBe(403);
  });

  it('says NotFound for a pod without metrics and for one that does not exist', async () => {
    const missing = await api.kubectl(['top', 'pod', 'nosuch']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('pods "nosuch" not found');
    // Bound to a node no agent runs: it never gets metrics.
    expect((await api.call('POST', pods, { body: pod('stranded', {}, ['sleep', '100'], 'fake-a') })).status).toBe(201);
    const stranded = await api.kubectl(['top', 'pod', 'stranded']);
    expect(stranded.code).not.toBe(0);
    expect(stranded.stderr).toContain('podmetrics.metrics.k8s.io "default/stranded" not found');
    expect((await api.kubectl(['top', 'node', 'nosuch-node'])).stderr).toContain('nodes "nosuch-node" not found');
    const raw = await api.call('GET', '/apis/metrics.k8s.io/v1beta1/nodes/nosuch-node');
    expect(raw.status).toBe(404);
    expect((await api.call('DELETE', '/apis/metrics.k8s.io/v1beta1/nodes/x')).status).toBe(405);
    await api.call('DELETE', `${pods}/stranded?gracePeriodSeconds=0`);
  });

  it('shows synthetic usage for the simulated runtime, for every node one agent plays', async () => {
    simulated = spawnAgent(api, ['--name=simm', '--runtime=simulated', '--simulated-nodes=3', '--metrics-seconds=1']);
    const names = ['simm-sim-0', 'simm-sim-1', 'simm-sim-2'];
    await api.call('POST', '/api/v1/namespaces', { body: { metadata: { name: 'sim' } } });
    for (const [i, node] of names.entries()) {
      await until(async () => (await api.call('GET', `/api/v1/nodes/${node}`)).status === 200, 30_000);
      await api.call('POST', '/api/v1/namespaces/sim/pods', { body: { metadata: { name: `p${i}` }, spec: { nodeName: node, containers: [{ name: 'c', image: 'web:1.0' }] } } });
    }
    let top: string[][] = [];
    await until(async () => {
      const r = await api.kubectl(['top', 'node']);
      top = rows(r.stdout);
      // A node without metrics yet is listed with <unknown>.
      return r.code === 0 && names.every((n) => top.some((l) => l[0] === n && /^\d+m$/.test(l[1])));
    }, 30_000).catch((e) => {
      throw new Error(`${e.message}; agent said: ${simulated!.output()}`);
    });
    for (const n of names) {
      const line = top.find((l) => l[0] === n)!;
      expect(line.slice(1)).toEqual([expect.stringMatching(/^\d+m$/), expect.stringMatching(/^\d+%$/), expect.stringMatching(/^\d+Mi$/), expect.stringMatching(/^\d+%$/)]);
      // The synthetic base of a node: 100 millicores and 256 Mi, plus its pods.
      expect(milli(line[1])).toBeGreaterThanOrEqual(100);
      expect(mebi(line[3])).toBeGreaterThanOrEqual(256);
    }
    let pods: string[][] = [];
    await until(async () => {
      const r = await api.kubectl(['top', 'pod', '-n', 'sim']);
      pods = rows(r.stdout);
      return r.code === 0 && pods.length === 3;
    }, 30_000);
    expect(pods.map((l) => l[0]).sort()).toEqual(['p0', 'p1', 'p2']);
    for (const l of pods) {
      expect(milli(l[1])).toBeGreaterThanOrEqual(0);
      expect(milli(l[1])).toBeLessThanOrEqual(30);
      expect(mebi(l[2])).toBeGreaterThanOrEqual(8);
      expect(mebi(l[2])).toBeLessThanOrEqual(64);
    }
    await api.kubectl(['delete', 'namespace', 'sim', '--wait=false']);
  });
});
