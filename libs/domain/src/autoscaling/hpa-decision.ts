import type {
  HorizontalPodAutoscaler,
  HorizontalPodAutoscalerCondition,
  HorizontalPodAutoscalerStatus,
  MetricSpec,
  MetricStatus,
  MetricTarget,
  MetricValueStatus,
} from '../kinds/horizontal-pod-autoscaler';
import type { Pod } from '../kinds/pod';
import { deepEqual, rfc3339 } from '../lifecycle/object-lifecycle';
import { matches, type LabelSelectorRequirements } from '../selectors/label-requirement';
import { parseLabelSelector } from '../selectors/label-selector';
import { formatParsedQuantity, parseQuantityMilli, tryParseQuantityExact } from '../validation/quantity';
import {
  normalizeReplicasWithBehavior,
  normalizeReplicasWithoutBehavior,
  recordScaleEvent,
  resolveBehavior,
  type HpaRecommendation,
  type HpaScaleEvents,
  type NormalizedReplicas,
  type ResolvedBehavior,
} from './hpa-behavior';
import { setHpaCondition } from './hpa-conditions';
import {
  HPA_CONTROLLER_DEFAULTS,
  rawResourceReplicas,
  resourceUtilizationReplicas,
  type HpaTolerances,
  type PodUsages,
} from './replica-calculator';

/**
 * The HorizontalPodAutoscaler controller's decision (Kubernetes' reconcileAutoscaler in
 * pkg/controller/podautoscaler/horizontal.go), pure: given the HPA, its target's scale
 * (replicas and selector), the target's pods and their latest usage samples, and the
 * recommendation and scale-event history the worker keeps per HPA, what to write.
 *
 * Resource and ContainerResource metrics for cpu and memory are computed from the agents'
 * samples; Pods, Object and External metrics need a custom or external metrics API Skiff
 * does not serve, so they fail like an unavailable metrics API does in Kubernetes.
 */

/** The controller's flags (see HPA_CONTROLLER_DEFAULTS). */
export interface HpaControllerOptions {
  tolerance?: number;
  cpuInitializationPeriodSeconds?: number;
  delayOfInitialReadinessStatusSeconds?: number;
  downscaleStabilizationWindowSeconds?: number;
}

export interface HpaDecisionInput {
  hpa: HorizontalPodAutoscaler;
  /** The target's scale: spec.replicas. */
  currentReplicas: number;
  /** The target's scale: status.selector (the label selector as a string). */
  selector: string | undefined;
  /** The pods of the HPA's namespace the selector selects (more is fine: they are filtered). */
  pods: readonly Pod[];
  /** The latest usage sample per pod name. */
  usages: PodUsages;
  now: Date;
  /** What the previous decision returned for this HPA; undefined the first time (and after a restart). */
  recommendations?: readonly HpaRecommendation[];
  /** What the previous decision returned (or, after a failed scale write, what was passed to it). */
  scaleEvents?: HpaScaleEvents;
  options?: HpaControllerOptions;
}

export interface HpaEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

/**
 * What one reconcile of an HPA must do, in order:
 * 1. when `scaleTo` is set, write it as spec.replicas through the target's scale subresource;
 *    if that fails, use {@link hpaRescaleFailed} for steps 2–3 and keep the old scaleEvents;
 * 2. write `status` through /status when `statusChanged`;
 * 3. record `events` on the HPA;
 * 4. keep `recommendations` and `scaleEvents` for the next call (the controller's memory).
 */
export interface HpaDecision {
  /** The replica count to write now; undefined = leave the target alone. */
  scaleTo?: number;
  /** Why it scales (the SuccessfulRescale event's reason). */
  rescaleReason?: string;
  /** status.desiredReplicas. */
  desiredReplicas: number;
  status: HorizontalPodAutoscalerStatus;
  statusChanged: boolean;
  /** Warnings about metrics, then SuccessfulRescale when scaleTo is set. */
  events: HpaEvent[];
  recommendations: HpaRecommendation[];
  scaleEvents: HpaScaleEvents;
  /** Something failed (metrics, selector): log it and retry at the next sync. Scaling may still happen. */
  error?: string;
}

/** What an HPA with no metrics aims for (the API server defaults it). */
const DEFAULT_METRICS: MetricSpec[] = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];

function milliQuantity(milli: number): string {
  return formatParsedQuantity({ nanos: BigInt(Math.trunc(milli)) * 1_000_000n, format: 'DecimalSI' });
}

function quantityFloat(q: string | number | undefined): number | undefined {
  if (q === undefined) return undefined;
  const p = tryParseQuantityExact(q);
  return p ? Number(p.nanos) / 1e9 : undefined;
}

interface MetricContext {
  currentReplicas: number;
  pods: readonly Pod[];
  usages: PodUsages;
  now: Date;
  tolerances: HpaTolerances;
  options: HpaControllerOptions;
  namespace: string;
}

type MetricOutcome =
  | { ok: true; replicas: number; metricName: string; status: MetricStatus }
  | { ok: false; reason: string; message: string; error: string; events: HpaEvent[] };

/** getUnableComputeReplicaCountCondition, and the event it records. */
function unable(reason: string, inner: string, wrapped: string): MetricOutcome {
  return {
    ok: false,
    reason,
    message: `the HPA was unable to compute the replica count: ${inner}`,
    error: wrapped,
    events: [{ type: 'Warning', reason, message: inner }],
  };
}

/** computeStatusForResourceMetricGeneric. */
function resourceMetric(
  ctx: MetricContext,
  resource: string,
  target: MetricTarget,
  container: string | undefined,
): { ok: true; replicas: number; metricName: string; current: MetricValueStatus } | { ok: false; error: string } {
  const calc = {
    currentReplicas: ctx.currentReplicas,
    pods: ctx.pods,
    usages: ctx.usages,
    now: ctx.now,
    resource,
    container,
    tolerances: ctx.tolerances,
    cpuInitializationPeriodSeconds: ctx.options.cpuInitializationPeriodSeconds,
    delayOfInitialReadinessStatusSeconds: ctx.options.delayOfInitialReadinessStatusSeconds,
  };
  if (target.averageValue !== undefined) {
    if (tryParseQuantityExact(target.averageValue) === undefined) return { ok: false, error: `failed to get ${resource} usage: invalid averageValue ${JSON.stringify(target.averageValue)}` };
    const r = rawResourceReplicas({ ...calc, targetAverageMilli: parseQuantityMilli(target.averageValue) });
    if (!r.ok) return { ok: false, error: `failed to get ${resource} usage: ${r.error}` };
    return { ok: true, replicas: r.replicas, metricName: `${resource} resource`, current: { averageValue: milliQuantity(r.rawAverageMilli) } };
  }
  if (target.averageUtilization === undefined) {
    return { ok: false, error: 'invalid resource metric source: neither an average utilization target nor an average value (usage) target was set' };
  }
  const r = resourceUtilizationReplicas({ ...calc, targetUtilization: target.averageUtilization });
  if (!r.ok) return { ok: false, error: `failed to get ${resource} utilization: ${r.error}` };
  const metricName =
    container === undefined
      ? `${resource} resource utilization (percentage of request)`
      : `${resource} container resource utilization (percentage of request)`;
  return {
    ok: true,
    replicas: r.replicas,
    metricName,
    current: { averageValue: milliQuantity(r.rawAverageMilli), averageUtilization: r.utilization },
  };
}

const CUSTOM_METRICS_UNAVAILABLE = 'unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered';
const EXTERNAL_METRICS_UNAVAILABLE = 'unable to fetch metrics from external metrics API: no external metrics API (external.metrics.k8s.io) registered';

/** computeReplicasForMetric: one metric's proposal and status, or why it has none. */
function computeMetric(ctx: MetricContext, spec: MetricSpec): MetricOutcome {
  switch (spec.type) {
    case 'Resource': {
      const src = spec.resource;
      if (!src) return unable('FailedGetResourceMetric', 'missing resource metric source', 'failed to get resource metric value: missing resource metric source');
      const r = resourceMetric(ctx, src.name, src.target ?? { type: '' }, undefined);
      if (!r.ok) return unable('FailedGetResourceMetric', r.error, `failed to get ${src.name} resource metric value: ${r.error}`);
      return { ok: true, replicas: r.replicas, metricName: r.metricName, status: { type: 'Resource', resource: { name: src.name, current: r.current } } };
    }
    case 'ContainerResource': {
      const src = spec.containerResource;
      if (!src) return unable('FailedGetContainerResourceMetric', 'missing container resource metric source', 'failed to get container metric value: missing container resource metric source');
      const r = resourceMetric(ctx, src.name, src.target ?? { type: '' }, src.container);
      if (!r.ok) return unable('FailedGetContainerResourceMetric', r.error, `failed to get ${src.container} container metric value: ${r.error}`);
      return {
        ok: true,
        replicas: r.replicas,
        metricName: r.metricName,
        status: { type: 'ContainerResource', containerResource: { name: src.name, container: src.container, current: r.current } },
      };
    }
    case 'Pods': {
      const name = spec.pods?.metric?.name ?? '';
      const inner = `unable to get metric ${name}: ${CUSTOM_METRICS_UNAVAILABLE}`;
      return unable('FailedGetPodsMetric', inner, `failed to get pods metric value: ${inner}`);
    }
    case 'Object': {
      const o = spec.object;
      const inner = `unable to get metric ${o?.metric?.name ?? ''}: ${o?.describedObject?.kind ?? ''} ${ctx.namespace}/${o?.describedObject?.name ?? ''}: ${CUSTOM_METRICS_UNAVAILABLE}`;
      return unable('FailedGetObjectMetric', inner, `failed to get object metric value: ${inner}`);
    }
    case 'External': {
      const name = spec.external?.metric?.name ?? '';
      const inner = `unable to get external metric ${ctx.namespace}/${name}: ${EXTERNAL_METRICS_UNAVAILABLE}`;
      return unable('FailedGetExternalMetric', inner, `failed to get ${name} external metric value: ${inner}`);
    }
    default: {
      const err = `unknown metric source type ${JSON.stringify(spec.type)}`;
      return unable('InvalidMetricSourceType', err, err);
    }
  }
}

/** tolerancesForHpa: the controller's tolerance, or the behavior's per-direction tolerance. */
function tolerancesFor(hpa: HorizontalPodAutoscaler, tolerance: number): HpaTolerances {
  const b = hpa.spec?.behavior;
  return {
    scaleDown: quantityFloat(b?.scaleDown?.tolerance) ?? tolerance,
    scaleUp: quantityFloat(b?.scaleUp?.tolerance) ?? tolerance,
  };
}

interface StatusParts {
  lastScaleTime?: string;
  currentReplicas: number;
  desiredReplicas: number;
  currentMetrics?: MetricStatus[];
  conditions: HorizontalPodAutoscalerCondition[];
}

/** setStatus: the status is rebuilt from these parts alone, as Kubernetes does (observedGeneration is not kept). */
function buildStatus(p: StatusParts): HorizontalPodAutoscalerStatus {
  return {
    ...(p.lastScaleTime ? { lastScaleTime: p.lastScaleTime } : {}),
    // omitempty, as the API serializes it
    ...(p.currentReplicas ? { currentReplicas: p.currentReplicas } : {}),
    desiredReplicas: p.desiredReplicas,
    ...(p.currentMetrics && p.currentMetrics.length ? { currentMetrics: p.currentMetrics } : {}),
    ...(p.conditions.length ? { conditions: p.conditions } : {}),
  };
}

/** One level-triggered reconcile of a HorizontalPodAutoscaler. */
export function hpaDecision(input: HpaDecisionInput): HpaDecision {
  const { hpa, now, currentReplicas } = input;
  const nowMs = now.getTime();
  const options = input.options ?? {};
  const downscaleWindow = options.downscaleStabilizationWindowSeconds ?? HPA_CONTROLLER_DEFAULTS.downscaleStabilizationWindowSeconds;
  const spec = hpa.spec ?? { scaleTargetRef: { kind: '', name: '' }, maxReplicas: 0 };
  const namespace = hpa.metadata.namespace ?? '';
  const reference = `${spec.scaleTargetRef?.kind ?? ''}/${namespace}/${spec.scaleTargetRef?.name ?? ''}`;
  const original = hpa.status;
  const events: HpaEvent[] = [];
  let conditions = setHpaCondition(
    original?.conditions ?? [],
    'AbleToScale',
    'True',
    'SucceededGetScale',
    "the HPA controller was able to get the target's current scale",
    now,
  );
  let recommendations: HpaRecommendation[] = input.recommendations?.length
    ? input.recommendations.map((r) => ({ ...r }))
    : [{ replicas: currentReplicas, at: nowMs }];
  const scaleEventsIn: HpaScaleEvents = input.scaleEvents ?? { up: [], down: [] };
  const minReplicas = spec.minReplicas ?? 1;
  const maxReplicas = spec.maxReplicas;
  const behavior: ResolvedBehavior | undefined = spec.behavior ? resolveBehavior(spec.behavior, downscaleWindow) : undefined;

  let desiredReplicas = 0;
  let rescale = true;
  let rescaleReason = '';
  let metricStatuses: MetricStatus[] | undefined;
  let error: string | undefined;

  const finish = (extra: Partial<HpaDecision> & { status: HorizontalPodAutoscalerStatus }): HpaDecision => ({
    desiredReplicas: extra.status.desiredReplicas,
    events,
    recommendations,
    scaleEvents: scaleEventsIn,
    ...extra,
    statusChanged: !deepEqual(original ?? {}, extra.status),
    ...(error !== undefined ? { error } : {}),
  });

  if (currentReplicas === 0 && minReplicas !== 0) {
    // Autoscaling is disabled for a target scaled to zero.
    desiredReplicas = 0;
    rescale = false;
    conditions = setHpaCondition(conditions, 'ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero', now);
  } else if (currentReplicas > maxReplicas) {
    rescaleReason = 'Current number of replicas above Spec.MaxReplicas';
    desiredReplicas = maxReplicas;
  } else if (currentReplicas < minReplicas) {
    rescaleReason = 'Current number of replicas below Spec.MinReplicas';
    desiredReplicas = minReplicas;
  } else {
    // computeReplicasForMetrics
    let selector: LabelSelectorRequirements | undefined;
    let selectorError: string | undefined;
    if (!input.selector) {
      events.push({ type: 'Warning', reason: 'SelectorRequired', message: 'selector is required' });
      conditions = setHpaCondition(conditions, 'ScalingActive', 'False', 'InvalidSelector', "the HPA target's scale is missing a selector", now);
      selectorError = 'selector is required';
    } else {
      try {
        selector = parseLabelSelector(input.selector);
      } catch (e) {
        const msg = `couldn't convert selector into a corresponding internal selector object: ${(e as Error).message}`;
        events.push({ type: 'Warning', reason: 'InvalidSelector', message: msg });
        conditions = setHpaCondition(conditions, 'ScalingActive', 'False', 'InvalidSelector', msg, now);
        selectorError = msg;
      }
    }

    let metricDesiredReplicas = -1;
    let metricName = '';
    let metricsError = selectorError;
    if (selector !== undefined) {
      const sel = selector;
      const pods = input.pods.filter(
        (p) => (!namespace || !p.metadata.namespace || p.metadata.namespace === namespace) && matches(sel, p.metadata.labels),
      );
      const ctx: MetricContext = {
        currentReplicas,
        pods,
        usages: input.usages,
        now,
        tolerances: tolerancesFor(hpa, options.tolerance ?? HPA_CONTROLLER_DEFAULTS.tolerance),
        options,
        namespace,
      };
      const specs = spec.metrics?.length ? spec.metrics : DEFAULT_METRICS;
      // A metric that fails leaves its slot empty: kubectl matches statuses to specs by index.
      const statuses: MetricStatus[] = specs.map(() => ({ type: '' }));
      let replicas = 0;
      let invalidCount = 0;
      let firstInvalid: Extract<MetricOutcome, { ok: false }> | undefined;
      specs.forEach((m, i) => {
        const outcome = computeMetric(ctx, m);
        if (!outcome.ok) {
          events.push(...outcome.events);
          if (!firstInvalid) firstInvalid = outcome;
          invalidCount++;
          return;
        }
        statuses[i] = outcome.status;
        if (replicas === 0 || outcome.replicas > replicas) {
          replicas = outcome.replicas;
          metricName = outcome.metricName;
        }
      });
      metricStatuses = statuses;
      const invalidError = firstInvalid ? `invalid metrics (${invalidCount} invalid out of ${specs.length}), first error is: ${firstInvalid.error}` : undefined;
      if (firstInvalid && (invalidCount >= specs.length || replicas < currentReplicas)) {
        // All metrics failed, or some did and the rest would scale down: do nothing.
        conditions = setHpaCondition(conditions, 'ScalingActive', 'False', firstInvalid.reason, firstInvalid.message, now);
        metricsError = invalidError;
      } else {
        conditions = setHpaCondition(
          conditions,
          'ScalingActive',
          'True',
          'ValidMetricFound',
          `the HPA was able to successfully calculate a replica count from ${metricName}`,
          now,
        );
        metricDesiredReplicas = replicas;
        // Some metrics failed but the others scale up: scale, and report the failure.
        if (invalidError) error = invalidError;
      }
    }

    if (metricDesiredReplicas === -1) {
      events.push({ type: 'Warning', reason: 'FailedComputeMetricsReplicas', message: metricsError ?? '' });
      error = `failed to compute desired number of replicas based on listed metrics for ${reference}: ${metricsError ?? ''}`;
      const status = buildStatus({
        lastScaleTime: original?.lastScaleTime,
        currentReplicas,
        desiredReplicas: original?.desiredReplicas ?? 0,
        currentMetrics: metricStatuses,
        conditions,
      });
      return finish({ status });
    }

    let rescaleMetric = '';
    if (metricDesiredReplicas > desiredReplicas) {
      desiredReplicas = metricDesiredReplicas;
      rescaleMetric = metricName;
    }
    if (desiredReplicas > currentReplicas) rescaleReason = `${rescaleMetric} above target`;
    if (desiredReplicas < currentReplicas) rescaleReason = 'All metrics below target';

    const normalized: NormalizedReplicas = behavior
      ? normalizeReplicasWithBehavior({
          behavior,
          recommendations,
          scaleEvents: scaleEventsIn,
          currentReplicas,
          desiredReplicas,
          minReplicas,
          maxReplicas,
          nowMs,
        })
      : normalizeReplicasWithoutBehavior({
          recommendations,
          currentReplicas,
          desiredReplicas,
          minReplicas,
          maxReplicas,
          nowMs,
          downscaleStabilizationWindowSeconds: downscaleWindow,
        });
    recommendations = normalized.recommendations;
    conditions = setHpaCondition(conditions, 'AbleToScale', 'True', normalized.ableToScale.reason, normalized.ableToScale.message, now);
    conditions = setHpaCondition(
      conditions,
      'ScalingLimited',
      normalized.scalingLimited.status,
      normalized.scalingLimited.reason,
      normalized.scalingLimited.message,
      now,
    );
    desiredReplicas = normalized.replicas;
    rescale = desiredReplicas !== currentReplicas;
  }

  let scaleEvents = scaleEventsIn;
  let lastScaleTime = original?.lastScaleTime;
  if (rescale) {
    conditions = setHpaCondition(conditions, 'AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desiredReplicas}`, now);
    events.push({ type: 'Normal', reason: 'SuccessfulRescale', message: `New size: ${desiredReplicas}; reason: ${rescaleReason}` });
    scaleEvents = recordScaleEvent(behavior, scaleEventsIn, currentReplicas, desiredReplicas, nowMs);
    lastScaleTime = rfc3339(now);
  } else {
    desiredReplicas = currentReplicas;
  }
  const status = buildStatus({ lastScaleTime, currentReplicas, desiredReplicas, currentMetrics: metricStatuses, conditions });
  return finish({
    status,
    scaleEvents,
    ...(rescale ? { scaleTo: desiredReplicas, rescaleReason } : {}),
  });
}

/**
 * The status and events to write instead of the decision's when the scale write failed
 * (the FailedRescale path): AbleToScale turns False, desiredReplicas and lastScaleTime stay
 * as they were. Keep the scaleEvents passed to the decision, not the decision's.
 */
export function hpaRescaleFailed(args: { hpa: HorizontalPodAutoscaler; decision: HpaDecision; error: string; now: Date }): {
  status: HorizontalPodAutoscalerStatus;
  statusChanged: boolean;
  events: HpaEvent[];
} {
  const { hpa, decision, error, now } = args;
  const conditions = setHpaCondition(
    decision.status.conditions ?? [],
    'AbleToScale',
    'False',
    'FailedUpdateScale',
    `the HPA controller was unable to update the target scale: ${error}`,
    now,
  );
  const status = buildStatus({
    lastScaleTime: hpa.status?.lastScaleTime,
    currentReplicas: decision.status.currentReplicas ?? 0,
    desiredReplicas: hpa.status?.desiredReplicas ?? 0,
    currentMetrics: decision.status.currentMetrics,
    conditions,
  });
  const events = decision.events.filter((e) => e.reason !== 'SuccessfulRescale');
  events.push({ type: 'Warning', reason: 'FailedRescale', message: `New size: ${decision.scaleTo}; reason: ${decision.rescaleReason ?? ''}; error: ${error}` });
  return { status, statusChanged: !deepEqual(hpa.status ?? {}, status), events };
}

/**
 * The status and event when the target's scale cannot be read (FailedGetScale): the
 * decision cannot run; the recommendations and scale events stay as they are.
 */
export function hpaScaleUnavailable(args: { hpa: HorizontalPodAutoscaler; error: string; now: Date }): {
  status: HorizontalPodAutoscalerStatus;
  statusChanged: boolean;
  events: HpaEvent[];
} {
  const { hpa, error, now } = args;
  const conditions = setHpaCondition(
    hpa.status?.conditions ?? [],
    'AbleToScale',
    'False',
    'FailedGetScale',
    `the HPA controller was unable to get the target's current scale: ${error}`,
    now,
  );
  const status: HorizontalPodAutoscalerStatus = { ...(hpa.status ?? { desiredReplicas: 0 }), conditions };
  return { status, statusChanged: !deepEqual(hpa.status ?? {}, status), events: [{ type: 'Warning', reason: 'FailedGetScale', message: error }] };
}
