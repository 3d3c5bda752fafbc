import { spawnAgent } from '../support/agent-process';
import { startTestApi, type TestApi } from '../support/test-server';
import { until } from '../support/watch-client';

/** A DaemonSet: one pod per eligible node, following nodes as they change. */
describe('DaemonSet controller', () => {
  let api: TestApi;
  let agent: ReturnType<typeof spawnAgent>;
  const ns = '/api/v1/namespaces/default';

  beforeAll(async () => {
    api = await startTestApi();
    agent = spawnAgent(api, ['--name=ds', '--runtime=simulated', '--simulated-nodes=3']);
    await until(async () => (await api.call('GET', '/api/v1/nodes')).body.items?.length === 3, 30_000);
  });
  afterAll(async () => {
    agent?.kill('SIGTERM');
    await api?.stop();
  });

  const podsByNode = async () => {
    const items = (await api.call('GET', `${ns}/pods?labelSelector=app%3Dagent`)).body.items.filter((p: any) => !p.metadata.deletionTimestamp);
    return items.map((p: any) => p.spec.nodeName ?? '').sort();
  };

  it('runs one pod per node, skips a node tainted against it, and rolls out a new template', async () => {
    await api.kubectl(['taint', 'node', 'ds-sim-2', 'dedicated=db:NoSchedule']);
    const manifest = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: c, image: web:1.0}]
`;
    expect((await api.kubectl(['apply', '-f', '-'], { input: manifest })).code).toBe(0);
    await until(async () => JSON.stringify(await podsByNode()) === JSON.stringify(['ds-sim-0', 'ds-sim-1']), 20_000);
    expect((await api.kubectl(['rollout', 'status', 'daemonset/agent', '--timeout=60s'], { timeoutMs: 70_000 })).stdout).toContain('successfully rolled out');
    expect((await api.kubectl(['get', 'ds', 'agent', '--no-headers'])).stdout).toMatch(/^agent\s+2\s+2\s+2\s+2\s+2\s/);

    // The taint goes: the node gets its pod.
    await api.kubectl(['taint', 'node', 'ds-sim-2', 'dedicated-']);
    await until(async () => (await podsByNode()).length === 3, 20_000);

    await api.kubectl(['set', 'image', 'daemonset/agent', 'c=web:2.0']);
    expect((await api.kubectl(['rollout', 'status', 'daemonset/agent', '--timeout=60s'], { timeoutMs: 70_000 })).stdout).toContain('successfully rolled out');
    await until(async () => {
      const items = (await api.call('GET', `${ns}/pods?labelSelector=app%3Dagent`)).body.items.filter((p: any) => !p.metadata.deletionTimestamp);
      return items.length === 3 && items.every((p: any) => p.spec.containers[0].image === 'web:2.0');
    }, 30_000);
  });
});
