import { newNodeInfo, NodeInfo, TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE } from './node-info';
import { newPodInfo } from './pod-info';
import { makeNode, makePod } from './test-fixtures';

describe('NodeInfo', () => {
  it('reads allocatable cpu in millicores, memory in bytes and the pod limit', () => {
    const info = new NodeInfo(makeNode('n1', { cpu: '3500m', memory: '2Gi', pods: 20 }));
    expect(info.name).toBe('n1');
    expect(info.allocatable).toEqual({ milliCPU: 3500, memory: 2 ** 31, ephemeralStorage: 0, pods: 20 });
    expect(info.ready).toBe(true);
    expect(info.unschedulable).toBe(false);
  });

  it('falls back to capacity when the node reports no allocatable', () => {
    const node = makeNode('n1');
    node.status = { capacity: { cpu: '2', memory: '1Gi', pods: '10' } };
    expect(new NodeInfo(node).allocatable.milliCPU).toBe(2000);
  });

  it('adds and removes pods, keeping requests, ports and replica counts', () => {
    const info = new NodeInfo(makeNode('n1'));
    const a = makePod('a', { cpu: '500m', memory: '1Gi', owner: 'rs1', hostPorts: [8080] });
    const b = makePod('b', { owner: 'rs1' });
    info.addPod(a);
    info.addPod(newPodInfo(b));
    expect(info.podCount).toBe(2);
    expect(info.requested).toMatchObject({ milliCPU: 500, memory: 2 ** 30 });
    expect(info.nonZeroRequested).toMatchObject({ milliCPU: 600, memory: 2 ** 30 + 200 * 2 ** 20 });
    expect(info.controllerPodCount('rs1')).toBe(2);
    expect(info.usedPorts.conflicts({ ip: '0.0.0.0', protocol: 'TCP', port: 8080 })).toBe(true);

    expect(info.removePod(a)).toBe(true);
    expect(info.removePod(a)).toBe(false);
    expect(info.podCount).toBe(1);
    expect(info.requested).toMatchObject({ milliCPU: 0, memory: 0 });
    expect(info.controllerPodCount('rs1')).toBe(1);
    expect(info.usedPorts.size).toBe(0);
  });

  it('replaces a pod added twice instead of counting it twice', () => {
    const info = new NodeInfo(makeNode('n1'));
    const pod = makePod('a', { cpu: '1' });
    info.addPod(pod);
    info.addPod({ ...pod, spec: { containers: [{ name: 'c', resources: { requests: { cpu: '2' } } }] } });
    expect(info.podCount).toBe(1);
    expect(info.requested.milliCPU).toBe(2000);
  });

  it('keeps its pods when the Node object is updated', () => {
    const info = new NodeInfo(makeNode('n1'), [makePod('a', { cpu: '1' })]);
    info.setNode(makeNode('n1', { unschedulable: true }));
    expect(info.unschedulable).toBe(true);
    expect(info.requested.milliCPU).toBe(1000);
  });

  it('leaves finished pods out when built from a pod list', () => {
    const done = makePod('done', { cpu: '1' });
    done.status = { phase: 'Succeeded' };
    const info = newNodeInfo(makeNode('n1'), [done, makePod('running', { cpu: '1' })]);
    expect(info.podCount).toBe(1);
  });

  describe('readiness', () => {
    it('adds a not-ready NoSchedule taint for Ready=False or a missing Ready condition', () => {
      expect(new NodeInfo(makeNode('n', { ready: 'False' })).filterTaints).toEqual([{ key: TAINT_NODE_NOT_READY, effect: 'NoSchedule' }]);
      expect(new NodeInfo(makeNode('n', { ready: null })).filterTaints).toEqual([{ key: TAINT_NODE_NOT_READY, effect: 'NoSchedule' }]);
    });

    it('adds an unreachable NoSchedule taint for Ready=Unknown', () => {
      expect(new NodeInfo(makeNode('n', { ready: 'Unknown' })).filterTaints).toEqual([{ key: TAINT_NODE_UNREACHABLE, effect: 'NoSchedule' }]);
    });

    it('adds nothing once the node lifecycle controller has tainted the node', () => {
      const taints = [{ key: TAINT_NODE_UNREACHABLE, effect: 'NoExecute' }];
      const info = new NodeInfo(makeNode('n', { ready: 'False', taints }));
      expect(info.filterTaints).toEqual(taints);
      expect(info.taints).toEqual(taints);
    });
  });
});
