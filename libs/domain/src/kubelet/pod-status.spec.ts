import { nodeAddress, podAddress, podStatusFromReport } from './pod-status';

describe('kubelet pod status', () => {
  it('reports a running, ready pod with the standard conditions and its IPs', () => {
    const now = new Date('2026-11-25T10:00:00Z');
    const s = podStatusFromReport(
      { kind: 'Pod', metadata: { name: 'p' }, status: { phase: 'Pending', qosClass: 'BestEffort' } },
      { phase: 'Running', podIP: '127.64.3.2', ready: true, containers: [{ name: 'c', image: 'i', state: { running: {} }, ready: true, restartCount: 0, started: true }] },
      '127.64.3.1',
      now,
    ) as any;
    expect(s).toMatchObject({ phase: 'Running', podIP: '127.64.3.2', hostIP: '127.64.3.1', qosClass: 'BestEffort', startTime: '2026-11-25T10:00:00Z' });
    expect(s.conditions.map((c: any) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True',
    ]);
  });

  it('keeps a condition’s transition time while it holds', () => {
    const pod = { kind: 'Pod', metadata: { name: 'p' }, status: { conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z' }] } };
    const s = podStatusFromReport(pod, { phase: 'Running', ready: true, containers: [] }, '127.0.0.1', new Date()) as any;
    expect(s.conditions.find((c: any) => c.type === 'Ready').lastTransitionTime).toBe('2026-01-01T00:00:00Z');
  });

  it('hands out pod addresses from the node’s CIDR, leaving .0, .1 and broadcast', () => {
    expect(nodeAddress('127.64.3.0/24')).toBe('127.64.3.1');
    expect(podAddress('127.64.3.0/24', 0)).toBe('127.64.3.2');
    expect(podAddress('127.64.3.0/24', 252)).toBe('127.64.3.254');
    expect(podAddress('127.64.3.0/24', 253)).toBeUndefined();
  });
});
