import { spawnAgent } from '../support/agent-process';
import { startTestApi, type TestApi } from '../support/test-server';
import { until } from '../support/watch-client';

/** The scheduler places pending pods on simulated nodes: resources, selectors, taints, spreading. */
describe('scheduler', () => {
  let api: TestApi;
  let agent: ReturnType<typeof spawnAgent>;
  const pods = '/api/v1/namespaces/default/pods';
  const nodes = ['sched-sim-0', 'sched-sim-1', 'sched-sim-2'];

  beforeAll(async () => {
    api = await startTestApi();
    agent = spawnAgent(api, ['--name=sched', '--runtime=simulated', '--simulated-nodes=3', '--cpu=2', '--memory=4Gi']);
    await until(async () => (await api.call('GET', '/api/v1/nodes')).body.items?.length === 3, 30_000);
  });
  afterAll(async () => {
    agent?.kill('SIGTERM');
    await api?.stop();
  });

  const pod = (name: string, spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}) => ({
    metadata: { name, ...meta },
    spec: { containers: [{ name: 'c', image: 'web:1.0', resources: { requests: { cpu: '100m', memory: '64Mi' } } }], ...spec },
  });
  const nodeOf = async (name: string) => (await api.call('GET', `${pods}/${name}`)).body.spec?.nodeName;

  it('binds a pending pod to a node, where the agent runs it', async () => {
    await api.call('POST', pods, { body: pod('plain') });
    await until(async () => (await api.call('GET', `${pods}/plain`)).body.status?.phase === 'Running', 15_000);
    expect(nodes).toContain(await nodeOf('plain'));
    const events = (await api.call('GET', '/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3Dplain')).body.items;
    expect(events.find((e: any) => e.reason === 'Scheduled').message).toBe(`Successfully assigned default/plain to ${await nodeOf('plain')}`);
  });

  it('leaves an oversized pod Pending with the reason in Kubernetes words', async () => {
    await api.call('POST', pods, { body: pod('huge', { containers: [{ name: 'c', image: 'web:1.0', resources: { requests: { cpu: '64' } } }] }) });
    const message = '0/3 nodes are available: 3 Insufficient cpu.';
    await until(async () => (await api.call('GET', `${pods}/huge`)).body.status?.conditions?.find((c: any) => c.type === 'PodScheduled')?.message === message, 15_000);
    const described = await api.kubectl(['describe', 'pod', 'huge']);
    expect(described.stdout).toMatch(/Warning\s+FailedScheduling\s+.*0\/3 nodes are available: 3 Insufficient cpu\./);
    expect((await api.kubectl(['get', 'pod', 'huge', '--no-headers'])).stdout).toMatch(/huge\s+0\/1\s+Pending/);
  });

  it('respects nodeSelector and NoSchedule taints, and places a waiting pod once a node fits', async () => {
    await api.kubectl(['label', 'node', 'sched-sim-1', 'disk=ssd']);
    await api.call('POST', pods, { body: pod('picky', { nodeSelector: { disk: 'ssd' } }) });
    await until(async () => (await nodeOf('picky')) === 'sched-sim-1', 15_000);

    await api.call('POST', pods, { body: pod('waits', { nodeSelector: { disk: 'nvme' } }) });
    await until(async () => /didn't match Pod's node affinity\/selector/.test((await api.call('GET', `${pods}/waits`)).body.status?.conditions?.[0]?.message ?? ''), 15_000);
    await api.kubectl(['label', 'node', 'sched-sim-2', 'disk=nvme']);
    await until(async () => (await nodeOf('waits')) === 'sched-sim-2', 15_000);

    await api.kubectl(['taint', 'node', 'sched-sim-0', 'dedicated=db:NoSchedule']);
    await api.kubectl(['cordon', 'sched-sim-2']);
    for (let i = 0; i < 4; i++) await api.call('POST', pods, { body: pod(`avoid-${i}`) });
    await until(async () => (await Promise.all([0, 1, 2, 3].map((i) => nodeOf(`avoid-${i}`)))).every((n) => n === 'sched-sim-1'), 15_000);
    await api.kubectl(['taint', 'node', 'sched-sim-0', 'dedicated-']);
    await api.kubectl(['uncordon', 'sched-sim-2']);
  });

  it('spreads the replicas of one controller across the nodes', async () => {
    const owner = (await api.call('POST', '/api/v1/namespaces/default/configmaps', { body: { metadata: { name: 'owner' } } })).body;
    const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid, controller: true };
    for (let i = 0; i < 6; i++) await api.call('POST', pods, { body: pod(`rep-${i}`, {}, { ownerReferences: [ref] }) });
    await until(async () => (await Promise.all([0, 1, 2, 3, 4, 5].map((i) => nodeOf(`rep-${i}`)))).every(Boolean), 15_000);
    const placed = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => nodeOf(`rep-${i}`)));
    const perNode = nodes.map((n) => placed.filter((p) => p === n).length);
    expect(perNode).toEqual([2, 2, 2]);
  });

  it('drains a node with kubectl drain: cordoned, its pods evicted, their Deployment makes them again elsewhere', async () => {
    const dep = { metadata: { name: 'drained' }, spec: { replicas: 6, selector: { matchLabels: { app: 'drained' } }, template: { metadata: { labels: { app: 'drained' } }, spec: { containers: [{ name: 'c', image: 'web:1.0' }] } } } };
    await api.call('POST', '/apis/apps/v1/namespaces/default/deployments', { body: dep });
    const onNode = async (node: string) => (await api.call('GET', `${pods}?labelSelector=app%3Ddrained&fieldSelector=spec.nodeName%3D${node}`)).body.items.filter((p: any) => !p.metadata.deletionTimestamp);
    await until(async () => (await onNode('sched-sim-1')).length > 0 && (await api.call('GET', '/apis/apps/v1/namespaces/default/deployments/drained')).body.status?.availableReplicas === 6, 20_000);
    const drain = await api.kubectl(['drain', 'sched-sim-1', '--ignore-daemonsets', '--force', '--timeout=60s'], { timeoutMs: 70_000 });
    expect(drain.stderr + drain.stdout).toContain('node/sched-sim-1 drained');
    expect(drain.stdout).toMatch(/evicting pod default\/drained-|pod\/drained-\S+ evicted/);
    expect((await api.call('GET', '/api/v1/nodes/sched-sim-1')).body.spec.unschedulable).toBe(true);
    await until(async () => (await api.call('GET', '/apis/apps/v1/namespaces/default/deployments/drained')).body.status?.availableReplicas === 6, 20_000);
    expect(await onNode('sched-sim-1')).toEqual([]);
    await api.kubectl(['uncordon', 'sched-sim-1']);
  });
});
