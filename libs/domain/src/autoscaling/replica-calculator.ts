import type { Pod } from '../kinds/pod';
import { podMetrics, type PodSample } from '../metrics/resource-metrics';
import { parseQuantityMilli, tryParseQuantityExact } from '../validation/quantity';
import { podReadyCondition, timeMillis } from '../workloads/pod-control';

/**
 * The HorizontalPodAutoscaler's replica calculator (Kubernetes'
 * pkg/controller/podautoscaler/replica_calculator.go and metrics/utilization.go): from the
 * target's pods and their latest usage samples, how many replicas bring the average
 * back to the target. Values are in milli-units, as Kubernetes computes them
 * (millicores for cpu, thousandths of a byte for memory).
 */

/** The kube-controller-manager flags' defaults this calculator and the decision use. */
export const HPA_CONTROLLER_DEFAULTS = {
  /** --horizontal-pod-autoscaler-tolerance: no change while the usage ratio is within ±10%. */
  tolerance: 0.1,
  /** --horizontal-pod-autoscaler-cpu-initialization-period. */
  cpuInitializationPeriodSeconds: 300,
  /** --horizontal-pod-autoscaler-initial-readiness-delay. */
  delayOfInitialReadinessStatusSeconds: 30,
  /** --horizontal-pod-autoscaler-downscale-stabilization. */
  downscaleStabilizationWindowSeconds: 300,
  /** --horizontal-pod-autoscaler-sync-period: how often each HPA is reconciled. */
  syncPeriodSeconds: 15,
} as const;

/** How far the usage ratio may fall below / rise above 1 before the replica count changes. */
export interface HpaTolerances {
  scaleDown: number;
  scaleUp: number;
}

export function withinTolerances(t: HpaTolerances, usageRatio: number): boolean {
  return 1 - t.scaleDown <= usageRatio && usageRatio <= 1 + t.scaleUp;
}

/** The latest usage sample of each pod, by pod name (what the agents pushed; see MetricsStore). */
export type PodUsages = Readonly<Record<string, PodSample | undefined>>;

/** The resources the agents measure; any other resource has no metrics. */
export type MeasuredResource = 'cpu' | 'memory';

/** One pod's usage as the metrics client returns it. */
export interface PodResourceMetric {
  /** Milli-units: millicores, or thousandths of a byte. */
  value: number;
  /** End of the measurement window, epoch milliseconds. */
  timestampMs: number;
  windowMs: number;
}

/** Tuning shared by the calculations (the controller flags). */
export interface ReplicaCalculatorOptions {
  tolerances?: HpaTolerances;
  cpuInitializationPeriodSeconds?: number;
  delayOfInitialReadinessStatusSeconds?: number;
}

export type ReplicaCalculation<T> = ({ ok: true } & T) | { ok: false; error: string };

export interface UtilizationReplicas {
  replicas: number;
  /** Average utilization in percent of the request (rounded down). */
  utilization: number;
  /** Average usage per pod, milli-units. */
  rawAverageMilli: number;
}

export interface RawReplicas {
  replicas: number;
  /** Average usage per pod, milli-units. */
  rawAverageMilli: number;
}

interface CommonInput extends ReplicaCalculatorOptions {
  /** The target's scale spec.replicas. */
  currentReplicas: number;
  /** The pods the target's selector selects. */
  pods: readonly Pod[];
  usages: PodUsages;
  now: Date;
  resource: string;
  /** ContainerResource metrics: only this container's requests and usage. */
  container?: string;
}

export interface ResourceUtilizationInput extends CommonInput {
  /** Target average utilization, percent of the request. */
  targetUtilization: number;
}

export interface RawResourceInput extends CommonInput {
  /** Target average usage per pod, milli-units. */
  targetAverageMilli: number;
}

const MEASURED: Record<MeasuredResource, 'cpu' | 'memory'> = { cpu: 'cpu', memory: 'memory' };

function tolerancesOf(o: ReplicaCalculatorOptions): HpaTolerances {
  return o.tolerances ?? { scaleDown: HPA_CONTROLLER_DEFAULTS.tolerance, scaleUp: HPA_CONTROLLER_DEFAULTS.tolerance };
}

/**
 * The resource metrics API's view of the pods (metrics-server: Running pods whose sample is
 * theirs), summed per pod the way the metrics client sums containers' MilliValue().
 */
export function podResourceMetrics(
  pods: readonly Pod[],
  usages: PodUsages,
  resource: string,
  container: string | undefined,
  now: Date,
): Map<string, PodResourceMetric> {
  const out = new Map<string, PodResourceMetric>();
  const field = MEASURED[resource as MeasuredResource];
  if (!field) return out;
  for (const pod of pods) {
    const name = pod.metadata.name ?? '';
    const sample = usages[name];
    const served = podMetrics(pod, sample, now);
    if (!served || !sample) continue;
    const containers = container === undefined ? served.containers : served.containers.filter((c) => c.name === container);
    // A pod whose metrics lack the container (or have none) is one without metrics.
    if (!containers.length) continue;
    let value = 0;
    for (const c of containers) value += parseQuantityMilli(c.usage[field]);
    const timestampMs = timeMillis(served.timestamp) ?? now.getTime();
    out.set(name, { value, timestampMs, windowMs: sample.windowSeconds * 1000 });
  }
  return out;
}

interface PodGroups {
  readyPodCount: number;
  unready: Set<string>;
  missing: Set<string>;
  ignored: Set<string>;
}

/**
 * groupPods: deleted and Failed pods are ignored; Pending pods, and for cpu pods that are
 * not ready yet in their initialization period or have never been ready, are unready;
 * pods without a sample are missing; the rest count as ready.
 */
function groupPods(
  pods: readonly Pod[],
  metrics: ReadonlyMap<string, PodResourceMetric>,
  resource: string,
  cpuInitializationMs: number,
  delayOfInitialReadinessMs: number,
  now: Date,
): PodGroups {
  const groups: PodGroups = { readyPodCount: 0, unready: new Set(), missing: new Set(), ignored: new Set() };
  for (const pod of pods) {
    const name = pod.metadata.name ?? '';
    if (pod.metadata.deletionTimestamp || pod.status?.phase === 'Failed') {
      groups.ignored.add(name);
      continue;
    }
    if (pod.status?.phase === 'Pending') {
      groups.unready.add(name);
      continue;
    }
    const metric = metrics.get(name);
    if (!metric) {
      groups.missing.add(name);
      continue;
    }
    if (resource === 'cpu') {
      const condition = podReadyCondition(pod);
      const startMs = timeMillis(pod.status?.startTime);
      let unready: boolean;
      if (!condition || startMs === undefined) {
        unready = true;
      } else {
        // A missing transition time is Go's zero time: long ago.
        const transitionMs = timeMillis(condition.lastTransitionTime) ?? Number.NEGATIVE_INFINITY;
        if (startMs + cpuInitializationMs > now.getTime()) {
          // Starting up: skip the sample if not ready, or if it was not measured over a full window since turning ready.
          unready = condition.status === 'False' || metric.timestampMs < transitionMs + metric.windowMs;
        } else {
          // Past start-up: skip only a pod that has never been ready.
          unready = condition.status === 'False' && startMs + delayOfInitialReadinessMs > transitionMs;
        }
      }
      if (unready) {
        groups.unready.add(name);
        continue;
      }
    }
    groups.readyPodCount++;
  }
  return groups;
}

/**
 * Each pod's request for the resource in milli-units: the sum over its containers and
 * sidecars (restartable init containers), or only `container`'s.
 */
function calculateRequests(pods: readonly Pod[], container: string | undefined, resource: string): ReplicaCalculation<{ requests: Map<string, number> }> {
  const requests = new Map<string, number>();
  for (const pod of pods) {
    const name = pod.metadata.name ?? '';
    const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
    let request = 0;
    let found = container === undefined;
    for (const c of containers) {
      if (container !== undefined && c.name !== container) continue;
      const q = c.resources?.requests?.[resource];
      if (q === undefined || tryParseQuantityExact(q) === undefined) {
        return { ok: false, error: `missing request for ${resource} in container ${c.name} of Pod ${name}` };
      }
      request += parseQuantityMilli(q);
      if (container !== undefined) {
        found = true;
        break;
      }
    }
    if (!found) return { ok: false, error: `container ${container} not found in Pod ${name}` };
    requests.set(name, request);
  }
  return { ok: true, requests };
}

/** GetResourceUtilizationRatio: integer percent of the summed requests, and the average raw usage. */
function resourceUtilizationRatio(
  metrics: ReadonlyMap<string, PodResourceMetric>,
  requests: ReadonlyMap<string, number>,
  targetUtilization: number,
): ReplicaCalculation<{ usageRatio: number; utilization: number; rawAverageMilli: number }> {
  let metricsTotal = 0;
  let requestsTotal = 0;
  let entries = 0;
  for (const [name, m] of metrics) {
    const request = requests.get(name);
    if (request === undefined) continue;
    metricsTotal += m.value;
    requestsTotal += request;
    entries++;
  }
  if (requestsTotal === 0) return { ok: false, error: 'no metrics returned matched known pods' };
  const utilization = Math.trunc((metricsTotal * 100) / requestsTotal);
  return { ok: true, usageRatio: utilization / targetUtilization, utilization, rawAverageMilli: Math.trunc(metricsTotal / entries) };
}

/** GetMetricUsageRatio: the average raw usage against the target average. */
function metricUsageRatio(metrics: ReadonlyMap<string, PodResourceMetric>, targetAverageMilli: number): { usageRatio: number; usage: number } {
  let total = 0;
  for (const m of metrics.values()) total += m.value;
  const usage = Math.trunc(total / metrics.size);
  return { usageRatio: usage / targetAverageMilli, usage };
}

function noMetricsError(resource: string): string {
  return `unable to get metrics for resource ${resource}: no metrics returned from resource metrics API`;
}

function prepare(input: CommonInput):
  | { ok: false; error: string }
  | { ok: true; metrics: Map<string, PodResourceMetric>; groups: PodGroups } {
  const metrics = podResourceMetrics(input.pods, input.usages, input.resource, input.container, input.now);
  if (metrics.size === 0) return { ok: false, error: noMetricsError(input.resource) };
  if (input.pods.length === 0) return { ok: false, error: 'no pods returned by selector while calculating replica count' };
  const groups = groupPods(
    input.pods,
    metrics,
    input.resource,
    (input.cpuInitializationPeriodSeconds ?? HPA_CONTROLLER_DEFAULTS.cpuInitializationPeriodSeconds) * 1000,
    (input.delayOfInitialReadinessStatusSeconds ?? HPA_CONTROLLER_DEFAULTS.delayOfInitialReadinessStatusSeconds) * 1000,
    input.now,
  );
  for (const name of [...groups.ignored, ...groups.unready]) metrics.delete(name);
  if (metrics.size === 0) return { ok: false, error: 'did not receive metrics for targeted pods (pods might be unready)' };
  return { ok: true, metrics, groups };
}

/**
 * GetResourceReplicas: the replicas for a target average utilization (percent of request).
 * Within the tolerance the count stays. Pods without metrics count as using 0% on a
 * scale-up and 100% (or the target, if higher) on a scale-down; unready pods count as 0% on
 * a scale-up; and the result is dropped if those assumptions would flip the direction.
 */
export function resourceUtilizationReplicas(input: ResourceUtilizationInput): ReplicaCalculation<UtilizationReplicas> {
  const prepared = prepare(input);
  if (!prepared.ok) return prepared;
  const { metrics, groups } = prepared;
  const req = calculateRequests(input.pods, input.container, input.resource);
  if (!req.ok) return req;
  const { requests } = req;
  const tolerances = tolerancesOf(input);
  const current = input.currentReplicas;

  const first = resourceUtilizationRatio(metrics, requests, input.targetUtilization);
  if (!first.ok) return first;
  const { usageRatio, utilization, rawAverageMilli } = first;
  const stay = { ok: true as const, replicas: current, utilization, rawAverageMilli };

  const scaleUpWithUnready = groups.unready.size > 0 && usageRatio > 1;
  if (!scaleUpWithUnready && groups.missing.size === 0) {
    if (withinTolerances(tolerances, usageRatio)) return stay;
    return { ok: true, replicas: Math.ceil(usageRatio * groups.readyPodCount), utilization, rawAverageMilli };
  }

  if (groups.missing.size > 0) {
    if (usageRatio < 1) {
      const fallback = Math.max(100, input.targetUtilization);
      for (const name of groups.missing) metrics.set(name, { value: Math.trunc(((requests.get(name) ?? 0) * fallback) / 100), timestampMs: 0, windowMs: 0 });
    } else if (usageRatio > 1) {
      for (const name of groups.missing) metrics.set(name, { value: 0, timestampMs: 0, windowMs: 0 });
    }
  }
  if (scaleUpWithUnready) {
    for (const name of groups.unready) metrics.set(name, { value: 0, timestampMs: 0, windowMs: 0 });
  }

  const second = resourceUtilizationRatio(metrics, requests, input.targetUtilization);
  if (!second.ok) return second;
  const newUsageRatio = second.usageRatio;
  if (withinTolerances(tolerances, newUsageRatio) || (usageRatio < 1 && newUsageRatio > 1) || (usageRatio > 1 && newUsageRatio < 1)) {
    return stay;
  }
  const replicas = Math.ceil(newUsageRatio * metrics.size);
  if ((newUsageRatio < 1 && replicas > current) || (newUsageRatio > 1 && replicas < current)) return stay;
  return { ok: true, replicas, utilization, rawAverageMilli };
}

/** {@link resourceUtilizationReplicas} for the pods' CPU (what `kubectl autoscale --cpu-percent` asks for). */
export function cpuUtilizationReplicas(input: Omit<ResourceUtilizationInput, 'resource'>): ReplicaCalculation<UtilizationReplicas> {
  return resourceUtilizationReplicas({ ...input, resource: 'cpu' });
}

/**
 * GetRawResourceReplicas (calcPlainMetricReplicas): the replicas for a target average usage
 * per pod (an AverageValue target). Missing pods count as at the target on a scale-down.
 */
export function rawResourceReplicas(input: RawResourceInput): ReplicaCalculation<RawReplicas> {
  const prepared = prepare(input);
  if (!prepared.ok) return prepared;
  const { metrics, groups } = prepared;
  const tolerances = tolerancesOf(input);
  const current = input.currentReplicas;
  const target = input.targetAverageMilli;

  const { usageRatio, usage } = metricUsageRatio(metrics, target);
  const stay = { ok: true as const, replicas: current, rawAverageMilli: usage };

  const scaleUpWithUnready = groups.unready.size > 0 && usageRatio > 1;
  if (!scaleUpWithUnready && groups.missing.size === 0) {
    if (withinTolerances(tolerances, usageRatio)) return stay;
    return { ok: true, replicas: Math.ceil(usageRatio * groups.readyPodCount), rawAverageMilli: usage };
  }

  if (groups.missing.size > 0) {
    if (usageRatio < 1) {
      for (const name of groups.missing) metrics.set(name, { value: target, timestampMs: 0, windowMs: 0 });
    } else if (usageRatio > 1) {
      for (const name of groups.missing) metrics.set(name, { value: 0, timestampMs: 0, windowMs: 0 });
    }
  }
  if (scaleUpWithUnready) {
    for (const name of groups.unready) metrics.set(name, { value: 0, timestampMs: 0, windowMs: 0 });
  }

  const newUsageRatio = metricUsageRatio(metrics, target).usageRatio;
  if (withinTolerances(tolerances, newUsageRatio) || (usageRatio < 1 && newUsageRatio > 1) || (usageRatio > 1 && newUsageRatio < 1)) {
    return stay;
  }
  const replicas = Math.ceil(newUsageRatio * metrics.size);
  if ((newUsageRatio < 1 && replicas > current) || (newUsageRatio > 1 && replicas < current)) return stay;
  return { ok: true, replicas, rawAverageMilli: usage };
}
