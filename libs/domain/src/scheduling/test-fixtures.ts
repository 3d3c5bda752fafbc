/** Builders of Nodes and Pods for the scheduling specs (not exported from the library). */
import type { ResourceList } from '../kinds/common';
import type { Container } from '../kinds/container';
import type { Node, Taint } from '../kinds/node';
import type { Affinity, Pod, Toleration } from '../kinds/pod';

export interface NodeFixture {
  cpu?: string;
  memory?: string;
  pods?: number;
  allocatable?: ResourceList;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  /** The Ready condition's status; null leaves the condition out. */
  ready?: 'True' | 'False' | 'Unknown' | null;
}

export function makeNode(name: string, f: NodeFixture = {}): Node {
  const ready = f.ready === undefined ? 'True' : f.ready;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `node-${name}`, labels: { 'kubernetes.io/hostname': name, ...f.labels } },
    spec: { ...(f.taints ? { taints: f.taints } : {}), ...(f.unschedulable ? { unschedulable: true } : {}) },
    status: {
      allocatable: { cpu: f.cpu ?? '4', memory: f.memory ?? '8Gi', pods: String(f.pods ?? 110), ...f.allocatable },
      conditions: ready === null ? [] : [{ type: 'Ready', status: ready }],
    },
  };
}

export interface PodFixture {
  cpu?: string;
  memory?: string;
  /** Controller uid; the pod gets a controller ownerReference to a ReplicaSet with it. */
  owner?: string;
  nodeSelector?: Record<string, string>;
  affinity?: Affinity;
  tolerations?: Toleration[];
  hostPorts?: number[];
  containers?: Container[];
  initContainers?: Container[];
  namespace?: string;
}

let podSerial = 0;

export function makePod(name: string, f: PodFixture = {}): Pod {
  const requests: ResourceList = {};
  if (f.cpu !== undefined) requests.cpu = f.cpu;
  if (f.memory !== undefined) requests.memory = f.memory;
  const main: Container = {
    name: 'main',
    image: 'web:1.0',
    ...(Object.keys(requests).length ? { resources: { requests } } : {}),
    ...(f.hostPorts ? { ports: f.hostPorts.map((p) => ({ containerPort: p, hostPort: p })) } : {}),
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: f.namespace ?? 'default',
      uid: `pod-${name}-${++podSerial}`,
      ...(f.owner
        ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `rs-${f.owner}`, uid: f.owner, controller: true }] }
        : {}),
    },
    spec: {
      containers: f.containers ?? [main],
      ...(f.initContainers ? { initContainers: f.initContainers } : {}),
      ...(f.nodeSelector ? { nodeSelector: f.nodeSelector } : {}),
      ...(f.affinity ? { affinity: f.affinity } : {}),
      ...(f.tolerations ? { tolerations: f.tolerations } : {}),
    },
    status: { phase: 'Pending' },
  };
}
