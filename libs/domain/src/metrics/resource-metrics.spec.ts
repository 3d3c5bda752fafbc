import type { KubeObject } from '../meta/types';
import { metricsTable } from './metrics-table';
import { cpuQuantity, goDuration, memoryQuantity, metricsList, nodeMetrics, podMetrics, podUsagePoint, type PodSample } from './resource-metrics';

const now = new Date('2026-01-02T03:04:05.678Z');

describe('resource metrics objects', () => {
  it('writes CPU as canonical nanocores and memory as binary-canonical bytes, as metrics-server does', () => {
    expect(cpuQuantity(329_087_452)).toBe('329087452n');
    expect(cpuQuantity(5_000_000)).toBe('5m');
    expect(cpuQuantity(12_345_000)).toBe('12345u');
    expect(cpuQuantity(2_000_000_000)).toBe('2');
    expect(cpuQuantity(0)).toBe('0');
    expect(memoryQuantity(2_748_180 * 1024)).toBe('2748180Ki');
    expect(memoryQuantity(64 * 2 ** 20)).toBe('64Mi');
    expect(memoryQuantity(1_446_445_057)).toBe('1446445057');
    expect(memoryQuantity(512)).toBe('512');
  });

  it('prints windows as Go durations', () => {
    expect(goDuration(15)).toBe('15s');
    expect(goDuration(20.064)).toBe('20.064s');
    expect(goDuration(90)).toBe('1m30s');
    expect(goDuration(3600)).toBe('1h0m0s');
    expect(goDuration(0.5)).toBe('500ms');
    expect(goDuration(1.25)).toBe('1.25s');
    expect(goDuration(0)).toBe('0s');
  });

  it('builds NodeMetrics with the node labels and the sample usage', () => {
    const node: KubeObject = { metadata: { name: 'n1', labels: { 'kubernetes.io/hostname': 'n1' }, uid: 'u', resourceVersion: '9' } };
    expect(nodeMetrics(node, { timestamp: '2026-01-02T03:04:00Z', windowSeconds: 15, usageNanoCores: 250_000_000, workingSetBytes: 2 ** 30 }, now)).toEqual({
      kind: 'NodeMetrics',
      apiVersion: 'metrics.k8s.io/v1beta1',
      metadata: { name: 'n1', creationTimestamp: '2026-01-02T03:04:05Z', labels: { 'kubernetes.io/hostname': 'n1' } },
      timestamp: '2026-01-02T03:04:00Z',
      window: '15s',
      usage: { cpu: '250m', memory: '1Gi' },
    });
  });

  const pod: KubeObject = { metadata: { name: 'web', namespace: 'prod', uid: 'uid-1', labels: { app: 'web' } }, spec: { nodeName: 'n1' }, status: { phase: 'Running' } };
  const sample: PodSample = {
    timestamp: '2026-01-02T03:04:00Z',
    windowSeconds: 1.5,
    node: 'n1',
    uid: 'uid-1',
    containers: [
      { name: 'app', usageNanoCores: 1_000_000, workingSetBytes: 10 * 2 ** 20 },
      { name: 'side', usageNanoCores: 3, workingSetBytes: 4096 },
    ],
  };

  it('builds PodMetrics per container', () => {
    expect(podMetrics(pod, sample, now)).toEqual({
      kind: 'PodMetrics',
      apiVersion: 'metrics.k8s.io/v1beta1',
      metadata: { name: 'web', namespace: 'prod', creationTimestamp: '2026-01-02T03:04:05Z', labels: { app: 'web' } },
      timestamp: '2026-01-02T03:04:00Z',
      window: '1.5s',
      containers: [
        { name: 'app', usage: { cpu: '1m', memory: '10Mi' } },
        { name: 'side', usage: { cpu: '3n', memory: '4Ki' } },
      ],
    });
  });

  it('shows no metrics for a pod that is not running, was replaced (other uid) or is on another node', () => {
    expect(podMetrics(pod, undefined, now)).toBeUndefined();
    expect(podMetrics({ ...pod, status: { phase: 'Pending' } }, sample, now)).toBeUndefined();
    expect(podMetrics(pod, { ...sample, uid: 'uid-0' }, now)).toBeUndefined();
    expect(podMetrics(pod, { ...sample, node: 'n2' }, now)).toBeUndefined();
  });

  it('sums a pod into one history point', () => {
    expect(podUsagePoint(sample)).toEqual({ timestamp: sample.timestamp, windowSeconds: 1.5, usageNanoCores: 1_000_003, workingSetBytes: 10 * 2 ** 20 + 4096 });
  });

  it('wraps items in a metrics list', () => {
    expect(metricsList('PodMetricsList', [])).toEqual({ kind: 'PodMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {}, items: [] });
  });
});

describe('resource metrics as a table', () => {
  it('prints name, cpu, memory and window; a pod sums its containers', () => {
    const pod = podMetrics(
      { metadata: { name: 'web', namespace: 'prod', uid: 'u' }, spec: { nodeName: 'n1' }, status: { phase: 'Running' } },
      { timestamp: '2026-01-02T03:04:00Z', windowSeconds: 15, node: 'n1', uid: 'u', containers: [{ name: 'a', usageNanoCores: 1_500_000, workingSetBytes: 2 ** 20 }, { name: 'b', usageNanoCores: 500_000, workingSetBytes: 2 ** 20 }] },
      now,
    )!;
    const table = metricsTable([pod], 'Metadata');
    expect(table.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'cpu', 'memory', 'Window']);
    expect(table.rows[0].cells).toEqual(['web', '2m', '2Mi', '15s']);
    expect(table.rows[0].object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: pod.metadata });
    const node = nodeMetrics({ metadata: { name: 'n1' } }, { timestamp: '2026-01-02T03:04:00Z', windowSeconds: 20.5, usageNanoCores: 3, workingSetBytes: 2048 }, now);
    expect(metricsTable([node], 'None').rows).toEqual([{ cells: ['n1', '3n', '2Ki', '20.5s'], object: null }]);
  });
});
