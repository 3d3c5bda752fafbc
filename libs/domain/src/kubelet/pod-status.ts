import type { KubeObject } from '../meta/types';
import { rfc3339 } from '../lifecycle/object-lifecycle';

export interface ContainerReport {
  name: string;
  image: string;
  state: Record<string, unknown>;
  ready: boolean;
  restartCount: number;
  started: boolean;
}

export interface PodReport {
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  podIP?: string;
  ready: boolean;
  containers: ContainerReport[];
}

interface Condition {
  type: string;
  status: 'True' | 'False';
  lastProbeTime: null;
  lastTransitionTime: string;
}

/**
 * The status the kubelet writes for a pod, from what its runtime reports: phase, the
 * four standard conditions (keeping each one's transition time while it holds), IPs,
 * start time and container statuses.
 */
export function podStatusFromReport(pod: KubeObject, report: PodReport, hostIP: string, now: Date): Record<string, unknown> {
  const old = (pod.status ?? {}) as { conditions?: Condition[]; startTime?: string; qosClass?: string };
  const at = rfc3339(now);
  const condition = (type: string, ok: boolean): Condition => {
    const status = ok ? 'True' : 'False';
    const prev = old.conditions?.find((c) => c.type === type);
    return { type, status, lastProbeTime: null, lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : at };
  };
  return {
    ...(old.qosClass ? { qosClass: old.qosClass } : {}),
    phase: report.phase,
    conditions: [
      condition('PodReadyToStartContainers', true),
      condition('Initialized', true),
      condition('Ready', report.ready),
      condition('ContainersReady', report.containers.every((c) => c.ready)),
      condition('PodScheduled', true),
    ],
    hostIP,
    hostIPs: [{ ip: hostIP }],
    ...(report.podIP ? { podIP: report.podIP, podIPs: [{ ip: report.podIP }] } : {}),
    startTime: old.startTime ?? at,
    containerStatuses: report.containers.map((c) => ({ ...c, imageID: '', containerID: '' })),
  };
}

/** The n-th usable address of a node's pod CIDR (`127.64.3.0/24`, 0 → .2; .1 is the node's own). */
export function podAddress(podCIDR: string, n: number): string | undefined {
  const [ip, bits] = podCIDR.split('/');
  const size = 2 ** (32 - Number(bits));
  if (n + 2 >= size - 1) return undefined;
  const base = ip.split('.').reduce((a, o) => a * 256 + Number(o), 0) + 2 + n;
  return [24, 16, 8, 0].map((s) => Math.floor(base / 2 ** s) % 256).join('.');
}

/** The address a node itself has in its pod CIDR (the `.1`), used as its hostIP. */
export function nodeAddress(podCIDR: string): string {
  const [ip] = podCIDR.split('/');
  const parts = ip.split('.').map(Number);
  parts[3] += 1;
  return parts.join('.');
}
