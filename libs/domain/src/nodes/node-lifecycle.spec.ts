import type { KubeObject } from '../meta/types';
import { nodeLifecycleDecision, UNREACHABLE_TAINT } from './node-lifecycle';

const t0 = Date.UTC(2026, 10, 25, 12, 0, 0);
const at = (s: number) => new Date(t0 + s * 1000);
const node = (ready: string, taints: unknown[] = []): KubeObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', creationTimestamp: at(-100).toISOString() }, spec: { taints }, status: { conditions: [{ type: 'Ready', status: ready }] } });
const lease = (renewSeconds: number): KubeObject => ({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'n1' }, spec: { renewTime: at(renewSeconds).toISOString() } });

describe('node lifecycle', () => {
  it('leaves a node with a fresh lease alone, and looks again when the lease would run out', () => {
    expect(nodeLifecycleDecision(node('True'), lease(0), at(10), 40_000, 300_000)).toEqual({ evictPods: false, recheckAfterMs: 31_000 });
  });

  it('marks a silent node Unknown and taints it unreachable, then evicts after the timeout', () => {
    const d = nodeLifecycleDecision(node('True'), lease(0), at(41), 40_000, 300_000);
    expect(d.ready).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    expect(d.taints).toEqual([
      { key: UNREACHABLE_TAINT, effect: 'NoSchedule' },
      { key: UNREACHABLE_TAINT, effect: 'NoExecute', timeAdded: at(41).toISOString().replace('.000', '') },
    ]);
    expect(d.evictPods).toBe(false);
    expect(d.recheckAfterMs).toBe(300_500);
    const tainted = node('Unknown', d.taints);
    const later = nodeLifecycleDecision(tainted, lease(0), at(341), 40_000, 300_000);
    expect(later).toEqual({ evictPods: true });
  });

  it('takes the taints off once the node is back and Ready', () => {
    const back = node('True', [{ key: UNREACHABLE_TAINT, effect: 'NoExecute' }, { key: 'dedicated', value: 'db', effect: 'NoSchedule' }]);
    expect(nodeLifecycleDecision(back, lease(100), at(101), 40_000, 300_000).taints).toEqual([{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }]);
  });
});
