import * as fs from 'fs';
import * as path from 'path';
import { Agent } from '../../../agent/src/agent';
import { ApiClient } from '../../../agent/src/api-client';
import { SimulatedRuntime } from '../../../agent/src/runtime/simulated';
import { spawnAgent } from '../support/agent-process';
import { startTestApi, type TestApi } from '../support/test-server';
import { until } from '../support/watch-client';

const NODES = 1000;

/** The agent in simulated mode (as KWOK): one process plays many nodes. */
describe('skiff-agent, simulated runtime', () => {
  let api: TestApi;
  let agent: ReturnType<typeof spawnAgent>;
  beforeAll(async () => {
    api = await startTestApi();
    agent = spawnAgent(api, ['--name=sim', `--simulated-nodes=${NODES}`, '--lease-renew-seconds=2']);
  });
  afterAll(async () => {
    agent?.kill('SIGTERM');
    await api?.stop();
  });

  it(`registers ${NODES} nodes that stay Ready, each with its own pod CIDR and a fresh lease`, async () => {
    await until(async () => (await api.call('GET', '/api/v1/nodes')).body.items.length === NODES, 90_000).catch((e) => {
      throw new Error(`${e.message}; agent said: ${agent.output()}`);
    });
    const nodes = (await api.call('GET', '/api/v1/nodes')).body.items;
    await until(async () => (await api.call('GET', '/api/v1/nodes')).body.items.every((n: any) => n.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True')), 30_000);
    expect(new Set(nodes.map((n: any) => n.spec.podCIDR)).size).toBe(NODES);
    const leases = async () => (await api.call('GET', '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases')).body.items;
    await until(async () => (await leases()).length === NODES, 30_000);
    const first = new Map((await leases()).map((l: any) => [l.metadata.name, l.spec.renewTime]));
    // Every lease renewed again (the round of 1,000 takes a few seconds on a busy machine).
    await until(async () => (await leases()).every((l: any) => l.spec.renewTime !== first.get(l.metadata.name)), 60_000);
    const table = await api.kubectl(['get', 'nodes', '--no-headers']);
    expect(table.stdout.trim().split('\n').filter((l) => /\sReady\s/.test(l))).toHaveLength(NODES);
  });

  it('runs pods bound to its nodes: Running and Ready with an IP from the node’s CIDR; deletes them when asked', async () => {
    const pods = Array.from({ length: 20 }, (_, i) => ({ name: `sim-pod-${i}`, node: `sim-sim-${i * 37}` }));
    for (const p of pods) {
      const res = await api.call('POST', '/api/v1/namespaces/default/pods', { body: { metadata: { name: p.name }, spec: { nodeName: p.node, containers: [{ name: 'c', image: 'web:1.0' }] } } });
      expect(res.status).toBe(201);
    }
    const running = async () => (await api.call('GET', '/api/v1/namespaces/default/pods')).body.items.filter((p: any) => p.status?.phase === 'Running');
    await until(async () => (await running()).length === 20, 30_000);
    for (const pod of await running()) {
      const node = (await api.call('GET', `/api/v1/nodes/${pod.spec.nodeName}`)).body;
      const prefix = node.spec.podCIDR.split('.').slice(0, 3).join('.');
      expect(pod.status.podIP.startsWith(`${prefix}.`)).toBe(true);
      expect(pod.status.conditions.find((c: any) => c.type === 'Ready').status).toBe('True');
      expect(pod.status.containerStatuses[0]).toMatchObject({ name: 'c', ready: true, started: true, restartCount: 0 });
    }
    const wide = await api.kubectl(['get', 'pod', 'sim-pod-0', '-o', 'wide', '--no-headers']);
    expect(wide.stdout).toMatch(/sim-pod-0\s+1\/1\s+Running\s+0\s+\S+\s+127\.\d+\.\d+\.\d+\s+sim-sim-0\s/);
    // Graceful deletion: the agent stops the pod, then the API removes it.
    const del = await api.kubectl(['delete', 'pod', 'sim-pod-1'], { timeoutMs: 30_000 });
    expect(del.stdout).toContain('pod "sim-pod-1" deleted');
    expect((await api.call('GET', '/api/v1/namespaces/default/pods/sim-pod-1')).status).toBe(404);
  });

  it('keeps renewing every other node’s lease while one node’s renewals are refused', async () => {
    // 40 nodes: more than one batch of renewals, the failing node in the first.
    const names = Array.from({ length: 40 }, (_, i) => `hb-${i}`);
    const client = new ApiClient(api.url, api.joinToken, fs.readFileSync(path.join(api.home, 'pki/ca.crt'), 'utf8'));
    const forAll = await client.call<{ token: string }>('POST', '/skiff/v1/join', { nodes: names });
    const forAllButFirst = await client.call<{ token: string }>('POST', '/skiff/v1/join', { nodes: names.slice(1) });
    client.useToken(forAll.token);
    const logs: string[] = [];
    const heartbeats = new Agent(client, { nodes: names, runtime: new SimulatedRuntime(), resources: { cpu: '1', memory: '1Gi', pods: '10' }, leaseRenewMs: 300, log: (m) => logs.push(m) });
    await heartbeats.start();
    try {
      client.useToken(forAllButFirst.token); // hb-0's renewals now answer 403
      const renewTimes = async () => {
        const items = (await api.call('GET', '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases')).body.items;
        return new Map<string, string>(items.filter((l: any) => names.includes(l.metadata.name)).map((l: any) => [l.metadata.name, l.spec.renewTime]));
      };
      // Wait for a renewal refused, then for every other lease to move past that moment.
      await until(async () => logs.some((l) => l.includes('lease renewal failed')), 20_000);
      const before = await renewTimes();
      await until(async () => {
        const now = await renewTimes();
        return names.slice(1).every((n) => now.get(n) !== before.get(n));
      }, 20_000);
      expect((await renewTimes()).get('hb-0')).toBe(before.get('hb-0'));
      expect(logs.find((l) => l.includes('lease renewal failed'))).toMatch(/failed for 1 node\(s\), first hb-0: .*forbidden/);
    } finally {
      await heartbeats.stop();
    }
  });
});
