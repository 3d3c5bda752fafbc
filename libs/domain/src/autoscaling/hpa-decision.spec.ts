import type { HorizontalPodAutoscaler, HorizontalPodAutoscalerBehavior } from '../kinds/horizontal-pod-autoscaler';
import { rfc3339 } from '../lifecycle/object-lifecycle';
import { formatHpaMetrics } from '../tables/workload-printers';
import type { HpaRecommendation, HpaScaleEvents } from './hpa-behavior';
import { findHpaCondition } from './hpa-conditions';
import { hpaDecision, hpaRescaleFailed, hpaScaleUnavailable, type HpaDecision, type HpaDecisionInput } from './hpa-decision';
import { at, busyPods, defaultedBehavior, hpaPod, makeHpa, sample, usagesOf } from './hpa-test-fixtures';

const SELECTOR = 'app=web';

/** Decides for `replicas` pods each using `milli` of a 100m request, sampled just before `t`. */
function decide(
  hpa: HorizontalPodAutoscaler,
  replicas: number,
  milli: number,
  t: number,
  history: { recommendations?: HpaRecommendation[]; scaleEvents?: HpaScaleEvents } = {},
  extra: Partial<HpaDecisionInput> = {},
): HpaDecision {
  const { pods, usages } = busyPods(replicas, milli, t - 5);
  return hpaDecision({ hpa, currentReplicas: replicas, selector: SELECTOR, pods, usages, now: at(t), ...history, ...extra });
}

/** The HPA after the worker wrote the decision's status. */
function withStatus(hpa: HorizontalPodAutoscaler, d: HpaDecision): HorizontalPodAutoscaler {
  return { ...hpa, status: d.status };
}

function condition(d: HpaDecision, type: string) {
  return findHpaCondition(d.status.conditions, type);
}

/**
 * Runs the HPA every 15 s from `start` for `syncs` syncs, as a worker would: pods follow the
 * scale instantly and each uses `milliFor(replicas)`. Returns the replica count after each sync.
 */
function run(hpa: HorizontalPodAutoscaler, replicas: number, milliFor: (replicas: number) => number, start: number, syncs: number): number[] {
  let h = hpa;
  let current = replicas;
  let history: { recommendations?: HpaRecommendation[]; scaleEvents?: HpaScaleEvents } = {};
  const out: number[] = [];
  for (let i = 0; i < syncs; i++) {
    const d = decide(h, current, milliFor(current), start + 15 * i, history);
    history = { recommendations: d.recommendations, scaleEvents: d.scaleEvents };
    h = withStatus(h, d);
    if (d.scaleTo !== undefined) current = d.scaleTo;
    out.push(current);
  }
  return out;
}

describe('hpaDecision: metrics and status', () => {
  it('leaves the target alone within the tolerance, and reports the utilization kubectl shows', () => {
    const hpa = makeHpa();
    const d = decide(hpa, 2, 52, 1000);
    expect(d.scaleTo).toBeUndefined();
    expect(d.desiredReplicas).toBe(2);
    expect(d.status).toEqual({
      currentReplicas: 2,
      desiredReplicas: 2,
      currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageValue: '52m', averageUtilization: 52 } } }],
      conditions: [
        {
          type: 'AbleToScale',
          status: 'True',
          lastTransitionTime: rfc3339(at(1000)),
          reason: 'ReadyForNewScale',
          message: 'recommended size matches current size',
        },
        {
          type: 'ScalingActive',
          status: 'True',
          lastTransitionTime: rfc3339(at(1000)),
          reason: 'ValidMetricFound',
          message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
        },
        {
          type: 'ScalingLimited',
          status: 'False',
          lastTransitionTime: rfc3339(at(1000)),
          reason: 'DesiredWithinRange',
          message: 'the desired count is within the acceptable range',
        },
      ],
    });
    expect(d.statusChanged).toBe(true);
    expect(d.events).toEqual([]);
    expect(formatHpaMetrics(hpa.spec?.metrics, d.status.currentMetrics)).toBe('cpu: 52%/50%');
  });

  it('writes nothing new when deciding again on an unchanged world, keeping transition times', () => {
    const hpa = makeHpa();
    const first = decide(hpa, 2, 52, 1000);
    const second = decide(withStatus(hpa, first), 2, 52, 1015, { recommendations: first.recommendations, scaleEvents: first.scaleEvents });
    expect(second.statusChanged).toBe(false);
    expect(second.status).toEqual(first.status);
  });

  it('reports an AverageValue target as the average usage', () => {
    const hpa = makeHpa({ metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'AverageValue', averageValue: '100m' } } }] });
    const d = decide(hpa, 2, 250, 1000);
    expect(d.scaleTo).toBe(4); // 5 wanted, capped at max(2 × 2, 4) without a behavior
    expect(d.status.currentMetrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', current: { averageValue: '250m' } } }]);
    expect(formatHpaMetrics(hpa.spec?.metrics, d.status.currentMetrics)).toBe('cpu: 250m/100m');
    expect(d.events[0].message).toBe('New size: 4; reason: cpu resource above target');
  });

  it('uses the highest proposal of several metrics', () => {
    const hpa = makeHpa({
      metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 100 } } },
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } },
      ],
    });
    const d = decide(hpa, 2, 60, 1000);
    expect(d.scaleTo).toBe(3); // 60% of 50% → ceil(1.2 × 2)
    expect(formatHpaMetrics(hpa.spec?.metrics, d.status.currentMetrics)).toBe('cpu: 60%/100%, cpu: 60%/50%');
  });

  it('fails the metric on a missing cpu request, as Kubernetes words it', () => {
    const hpa = withStatus(makeHpa(), decide(makeHpa(), 2, 52, 1000));
    const pods = [hpaPod('web-0'), hpaPod('web-1', { cpu: null })];
    const usages = usagesOf(pods.map((p) => [p, sample(p, 50, 1010)]));
    const d = hpaDecision({ hpa, currentReplicas: 2, selector: SELECTOR, pods, usages, now: at(1015) });
    expect(d.scaleTo).toBeUndefined();
    const inner = 'failed to get cpu utilization: missing request for cpu in container c of Pod web-1';
    expect(condition(d, 'ScalingActive')).toEqual({
      type: 'ScalingActive',
      status: 'False',
      lastTransitionTime: rfc3339(at(1015)),
      reason: 'FailedGetResourceMetric',
      message: `the HPA was unable to compute the replica count: ${inner}`,
    });
    const full = `invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: ${inner}`;
    expect(d.events).toEqual([
      { type: 'Warning', reason: 'FailedGetResourceMetric', message: inner },
      { type: 'Warning', reason: 'FailedComputeMetricsReplicas', message: full },
    ]);
    expect(d.error).toBe(`failed to compute desired number of replicas based on listed metrics for Deployment/default/web: ${full}`);
    // The status keeps the last desired count; the failed metric leaves an empty slot.
    expect(d.status.desiredReplicas).toBe(2);
    expect(d.status.currentMetrics).toEqual([{ type: '' }]);
    expect(formatHpaMetrics(hpa.spec?.metrics, d.status.currentMetrics)).toBe('cpu: <unknown>/50%');
  });

  it('reports no metrics like an empty resource metrics API', () => {
    const { pods } = busyPods(2, 50, 995);
    const d = hpaDecision({ hpa: makeHpa(), currentReplicas: 2, selector: SELECTOR, pods, usages: {}, now: at(1000) });
    expect(condition(d, 'ScalingActive')?.message).toBe(
      'the HPA was unable to compute the replica count: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API',
    );
  });

  it('sets InvalidSelector when the scale has no selector or a bad one', () => {
    const { pods, usages } = busyPods(2, 50, 995);
    const missing = hpaDecision({ hpa: makeHpa(), currentReplicas: 2, selector: '', pods, usages, now: at(1000) });
    expect(condition(missing, 'ScalingActive')).toMatchObject({ status: 'False', reason: 'InvalidSelector', message: "the HPA target's scale is missing a selector" });
    expect(missing.events.map((e) => e.reason)).toEqual(['SelectorRequired', 'FailedComputeMetricsReplicas']);
    expect(missing.status.currentMetrics).toBeUndefined();

    const bad = hpaDecision({ hpa: makeHpa(), currentReplicas: 2, selector: 'app in (', pods, usages, now: at(1000) });
    expect(condition(bad, 'ScalingActive')).toMatchObject({ status: 'False', reason: 'InvalidSelector' });
    expect(condition(bad, 'ScalingActive')?.message).toMatch(/^couldn't convert selector into a corresponding internal selector object: /);
  });

  it('only counts the pods the selector selects', () => {
    const { pods, usages } = busyPods(2, 52, 995);
    const stranger = hpaPod('other', { labels: { app: 'db' } });
    const d = hpaDecision({
      hpa: makeHpa(),
      currentReplicas: 2,
      selector: SELECTOR,
      pods: [...pods, stranger],
      usages: { ...usages, other: sample(stranger, 900, 995) },
      now: at(1000),
    });
    expect(d.scaleTo).toBeUndefined();
  });

  it('ignores metric types without a metrics API, with a condition, and scales on the others', () => {
    const metrics = [
      { type: 'Pods', pods: { metric: { name: 'requests_per_second' }, target: { type: 'AverageValue', averageValue: '10' } } },
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } },
    ];
    const up = decide(makeHpa({ metrics }), 2, 75, 1000);
    expect(up.scaleTo).toBe(3);
    expect(condition(up, 'ScalingActive')).toMatchObject({ status: 'True', reason: 'ValidMetricFound' });
    expect(up.events.map((e) => e.reason)).toEqual(['FailedGetPodsMetric', 'SuccessfulRescale']);
    expect(up.error).toMatch(/^invalid metrics \(1 invalid out of 2\), first error is: failed to get pods metric value: unable to get metric requests_per_second: /);
    expect(up.status.currentMetrics?.[0]).toEqual({ type: '' });
    expect(formatHpaMetrics(metrics, up.status.currentMetrics)).toBe('<unknown>/10, cpu: 75%/50%');

    // Some metrics failing and the others asking for fewer pods: nothing moves.
    const down = decide(makeHpa({ metrics }), 4, 10, 1000, { recommendations: [] });
    expect(down.scaleTo).toBeUndefined();
    expect(condition(down, 'ScalingActive')).toMatchObject({ status: 'False', reason: 'FailedGetPodsMetric' });

    const only = decide(makeHpa({ metrics: [metrics[0]] }), 2, 75, 1000);
    expect(only.scaleTo).toBeUndefined();
    expect(condition(only, 'ScalingActive')?.message).toBe(
      'the HPA was unable to compute the replica count: unable to get metric requests_per_second: unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered',
    );
  });
});

describe('hpaDecision: scaling up', () => {
  it('scales 2 pods at 250% of the target to 5 (default behavior filled in by the API server)', () => {
    const hpa = makeHpa({ behavior: defaultedBehavior() });
    const d = decide(hpa, 2, 125, 1000);
    expect(d.scaleTo).toBe(5);
    expect(d.rescaleReason).toBe('cpu resource utilization (percentage of request) above target');
    expect(d.events).toEqual([
      { type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 5; reason: cpu resource utilization (percentage of request) above target' },
    ]);
    expect(d.status).toMatchObject({ lastScaleTime: rfc3339(at(1000)), currentReplicas: 2, desiredReplicas: 5 });
    expect(condition(d, 'AbleToScale')).toMatchObject({ reason: 'SucceededRescale', message: 'the HPA controller was able to update the target scale to 5' });
    expect(condition(d, 'ScalingLimited')).toMatchObject({ status: 'False', reason: 'DesiredWithinRange' });
    expect(d.scaleEvents).toEqual({ up: [{ replicaChange: 3, at: at(1000).getTime() }], down: [] });
  });

  it('without a behavior, caps a scale-up at max(2 × current, 4) per sync, as Kubernetes does', () => {
    const hpa = makeHpa();
    const d = decide(hpa, 2, 125, 1000);
    expect(d.scaleTo).toBe(4);
    expect(condition(d, 'ScalingLimited')).toMatchObject({
      status: 'True',
      reason: 'ScaleUpLimit',
      message: 'the desired replica count is increasing faster than the maximum scale rate',
    });
    expect(d.scaleEvents).toEqual({ up: [], down: [] });
    // A load of 2 cores on 100m pods at a 50% target wants 40: 10 → 20 → 40, then it holds.
    expect(run(hpa, 10, (n) => 2000 / n, 1000, 3)).toEqual([20, 40, 40]);
  });

  it('caps a scale-up at the default policies: 4 pods or 100% per 15 s, whichever is more', () => {
    const hpa = makeHpa({ behavior: defaultedBehavior() });
    // 1 pod at 500% of the target wants 10: +4 pods beats +100%.
    expect(decide(hpa, 1, 500, 1000).scaleTo).toBe(5);
    // 10 pods wanting 50: +100% (10) beats +4.
    const d = decide(hpa, 10, 250, 1000);
    expect(d.scaleTo).toBe(20);
    expect(condition(d, 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'ScaleUpLimit' });

    // 5 s later the period's budget is spent: the 20 stay, however hot.
    const soon = decide(withStatus(hpa, d), 20, 250, 1005, { recommendations: d.recommendations, scaleEvents: d.scaleEvents });
    expect(soon.scaleTo).toBeUndefined();
    expect(soon.desiredReplicas).toBe(20);
    expect(condition(soon, 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'ScaleUpLimit' });
    // Once 15 s passed, the next doubling.
    const later = decide(withStatus(hpa, soon), 20, 250, 1016, { recommendations: soon.recommendations, scaleEvents: soon.scaleEvents });
    expect(later.scaleTo).toBe(40);
  });
});

describe('hpaDecision: scaling down', () => {
  it('holds a scale-down for the 300 s stabilization window, then allows it', () => {
    const hpa = makeHpa();
    // 5 pods at 20% of a 50% target want 2 (which then run at 50%).
    const replicas = run(hpa, 5, (n) => (n === 5 ? 20 : 50), 1000, 22);
    // Syncs at 1000 … 1300 s see the initial recommendation (5, at 1000 s) in the window.
    expect(replicas.slice(0, 21)).toEqual(Array(21).fill(5));
    expect(replicas[21]).toBe(2); // 1315 s
  });

  it('says why it holds', () => {
    const hpa = makeHpa();
    const d = decide(hpa, 5, 20, 1000);
    expect(d.scaleTo).toBeUndefined();
    expect(d.desiredReplicas).toBe(5);
    expect(condition(d, 'AbleToScale')).toMatchObject({
      status: 'True',
      reason: 'ScaleDownStabilized',
      message: 'recent recommendations were higher than current one, applying the highest recent recommendation',
    });
    expect(d.recommendations).toEqual([
      { replicas: 5, at: at(1000).getTime() },
      { replicas: 2, at: at(1000).getTime() },
    ]);
  });

  it('uses the behavior’s own window and rate limits', () => {
    const behavior: HorizontalPodAutoscalerBehavior = {
      ...defaultedBehavior(),
      scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 1, periodSeconds: 30 }] },
    };
    // Pods at 10% of a 50% target want 1. Held while the first recommendation (5, at 1000 s)
    // is in the 60 s window (until 1060 s), then 1 pod per 30 s.
    const replicas = run(makeHpa({ behavior }), 5, () => 10, 1000, 12);
    expect(replicas).toEqual([5, 5, 5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });
});

describe('hpaDecision: min and max', () => {
  it('clamps to maxReplicas with ScalingLimited TooManyReplicas', () => {
    const d = decide(makeHpa({ maxReplicas: 4 }), 3, 100, 1000);
    expect(d.scaleTo).toBe(4);
    expect(condition(d, 'ScalingLimited')).toMatchObject({
      status: 'True',
      reason: 'TooManyReplicas',
      message: 'the desired replica count is more than the maximum replica count',
    });
  });

  it('clamps to minReplicas with ScalingLimited TooFewReplicas', () => {
    const old = [{ replicas: 1, at: at(500).getTime() }];
    const d = decide(makeHpa({ minReplicas: 3 }), 4, 5, 1000, { recommendations: old });
    expect(d.scaleTo).toBe(3);
    expect(condition(d, 'ScalingLimited')).toMatchObject({
      status: 'True',
      reason: 'TooFewReplicas',
      message: 'the desired replica count is less than the minimum replica count',
    });
    // The old recommendation's slot was reused.
    expect(d.recommendations).toEqual([{ replicas: 1, at: at(1000).getTime() }]);
  });

  it('brings a target outside min..max back in without reading metrics', () => {
    const above = decide(makeHpa({ maxReplicas: 3 }), 6, 52, 1000);
    expect(above.scaleTo).toBe(3);
    expect(above.events).toEqual([{ type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 3; reason: Current number of replicas above Spec.MaxReplicas' }]);
    expect(above.status.currentMetrics).toBeUndefined();
    const below = decide(makeHpa({ minReplicas: 2 }), 1, 52, 1000);
    expect(below.scaleTo).toBe(2);
    expect(below.rescaleReason).toBe('Current number of replicas below Spec.MinReplicas');
  });

  it('does not autoscale a target scaled to zero', () => {
    const d = hpaDecision({ hpa: makeHpa(), currentReplicas: 0, selector: SELECTOR, pods: [], usages: {}, now: at(1000) });
    expect(d.scaleTo).toBeUndefined();
    expect(d.status.desiredReplicas).toBe(0);
    expect(d.status.currentReplicas).toBeUndefined(); // omitempty
    expect(condition(d, 'ScalingActive')).toMatchObject({
      status: 'False',
      reason: 'ScalingDisabled',
      message: 'scaling is disabled since the replica count of the target is zero',
    });
  });
});

describe('hpaDecision: custom behavior', () => {
  it('selectPolicy Min picks the policy allowing the smallest change', () => {
    const behavior: HorizontalPodAutoscalerBehavior = {
      scaleUp: {
        stabilizationWindowSeconds: 0,
        selectPolicy: 'Min',
        policies: [
          { type: 'Pods', value: 2, periodSeconds: 60 },
          { type: 'Percent', value: 100, periodSeconds: 60 },
        ],
      },
      scaleDown: defaultedBehavior().scaleDown,
    };
    const hpa = makeHpa({ behavior });
    const d = decide(hpa, 4, 250, 1000);
    expect(d.scaleTo).toBe(6); // min(4 + 2, 4 × 2)
    expect(condition(d, 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'ScaleUpLimit' });
    // Within the 60 s period the 2 pods are spent; after it, 2 more.
    const soon = decide(withStatus(hpa, d), 6, 250, 1030, { recommendations: d.recommendations, scaleEvents: d.scaleEvents });
    expect(soon.scaleTo).toBeUndefined();
    const later = decide(withStatus(hpa, soon), 6, 250, 1061, { recommendations: soon.recommendations, scaleEvents: soon.scaleEvents });
    expect(later.scaleTo).toBe(8);
  });

  it('a Pods policy limits a scale-down; selectPolicy Disabled stops it', () => {
    const pods1 = makeHpa({
      behavior: { ...defaultedBehavior(), scaleDown: { stabilizationWindowSeconds: 0, policies: [{ type: 'Pods', value: 1, periodSeconds: 30 }] } },
    });
    const d = decide(pods1, 5, 10, 1000);
    expect(d.scaleTo).toBe(4);
    expect(condition(d, 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'ScaleDownLimit' });
    expect(d.scaleEvents.down).toEqual([{ replicaChange: 1, at: at(1000).getTime() }]);

    const disabled = makeHpa({ behavior: { ...defaultedBehavior(), scaleDown: { stabilizationWindowSeconds: 0, selectPolicy: 'Disabled' } } });
    const held = decide(disabled, 5, 10, 1000);
    expect(held.scaleTo).toBeUndefined();
    expect(condition(held, 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'ScaleDownLimit' });
  });

  it('a scale-up stabilization window takes the lowest recent recommendation', () => {
    const behavior = { ...defaultedBehavior(), scaleUp: { ...defaultedBehavior().scaleUp, stabilizationWindowSeconds: 60 } };
    const hpa = makeHpa({ behavior });
    const d = decide(hpa, 2, 125, 1000, { recommendations: [{ replicas: 3, at: at(980).getTime() }] });
    expect(d.scaleTo).toBe(3);
    expect(condition(d, 'AbleToScale')).toMatchObject({ reason: 'SucceededRescale' });
    const held = decide(hpa, 2, 125, 1000, { recommendations: [{ replicas: 2, at: at(980).getTime() }] });
    expect(held.scaleTo).toBeUndefined();
    expect(condition(held, 'AbleToScale')).toMatchObject({
      reason: 'ScaleUpStabilized',
      message: 'recent recommendations were lower than current one, applying the lowest recent recommendation',
    });
  });

  it('uses the behavior’s tolerance', () => {
    const behavior = { ...defaultedBehavior(), scaleUp: { ...defaultedBehavior().scaleUp, tolerance: '0.5' } };
    expect(decide(makeHpa({ behavior }), 2, 70, 1000).scaleTo).toBeUndefined(); // 140% of target: within +50%
    expect(decide(makeHpa(), 2, 70, 1000).scaleTo).toBe(3);
  });
});

describe('hpaRescaleFailed and hpaScaleUnavailable', () => {
  it('turns AbleToScale False and keeps the last desired count when the scale write fails', () => {
    const hpa = withStatus(makeHpa(), decide(makeHpa(), 2, 52, 985));
    const d = decide(hpa, 2, 125, 1000);
    const failed = hpaRescaleFailed({ hpa, decision: d, error: 'Operation cannot be fulfilled', now: at(1000) });
    expect(failed.status).toMatchObject({ currentReplicas: 2, desiredReplicas: 2 });
    expect(failed.status.lastScaleTime).toBeUndefined();
    expect(findHpaCondition(failed.status.conditions, 'AbleToScale')).toMatchObject({
      status: 'False',
      reason: 'FailedUpdateScale',
      message: 'the HPA controller was unable to update the target scale: Operation cannot be fulfilled',
    });
    expect(failed.events).toEqual([
      { type: 'Warning', reason: 'FailedRescale', message: 'New size: 4; reason: cpu resource utilization (percentage of request) above target; error: Operation cannot be fulfilled' },
    ]);
    expect(failed.statusChanged).toBe(true);
  });

  it('reports a scale that cannot be read', () => {
    const r = hpaScaleUnavailable({ hpa: makeHpa(), error: 'deployments.apps "web" not found', now: at(1000) });
    expect(r.status.conditions).toEqual([
      {
        type: 'AbleToScale',
        status: 'False',
        lastTransitionTime: rfc3339(at(1000)),
        reason: 'FailedGetScale',
        message: `the HPA controller was unable to get the target's current scale: deployments.apps "web" not found`,
      },
    ]);
    expect(r.events).toEqual([{ type: 'Warning', reason: 'FailedGetScale', message: 'deployments.apps "web" not found' }]);
  });
});
