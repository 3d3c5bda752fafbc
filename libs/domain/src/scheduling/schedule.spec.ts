import { DEFAULT_FILTER_PLUGINS, type FilterPlugin } from './filters';
import { NodeInfo } from './node-info';
import {
  newSchedulerState,
  numFeasibleNodesToFind,
  scheduleBatch,
  schedulePod,
  type ScheduleFailure,
  type ScheduleResult,
  type ScheduleSuccess,
} from './schedule';
import { makeNode, makePod, type NodeFixture } from './test-fixtures';

const nodes = (count: number, f: NodeFixture = {}) => Array.from({ length: count }, (_, i) => new NodeInfo(makeNode(`node-${i}`, f)));
const placed = (r: ScheduleResult) => (r as ScheduleSuccess).node;
const failed = (r: ScheduleResult) => r as ScheduleFailure;

/** Wraps the default filters to count how many nodes were filtered. */
function countingFilters(): { plugins: FilterPlugin[]; visited: string[] } {
  const visited: string[] = [];
  const probe: FilterPlugin = {
    name: 'Probe',
    filter: (_pod, node) => {
      visited.push(node.name);
      return undefined;
    },
  };
  return { plugins: [probe, ...DEFAULT_FILTER_PLUGINS], visited };
}

describe('schedulePod', () => {
  it('binds to the least loaded node', () => {
    const cluster = [
      new NodeInfo(makeNode('half'), [makePod('x', { cpu: '2', memory: '4Gi' })]),
      new NodeInfo(makeNode('light'), [makePod('y', { cpu: '500m', memory: '1Gi' })]),
      new NodeInfo(makeNode('heavy'), [makePod('z', { cpu: '3', memory: '6Gi' })]),
    ];
    expect(schedulePod(makePod('p', { cpu: '500m', memory: '1Gi' }), cluster)).toEqual({ node: 'light' });
  });

  it('does not change the NodeInfos', () => {
    const cluster = nodes(2);
    schedulePod(makePod('p', { cpu: '1' }), cluster);
    expect(cluster.map((n) => n.podCount)).toEqual([0, 0]);
  });

  it('explains an unschedulable pod with the FailedScheduling message', () => {
    const result = schedulePod(makePod('p', { cpu: '5' }), nodes(3));
    expect(result).toEqual({ unschedulable: true, message: '0/3 nodes are available: 3 Insufficient cpu.', reasons: { 'Insufficient cpu': 3 } });
  });

  it('counts each node under the reasons of the first filter it fails', () => {
    const cluster = [
      new NodeInfo(makeNode('cordoned', { unschedulable: true, memory: '1Gi' })),
      new NodeInfo(makeNode('small-1', { memory: '1Gi', labels: { disk: 'ssd' } })),
      new NodeInfo(makeNode('small-2', { memory: '1Gi', labels: { disk: 'ssd' } })),
      new NodeInfo(makeNode('hdd-1', { labels: { disk: 'hdd' } })),
      new NodeInfo(makeNode('hdd-2', { labels: { disk: 'hdd' } })),
    ];
    const result = failed(schedulePod(makePod('p', { memory: '2Gi', nodeSelector: { disk: 'ssd' } }), cluster));
    expect(result.message).toBe(
      "0/5 nodes are available: 1 node(s) were unschedulable, 2 Insufficient memory, 2 node(s) didn't match Pod's node affinity/selector.",
    );
    expect(result.reasons).toEqual({
      'node(s) were unschedulable': 1,
      'Insufficient memory': 2,
      "node(s) didn't match Pod's node affinity/selector": 2,
    });
  });

  it('counts a node short of several resources under each', () => {
    const result = failed(schedulePod(makePod('p', { cpu: '8', memory: '16Gi' }), nodes(2)));
    expect(result.message).toBe('0/2 nodes are available: 2 Insufficient cpu, 2 Insufficient memory.');
  });

  it('names untolerated taints and not-ready nodes', () => {
    const cluster = [
      new NodeInfo(makeNode('a', { taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }] })),
      new NodeInfo(makeNode('b', { taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }] })),
      new NodeInfo(makeNode('c', { ready: 'False' })),
    ];
    expect(failed(schedulePod(makePod('p'), cluster)).message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }, 2 node(s) had untolerated taint {node.kubernetes.io/unreachable: }.',
    );
  });

  it('says there are no nodes when the cluster has none', () => {
    expect(schedulePod(makePod('p'), [])).toEqual({ unschedulable: true, message: 'no nodes available to schedule pods', reasons: {} });
  });

  it('breaks ties between equal scores at random', () => {
    const cluster = nodes(3);
    expect(schedulePod(makePod('p'), cluster, { random: () => 0.999 })).toEqual({ node: 'node-0' });
    expect(schedulePod(makePod('p'), cluster, { random: () => 0 })).toEqual({ node: 'node-2' });
  });
});

describe('numFeasibleNodesToFind', () => {
  it('searches small clusters whole', () => {
    expect(numFeasibleNodesToFind(5)).toBe(5);
    expect(numFeasibleNodesToFind(99)).toBe(99);
  });

  it('adapts the percentage to the cluster size, never under 100 nodes or 5%', () => {
    expect(numFeasibleNodesToFind(100)).toBe(100);
    expect(numFeasibleNodesToFind(200)).toBe(100); // 49% = 98
    expect(numFeasibleNodesToFind(1000)).toBe(420); // 42%
    expect(numFeasibleNodesToFind(5000)).toBe(500); // 10%
    expect(numFeasibleNodesToFind(10000)).toBe(500); // 5%
  });

  it('honours a configured percentage', () => {
    expect(numFeasibleNodesToFind(1000, 100)).toBe(1000);
    expect(numFeasibleNodesToFind(1000, 20)).toBe(200);
    expect(numFeasibleNodesToFind(1000, 1)).toBe(100);
  });
});

describe('node sampling', () => {
  it('stops filtering once enough nodes are feasible and resumes after them next time', () => {
    const cluster = nodes(1000);
    const { plugins, visited } = countingFilters();
    const state = newSchedulerState();
    schedulePod(makePod('p1'), cluster, { filterPlugins: plugins, state });
    expect(visited).toHaveLength(420);
    expect(visited[0]).toBe('node-0');
    expect(state.nextStartNodeIndex).toBe(420);

    visited.length = 0;
    schedulePod(makePod('p2'), cluster, { filterPlugins: plugins, state });
    expect(visited[0]).toBe('node-420');
    expect(state.nextStartNodeIndex).toBe(840);

    visited.length = 0;
    schedulePod(makePod('p3'), cluster, { filterPlugins: plugins, state });
    expect(visited[0]).toBe('node-840');
    expect(visited[visited.length - 1]).toBe('node-259'); // wrapped around
  });

  it('visits every node before declaring a pod unschedulable', () => {
    const cluster = nodes(1000);
    const result = failed(schedulePod(makePod('p', { cpu: '64' }), cluster, { state: newSchedulerState() }));
    expect(result.message).toBe('0/1000 nodes are available: 1000 Insufficient cpu.');
  });
});

describe('scheduleBatch', () => {
  it('spreads the replicas of one controller across three equal nodes', () => {
    const cluster = nodes(3);
    const replicas = Array.from({ length: 6 }, (_, i) => makePod(`web-${i}`, { owner: 'rs-web', cpu: '100m', memory: '128Mi' }));
    const results = scheduleBatch(replicas, cluster);
    const first3 = new Set(results.slice(0, 3).map(placed));
    expect(first3.size).toBe(3);
    expect(cluster.map((n) => n.controllerPodCount('rs-web'))).toEqual([2, 2, 2]);
  });

  it('spreads replicas even when they request nothing', () => {
    const cluster = nodes(3);
    const replicas = Array.from({ length: 3 }, (_, i) => makePod(`web-${i}`, { owner: 'rs-web' }));
    expect(new Set(scheduleBatch(replicas, cluster).map(placed)).size).toBe(3);
  });

  it('assumes each placed pod so later pods see its requests and ports', () => {
    const cluster = nodes(2, { cpu: '1' });
    const pods = Array.from({ length: 3 }, (_, i) => makePod(`p-${i}`, { cpu: '600m' }));
    const results = scheduleBatch(pods, cluster);
    expect(new Set(results.slice(0, 2).map(placed)).size).toBe(2);
    expect(failed(results[2]).message).toBe('0/2 nodes are available: 2 Insufficient cpu.');

    const portPods = [makePod('a', { hostPorts: [80] }), makePod('b', { hostPorts: [80] }), makePod('c', { hostPorts: [80] })];
    const portResults = scheduleBatch(portPods, nodes(2));
    expect(failed(portResults[2]).message).toBe("0/2 nodes are available: 2 node(s) didn't have free ports for the requested pod ports.");
  });

  it('schedules 2,000 pods on 1,000 nodes without visiting every node per pod', () => {
    const cluster = nodes(1000, { cpu: '8', memory: '32Gi' });
    const pods = Array.from({ length: 2000 }, (_, i) =>
      makePod(`pod-${i}`, { owner: `rs-${i % 20}`, cpu: '250m', memory: '512Mi', ...(i % 10 === 0 ? { hostPorts: [9100] } : {}) }),
    );
    // No time assertion: with node sampling this runs in well under a second.
    const results = scheduleBatch(pods, cluster);
    expect(results.every((r) => 'node' in r)).toBe(true);
    const perNode = cluster.map((n) => n.podCount);
    expect(perNode.reduce((a, b) => a + b, 0)).toBe(2000);
    expect(Math.max(...perNode)).toBeLessThanOrEqual(3);
  });
});
