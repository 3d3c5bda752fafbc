import type { HorizontalPodAutoscaler, HorizontalPodAutoscalerSpec } from '../kinds/horizontal-pod-autoscaler';
import type { Pod } from '../kinds/pod';
import { rfc3339 } from '../lifecycle/object-lifecycle';
import type { PodSample } from '../metrics/resource-metrics';
import type { PodUsages } from './replica-calculator';

/** Builders for the autoscaling tests (not exported from the lib). */

export const T0 = new Date('2025-01-01T00:00:00Z');

export function at(seconds: number): Date {
  return new Date(T0.getTime() + seconds * 1000);
}

export interface HpaPodOptions {
  /** cpu request of container `c`; null = no request. */
  cpu?: string | null;
  phase?: string;
  /** Seconds after T0 the pod started. */
  startedAt?: number;
  /** Ready condition status. */
  ready?: boolean;
  /** Seconds after T0 of the Ready condition's last transition. */
  readySince?: number;
  deleting?: boolean;
  uid?: string;
  labels?: Record<string, string>;
  sidecarCpu?: string;
}

export function hpaPod(name: string, o: HpaPodOptions = {}): Pod {
  const ready = o.ready ?? true;
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: o.uid ?? `uid-${name}`, labels: o.labels ?? { app: 'web' } },
    spec: {
      nodeName: 'node-1',
      containers: [{ name: 'c', image: 'web:1.0', ...(o.cpu === null ? {} : { resources: { requests: { cpu: o.cpu ?? '100m' } } }) }],
      ...(o.sidecarCpu
        ? { initContainers: [{ name: 'side', image: 'host', restartPolicy: 'Always', resources: { requests: { cpu: o.sidecarCpu } } }] }
        : {}),
    },
    status: {
      phase: o.phase ?? 'Running',
      startTime: rfc3339(at(o.startedAt ?? 0)),
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: rfc3339(at(o.readySince ?? 10)) }],
    },
  };
  if (o.deleting) pod.metadata.deletionTimestamp = rfc3339(at(0));
  return pod;
}

/** A sample of `milliCores` for container `c` (and the sidecar when given), measured over 15 s ending `atSeconds`. */
export function sample(pod: Pod, milliCores: number, atSeconds: number, sidecarMilli?: number): PodSample {
  return {
    timestamp: rfc3339(at(atSeconds)),
    windowSeconds: 15,
    node: 'node-1',
    uid: pod.metadata.uid ?? '',
    containers: [
      { name: 'c', usageNanoCores: milliCores * 1_000_000, workingSetBytes: 50 * 1024 * 1024 },
      ...(sidecarMilli !== undefined ? [{ name: 'side', usageNanoCores: sidecarMilli * 1_000_000, workingSetBytes: 1024 * 1024 }] : []),
    ],
  };
}

/** `count` running, ready pods named web-0…, each using `milliCores` of their 100m request, sampled at `atSeconds`. */
export function busyPods(count: number, milliCores: number, atSeconds: number): { pods: Pod[]; usages: Record<string, PodSample> } {
  const pods = Array.from({ length: count }, (_, i) => hpaPod(`web-${i}`));
  const usages: Record<string, PodSample> = {};
  for (const p of pods) usages[p.metadata.name ?? ''] = sample(p, milliCores, atSeconds);
  return { pods, usages };
}

export function usagesOf(entries: [Pod, PodSample | undefined][]): PodUsages {
  return Object.fromEntries(entries.map(([p, s]) => [p.metadata.name ?? '', s]));
}

export function makeHpa(spec: Partial<HorizontalPodAutoscalerSpec> = {}, targetUtilization = 50): HorizontalPodAutoscaler {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web', namespace: 'default', uid: 'hpa-uid' },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 1,
      maxReplicas: 100,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: targetUtilization } } }],
      ...spec,
    },
  };
}

/** spec.behavior as the API server fills it when any behavior is given. */
export function defaultedBehavior(): NonNullable<HorizontalPodAutoscalerSpec['behavior']> {
  return {
    scaleUp: {
      stabilizationWindowSeconds: 0,
      selectPolicy: 'Max',
      policies: [
        { type: 'Pods', value: 4, periodSeconds: 15 },
        { type: 'Percent', value: 100, periodSeconds: 15 },
      ],
    },
    scaleDown: { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
  };
}
