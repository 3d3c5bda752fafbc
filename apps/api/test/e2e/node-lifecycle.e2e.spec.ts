import { spawnAgent } from '../support/agent-process';
import { startTestApi, type TestApi } from '../support/test-server';
import { until } from '../support/watch-client';

/** Node failure: a silent node goes NotReady and tainted; its pods are evicted after the timeout. */
describe('node lifecycle controller', () => {
  let api: TestApi;
  let agent: ReturnType<typeof spawnAgent>;
  const start = () => spawnAgent(api, ['--name=life', '--runtime=simulated', '--lease-renew-seconds=1']);

  beforeAll(async () => {
    api = await startTestApi({ SKIFF_NODE_MONITOR_GRACE_SECONDS: '3', SKIFF_POD_EVICTION_TIMEOUT_SECONDS: '4' });
    agent = start();
    await until(async () => (await api.call('GET', '/api/v1/nodes/life')).status === 200, 30_000);
  });
  afterAll(async () => {
    agent?.kill('SIGKILL');
    await api?.stop();
  });

  const node = async () => (await api.call('GET', '/api/v1/nodes/life')).body;
  const ready = (n: any) => n.status.conditions.find((c: any) => c.type === 'Ready');

  it('marks a node whose agent died NotReady and unreachable, evicts its pods later, and recovers when it is back', async () => {
    const pods = '/api/v1/namespaces/default/pods';
    await api.call('POST', pods, { body: { metadata: { name: 'on-life' }, spec: { nodeName: 'life', containers: [{ name: 'c', image: 'web:1.0' }] } } });
    await until(async () => (await api.call('GET', `${pods}/on-life`)).body.status?.phase === 'Running', 15_000);
    await new Promise((r) => setTimeout(r, 4000));
    expect(ready(await node()).status).toBe('True');

    agent.kill('SIGKILL');
    const killedAt = Date.now();
    await until(async () => ready(await node()).status === 'Unknown', 15_000);
    const notReadyAfter = Date.now() - killedAt;
    expect(notReadyAfter).toBeGreaterThan(1500);
    expect((await api.kubectl(['get', 'node', 'life', '--no-headers'])).stdout).toMatch(/^life\s+NotReady/);
    const taints = (await node()).spec.taints.map((t: any) => `${t.key}:${t.effect}`);
    expect(taints).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    expect((await api.call('GET', `${pods}/on-life`)).body.metadata.deletionTimestamp).toBeUndefined();
    await until(async () => (await api.call('GET', `${pods}/on-life`)).body.metadata?.deletionTimestamp !== undefined, 15_000);
    const events = (await api.call('GET', '/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3Don-life')).body.items;
    expect(events.map((e: any) => e.reason)).toContain('TaintManagerEviction');

    agent = start();
    await until(async () => ready(await node()).status === 'True' && !(await node()).spec.taints, 20_000);
  });
});
