import type { ContainerPort } from '../kinds/container';
import {
  nodeAffinityFilter,
  nodePortsFilter,
  nodeResourcesFitFilter,
  nodeUnschedulableFilter,
  runFilters,
  taintTolerationFilter,
} from './filters';
import { NodeInfo } from './node-info';
import { newPodInfo } from './pod-info';
import { makeNode, makePod, type NodeFixture, type PodFixture } from './test-fixtures';

const pod = (f: PodFixture = {}) => newPodInfo(makePod('p', f));
const node = (f: NodeFixture = {}, pods: PodFixture[] = []) => new NodeInfo(makeNode('n1', f), pods.map((p, i) => makePod(`existing-${i}`, p)));

describe('NodeResourcesFit', () => {
  it('fits when requests plus what is requested already stay within allocatable', () => {
    expect(nodeResourcesFitFilter(pod({ cpu: '1', memory: '1Gi' }), node({ cpu: '2', memory: '2Gi' }, [{ cpu: '1', memory: '1Gi' }]))).toBeUndefined();
  });

  it('reports Insufficient cpu and Insufficient memory, each that falls short', () => {
    const n = node({ cpu: '2', memory: '2Gi' }, [{ cpu: '1500m', memory: '1Gi' }]);
    expect(nodeResourcesFitFilter(pod({ cpu: '1' }), n)).toEqual(['Insufficient cpu']);
    expect(nodeResourcesFitFilter(pod({ memory: '1025Mi' }), n)).toEqual(['Insufficient memory']);
    expect(nodeResourcesFitFilter(pod({ cpu: '1', memory: '2Gi' }), n)).toEqual(['Insufficient cpu', 'Insufficient memory']);
  });

  it('counts the largest init container (effective requests)', () => {
    const withInit = pod({
      containers: [{ name: 'app', resources: { requests: { cpu: '100m' } } }],
      initContainers: [{ name: 'init', resources: { requests: { cpu: '3' } } }],
    });
    expect(nodeResourcesFitFilter(withInit, node({ cpu: '2' }))).toEqual(['Insufficient cpu']);
  });

  it('counts every pod against the pod limit, requests or not', () => {
    const full = node({ pods: 2 }, [{}, {}]);
    expect(nodeResourcesFitFilter(pod(), full)).toEqual(['Too many pods']);
    expect(nodeResourcesFitFilter(pod({ cpu: '100' }), full)).toEqual(['Too many pods', 'Insufficient cpu']);
    expect(nodeResourcesFitFilter(pod(), node({ pods: 3 }, [{}, {}]))).toBeUndefined();
  });

  it('lets a pod without requests onto a node whose cpu is all requested', () => {
    expect(nodeResourcesFitFilter(pod(), node({ cpu: '1' }, [{ cpu: '1' }]))).toBeUndefined();
  });

  it('checks extended resources by name', () => {
    const gpuPod = pod({ containers: [{ name: 'c', resources: { requests: { 'example.com/gpu': '1' } } }] });
    expect(nodeResourcesFitFilter(gpuPod, node())).toEqual(['Insufficient example.com/gpu']);
    expect(nodeResourcesFitFilter(gpuPod, node({ allocatable: { 'example.com/gpu': '1' } }))).toBeUndefined();
  });
});

describe('NodeUnschedulable', () => {
  it('rejects a cordoned node', () => {
    expect(nodeUnschedulableFilter(pod(), node({ unschedulable: true }))).toBe('node(s) were unschedulable');
    expect(nodeUnschedulableFilter(pod(), node())).toBeUndefined();
  });

  it('lets through a pod tolerating node.kubernetes.io/unschedulable', () => {
    const tolerant = pod({ tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(nodeUnschedulableFilter(tolerant, node({ unschedulable: true }))).toBeUndefined();
  });
});

describe('TaintToleration', () => {
  it('rejects an untolerated NoSchedule or NoExecute taint, naming it as kube-scheduler 1.32 does', () => {
    expect(taintTolerationFilter(pod(), node({ taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }))).toBe(
      'node(s) had untolerated taint {dedicated: gpu}',
    );
    expect(taintTolerationFilter(pod(), node({ taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }] }))).toBe(
      'node(s) had untolerated taint {node.kubernetes.io/unreachable: }',
    );
  });

  it('ignores PreferNoSchedule taints', () => {
    expect(taintTolerationFilter(pod(), node({ taints: [{ key: 'soft', effect: 'PreferNoSchedule' }] }))).toBeUndefined();
  });

  it('admits a pod whose tolerations cover the taints', () => {
    const taints = [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }, { key: 'maint', effect: 'NoExecute' }];
    const tolerant = pod({ tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu' }, { key: 'maint', operator: 'Exists', effect: 'NoExecute' }] });
    expect(taintTolerationFilter(tolerant, node({ taints }))).toBeUndefined();
    expect(taintTolerationFilter(pod({ tolerations: [{ operator: 'Exists' }] }), node({ taints }))).toBeUndefined();
    const wrongEffect = pod({ tolerations: [{ key: 'maint', operator: 'Exists', effect: 'NoSchedule' }, { key: 'dedicated', operator: 'Exists' }] });
    expect(taintTolerationFilter(wrongEffect, node({ taints }))).toBe('node(s) had untolerated taint {maint: }');
  });

  it('treats a node that is not Ready as tainted not-ready until the controller taints it', () => {
    expect(taintTolerationFilter(pod(), node({ ready: 'False' }))).toBe('node(s) had untolerated taint {node.kubernetes.io/not-ready: }');
    expect(taintTolerationFilter(pod(), node({ ready: 'Unknown' }))).toBe('node(s) had untolerated taint {node.kubernetes.io/unreachable: }');
    const tolerant = pod({ tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' }] });
    expect(taintTolerationFilter(tolerant, node({ ready: 'False' }))).toBeUndefined();
  });
});

describe('NodeAffinity', () => {
  it('matches nodeSelector against the node labels', () => {
    const p = pod({ nodeSelector: { disk: 'ssd' } });
    expect(nodeAffinityFilter(p, node({ labels: { disk: 'ssd' } }))).toBeUndefined();
    expect(nodeAffinityFilter(p, node({ labels: { disk: 'hdd' } }))).toBe("node(s) didn't match Pod's node affinity/selector");
  });

  it('matches required node affinity, including matchFields on the node name', () => {
    const p = pod({
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n2'] }] }],
          },
        },
      },
    });
    expect(nodeAffinityFilter(p, node())).toBe("node(s) didn't match Pod's node affinity/selector");
    expect(nodeAffinityFilter(p, new NodeInfo(makeNode('n2')))).toBeUndefined();
  });
});

describe('NodePorts', () => {
  const withPorts = (ports: ContainerPort[]) => ({ containers: [{ name: 'c', ports }] });

  it('rejects a host port already in use', () => {
    const n = node({}, [{ hostPorts: [8080] }]);
    expect(nodePortsFilter(pod({ hostPorts: [8080] }), n)).toBe("node(s) didn't have free ports for the requested pod ports");
    expect(nodePortsFilter(pod({ hostPorts: [8081] }), n)).toBeUndefined();
    expect(nodePortsFilter(pod(), n)).toBeUndefined();
  });

  it('tells protocols and addresses apart, 0.0.0.0 clashing with every address', () => {
    const n = node({}, [withPorts([{ containerPort: 53, hostPort: 53, protocol: 'UDP', hostIP: '10.0.0.1' }])]);
    expect(nodePortsFilter(pod(withPorts([{ containerPort: 53, hostPort: 53, protocol: 'TCP' }])), n)).toBeUndefined();
    expect(nodePortsFilter(pod(withPorts([{ containerPort: 53, hostPort: 53, protocol: 'UDP', hostIP: '10.0.0.2' }])), n)).toBeUndefined();
    expect(nodePortsFilter(pod(withPorts([{ containerPort: 53, hostPort: 53, protocol: 'UDP' }])), n)).toBeDefined();
    const bindAll = node({}, [withPorts([{ containerPort: 80, hostPort: 80 }])]);
    expect(nodePortsFilter(pod(withPorts([{ containerPort: 80, hostPort: 80, hostIP: '10.0.0.1' }])), bindAll)).toBeDefined();
  });

  it('ignores container ports without a host port', () => {
    const n = node({}, [withPorts([{ containerPort: 80 }])]);
    expect(nodePortsFilter(pod(withPorts([{ containerPort: 80 }])), n)).toBeUndefined();
  });
});

describe('runFilters', () => {
  it('stops at the first failing plugin, in kube-scheduler order', () => {
    const n = node({ unschedulable: true, cpu: '1', taints: [{ key: 'x', effect: 'NoSchedule' }] });
    expect(runFilters(pod({ cpu: '2' }), n)).toBe('node(s) were unschedulable');
    n.setNode(makeNode('n1', { cpu: '1', taints: [{ key: 'x', effect: 'NoSchedule' }] }));
    expect(runFilters(pod({ cpu: '2' }), n)).toBe('node(s) had untolerated taint {x: }');
    n.setNode(makeNode('n1', { cpu: '1' }));
    expect(runFilters(pod({ cpu: '2' }), n)).toEqual(['Insufficient cpu']);
    expect(runFilters(pod({ cpu: '1' }), n)).toBeUndefined();
  });
});
