import { NodeInfo } from './node-info';
import { newPodInfo } from './pod-info';
import {
  balancedAllocationScore,
  defaultNormalizeScore,
  leastAllocatedScore,
  nodeAffinityScore,
  scoreNodes,
  selectorSpreadScore,
  taintTolerationScore,
} from './scores';
import { makeNode, makePod, type NodeFixture, type PodFixture } from './test-fixtures';

const pod = (f: PodFixture = {}) => newPodInfo(makePod('p', f));
const node = (name: string, f: NodeFixture = {}, pods: PodFixture[] = []) =>
  new NodeInfo(makeNode(name, f), pods.map((p, i) => makePod(`${name}-${i}`, p)));

describe('NodeResourcesFit (LeastAllocated)', () => {
  it('scores the share of cpu and memory left free after placing the pod', () => {
    // cpu: (4000 - 1000 - 1000) / 4000 = 50; memory: (8Gi - 2Gi - 2Gi) / 8Gi = 50.
    const n = node('n', { cpu: '4', memory: '8Gi' }, [{ cpu: '1', memory: '2Gi' }]);
    expect(leastAllocatedScore(pod({ cpu: '1', memory: '2Gi' }), n)).toBe(50);
    expect(leastAllocatedScore(pod({ cpu: '1', memory: '2Gi' }), node('e', { cpu: '4', memory: '8Gi' }))).toBe(75);
  });

  it('counts missing requests as 100m / 200Mi so empty pods still spread', () => {
    const busy = node('busy', { cpu: '1', memory: '1000Mi' }, [{}, {}]);
    const idle = node('idle', { cpu: '1', memory: '1000Mi' });
    expect(leastAllocatedScore(pod(), idle)).toBeGreaterThan(leastAllocatedScore(pod(), busy));
    expect(leastAllocatedScore(pod(), idle)).toBe(85); // cpu 90, memory 80
  });

  it('scores 0 for a resource already over-committed', () => {
    expect(leastAllocatedScore(pod({ cpu: '8', memory: '1Gi' }), node('n', { cpu: '4', memory: '8Gi' }))).toBe(43); // (0 + 87) / 2
  });
});

describe('NodeResourcesBalancedAllocation', () => {
  it('is 100 when cpu and memory would be used in the same proportion', () => {
    expect(balancedAllocationScore(pod({ cpu: '1', memory: '2Gi' }), node('n', { cpu: '4', memory: '8Gi' }))).toBe(100);
  });

  it('falls as the fractions diverge', () => {
    // cpu 0.75, memory 0.25: 100 * (1 - 0.25) = 75.
    expect(balancedAllocationScore(pod({ cpu: '3', memory: '2Gi' }), node('n', { cpu: '4', memory: '8Gi' }))).toBe(75);
  });

  it('is 0 everywhere for a pod requesting neither cpu nor memory', () => {
    expect(balancedAllocationScore(pod(), node('n'))).toBe(0);
  });
});

describe('SelectorSpread', () => {
  it('counts the pods of the same controller, normalized so the emptiest node scores 100', () => {
    const p = pod({ owner: 'rs1' });
    const nodes = [node('a', {}, [{ owner: 'rs1' }, { owner: 'rs1' }]), node('b', {}, [{ owner: 'rs1' }, { owner: 'other' }]), node('c')];
    const raw = nodes.map((n) => selectorSpreadScore(p, n));
    expect(raw).toEqual([2, 1, 0]);
    defaultNormalizeScore(raw, true);
    expect(raw).toEqual([0, 50, 100]);
  });
});

describe('TaintToleration (score)', () => {
  it('counts untolerated PreferNoSchedule taints; normalized, fewer is better', () => {
    const soft = [{ key: 'a', effect: 'PreferNoSchedule' }, { key: 'b', effect: 'PreferNoSchedule' }, { key: 'c', effect: 'NoSchedule' }];
    const nodes = [node('x', { taints: soft }), node('y', { taints: soft.slice(0, 1) }), node('z')];
    const p = pod({ tolerations: [{ key: 'b', operator: 'Exists', effect: 'PreferNoSchedule' }] });
    const raw = nodes.map((n) => taintTolerationScore(p, n));
    expect(raw).toEqual([1, 1, 0]);
    expect(nodes.map((n) => taintTolerationScore(pod(), n))).toEqual([2, 1, 0]);
    const scores = nodes.map((n) => taintTolerationScore(pod(), n));
    defaultNormalizeScore(scores, true);
    expect(scores).toEqual([0, 50, 100]);
  });
});

describe('NodeAffinity (score)', () => {
  it('sums the weights of the preferred terms a node matches', () => {
    const p = pod({
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 30, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
            { weight: 10, preference: { matchExpressions: [{ key: 'disk', operator: 'Exists' }] } },
          ],
        },
      },
    });
    const scores = [node('a', { labels: { zone: 'a', disk: 'ssd' } }), node('b', { labels: { disk: 'ssd' } }), node('c')].map((n) =>
      nodeAffinityScore(p, n),
    );
    expect(scores).toEqual([40, 10, 0]);
    defaultNormalizeScore(scores, false);
    expect(scores).toEqual([100, 25, 0]);
  });
});

describe('scoreNodes', () => {
  it('ranks the least loaded node first', () => {
    const nodes = [
      node('half', { cpu: '4', memory: '8Gi' }, [{ cpu: '2', memory: '4Gi' }]),
      node('light', { cpu: '4', memory: '8Gi' }, [{ cpu: '500m', memory: '1Gi' }]),
      node('heavy', { cpu: '4', memory: '8Gi' }, [{ cpu: '3', memory: '6Gi' }]),
    ];
    const totals = scoreNodes(pod({ cpu: '500m', memory: '1Gi' }), nodes);
    expect(totals[1]).toBeGreaterThan(totals[0]);
    expect(totals[0]).toBeGreaterThan(totals[2]);
  });

  it('weights TaintToleration 3, SelectorSpread 2, the resource scores 1', () => {
    const nodes = [node('tainted', { taints: [{ key: 'a', effect: 'PreferNoSchedule' }] }), node('clean')];
    const [tainted, clean] = scoreNodes(pod({ cpu: '1', memory: '2Gi' }), nodes);
    expect(clean - tainted).toBe(3 * 100);
  });
});
