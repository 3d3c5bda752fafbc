import { rfc3339 } from '../lifecycle/object-lifecycle';
import type { KubeObject, ObjectMeta } from '../meta/types';
import type { QualifiedResource } from '../errors/status-error';
import type { ResourceType } from '../resources/registry';
import { formatParsedQuantity } from '../validation/quantity';
import type { ContainerUsage } from './metrics-report';

/**
 * The resource metrics API (`metrics.k8s.io/v1beta1`) as metrics-server serves it:
 * NodeMetrics and PodMetrics, read-only views joining the latest usage sample with the
 * Node or Pod object. They are not stored objects, so they are described here and not
 * in RESOURCE_TYPES (which drives storage, OpenAPI and validation).
 */
export const METRICS_GROUP = 'metrics.k8s.io';
export const METRICS_VERSION = 'v1beta1';
export const METRICS_API_VERSION = `${METRICS_GROUP}/${METRICS_VERSION}`;

/** A served resource that is not stored: only these verbs. */
export type ReadOnlyResourceType = ResourceType & { verbs: string[] };

export const METRICS_RESOURCE_TYPES: readonly ReadOnlyResourceType[] = [
  // metrics-server names no singular for either.
  { group: METRICS_GROUP, version: METRICS_VERSION, kind: 'NodeMetrics', resource: 'nodes', singular: '', namespaced: false, subresources: [], hasStatus: false, verbs: ['get', 'list'] },
  { group: METRICS_GROUP, version: METRICS_VERSION, kind: 'PodMetrics', resource: 'pods', singular: '', namespaced: true, subresources: [], hasStatus: false, verbs: ['get', 'list'] },
];

export function findMetricsResourceType(version: string, resource: string): ReadOnlyResourceType | undefined {
  return METRICS_RESOURCE_TYPES.find((t) => t.version === version && t.resource === resource);
}

/** How metrics-server names them in NotFound errors (`podmetrics.metrics.k8s.io "ns/name" not found`). */
export const NODE_METRICS_RESOURCE: QualifiedResource = { group: METRICS_GROUP, resource: 'nodemetrics' };
export const POD_METRICS_RESOURCE: QualifiedResource = { group: METRICS_GROUP, resource: 'podmetrics' };

/** One usage measurement over a window ending at `timestamp`. */
export interface UsagePoint {
  timestamp: string;
  windowSeconds: number;
  usageNanoCores: number;
  workingSetBytes: number;
}

/** The latest sample of a node, as the API keeps it. */
export type NodeSample = UsagePoint;

/** The latest sample of a pod: which node measured which pod (uid), per container. */
export interface PodSample {
  timestamp: string;
  windowSeconds: number;
  node: string;
  uid: string;
  containers: ContainerUsage[];
}

export interface Usage {
  cpu: string;
  memory: string;
}

export interface NodeMetrics extends KubeObject {
  kind: 'NodeMetrics';
  apiVersion: string;
  metadata: ObjectMeta;
  timestamp: string;
  window: string;
  usage: Usage;
}

export interface PodMetrics extends KubeObject {
  kind: 'PodMetrics';
  apiVersion: string;
  metadata: ObjectMeta;
  timestamp: string;
  window: string;
  containers: { name: string; usage: Usage }[];
}

/** CPU as metrics-server writes it: nanocores, canonical (`12345678n`, `5m`, `2`). */
export function cpuQuantity(nanoCores: number): string {
  return formatParsedQuantity({ nanos: BigInt(Math.max(0, Math.round(nanoCores))), format: 'DecimalSI' });
}

/** Memory as metrics-server writes it: bytes, binary-canonical (`2748180Ki`, `1446445057`). */
export function memoryQuantity(bytes: number): string {
  return formatParsedQuantity({ nanos: BigInt(Math.max(0, Math.round(bytes))) * 1_000_000_000n, format: 'BinarySI' });
}

function trimFraction(digits: string): string {
  const t = digits.replace(/0+$/, '');
  return t ? `.${t}` : '';
}

/** A duration as Go's time.Duration.String() prints it (`15s`, `20.064s`, `1m30s`, `500ms`). */
export function goDuration(seconds: number): string {
  let ns = Math.round(seconds * 1e9);
  if (ns === 0) return '0s';
  const sign = ns < 0 ? '-' : '';
  ns = Math.abs(ns);
  if (ns < 1e9) {
    const [unit, size] = ns < 1e3 ? ['ns', 1] : ns < 1e6 ? ['µs', 1e3] : ['ms', 1e6];
    const whole = Math.floor(ns / size);
    const frac = String(ns % size).padStart(String(size).length - 1, '0');
    return `${sign}${whole}${size > 1 ? trimFraction(frac) : ''}${unit}`;
  }
  const hours = Math.floor(ns / 3600e9);
  const minutes = Math.floor((ns % 3600e9) / 60e9);
  const rest = ns % 60e9;
  const secs = `${Math.floor(rest / 1e9)}${trimFraction(String(rest % 1e9).padStart(9, '0'))}s`;
  if (hours) return `${sign}${hours}h${minutes}m${secs}`;
  if (minutes) return `${sign}${minutes}m${secs}`;
  return `${sign}${secs}`;
}

function metricsMeta(obj: KubeObject, now: Date): ObjectMeta {
  const labels = obj.metadata.labels;
  return {
    name: obj.metadata.name,
    ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
    // metrics-server stamps the time of the request: these objects are made, not stored.
    creationTimestamp: rfc3339(now),
    ...(labels && Object.keys(labels).length ? { labels } : {}),
  };
}

export function nodeMetrics(node: KubeObject, sample: NodeSample, now: Date): NodeMetrics {
  return {
    kind: 'NodeMetrics',
    apiVersion: METRICS_API_VERSION,
    metadata: metricsMeta(node, now),
    timestamp: sample.timestamp,
    window: goDuration(sample.windowSeconds),
    usage: { cpu: cpuQuantity(sample.usageNanoCores), memory: memoryQuantity(sample.workingSetBytes) },
  };
}

/**
 * The PodMetrics of a pod from its latest sample, or undefined when there is none to
 * show: the pod is not Running (metrics-server skips those), or the sample is of another
 * pod of that name (an earlier uid) or came from a node the pod is not bound to.
 */
export function podMetrics(pod: KubeObject, sample: PodSample | undefined, now: Date): PodMetrics | undefined {
  if (!sample) return undefined;
  if ((pod.status as { phase?: string } | undefined)?.phase !== 'Running') return undefined;
  if (sample.uid !== pod.metadata.uid) return undefined;
  if (sample.node !== (pod.spec as { nodeName?: string } | undefined)?.nodeName) return undefined;
  return {
    kind: 'PodMetrics',
    apiVersion: METRICS_API_VERSION,
    metadata: metricsMeta(pod, now),
    timestamp: sample.timestamp,
    window: goDuration(sample.windowSeconds),
    containers: sample.containers.map((c) => ({ name: c.name, usage: { cpu: cpuQuantity(c.usageNanoCores), memory: memoryQuantity(c.workingSetBytes) } })),
  };
}

export function metricsList<T extends NodeMetrics | PodMetrics>(kind: 'NodeMetricsList' | 'PodMetricsList', items: T[]) {
  return { kind, apiVersion: METRICS_API_VERSION, metadata: {}, items };
}

/** A pod's usage as one point (the sum of its containers), for the history kept for charts and the autoscaler. */
export function podUsagePoint(sample: PodSample): UsagePoint {
  let cpu = 0;
  let memory = 0;
  for (const c of sample.containers) {
    cpu += c.usageNanoCores;
    memory += c.workingSetBytes;
  }
  return { timestamp: sample.timestamp, windowSeconds: sample.windowSeconds, usageNanoCores: cpu, workingSetBytes: memory };
}
