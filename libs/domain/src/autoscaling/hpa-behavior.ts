import type { HorizontalPodAutoscalerBehavior, HPAScalingPolicy, HPAScalingRules } from '../kinds/horizontal-pod-autoscaler';

/**
 * How the HPA turns a metric recommendation into the replica count it writes (Kubernetes'
 * horizontal.go: normalizeDesiredReplicas and normalizeDesiredReplicasWithBehaviors):
 * stabilization over the recent recommendations, then the rate limits and min/max.
 *
 * The controller keeps, per HPA, its recent recommendations and (with a behavior) its
 * recent scale events. Here they are plain data the caller keeps between calls; times are
 * epoch milliseconds so they survive JSON.
 */

/** One unstabilized recommendation. */
export interface HpaRecommendation {
  replicas: number;
  at: number;
}

/** One scale the HPA made: how many pods it added (up) or removed (down). */
export interface HpaScaleEvent {
  replicaChange: number;
  at: number;
  /** Older than the longest policy period when a later event was stored: its slot is reused. */
  outdated?: boolean;
}

export interface HpaScaleEvents {
  up: HpaScaleEvent[];
  down: HpaScaleEvent[];
}

/** Scaling rules with every field filled in. */
export interface ResolvedScalingRules {
  stabilizationWindowSeconds: number;
  selectPolicy: string;
  policies: HPAScalingPolicy[];
}

export interface ResolvedBehavior {
  scaleUp: ResolvedScalingRules;
  scaleDown: ResolvedScalingRules;
}

/** Where normalization ended: the count and the AbleToScale / ScalingLimited conditions it implies. */
export interface NormalizedReplicas {
  replicas: number;
  ableToScale: { reason: string; message: string };
  scalingLimited: { status: 'True' | 'False'; reason: string; message: string };
  recommendations: HpaRecommendation[];
}

const INT32_MAX = 2147483647;
const INT32_MIN = -2147483648;

/** The legacy (no behavior) scale-up cap: max(2 × current, 4). */
const SCALE_UP_LIMIT_FACTOR = 2;
const SCALE_UP_LIMIT_MINIMUM = 4;

const READY_FOR_NEW_SCALE = { reason: 'ReadyForNewScale', message: 'recommended size matches current size' };
const SCALE_DOWN_STABILIZED = {
  reason: 'ScaleDownStabilized',
  message: 'recent recommendations were higher than current one, applying the highest recent recommendation',
};
const SCALE_UP_STABILIZED = {
  reason: 'ScaleUpStabilized',
  message: 'recent recommendations were lower than current one, applying the lowest recent recommendation',
};
const WITHIN_RANGE = { reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };
const SCALE_UP_LIMIT = { reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' };
const SCALE_DOWN_LIMIT = { reason: 'ScaleDownLimit', message: 'the desired replica count is decreasing faster than the maximum scale rate' };
const TOO_MANY = { reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' };
const TOO_FEW = { reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' };

/** The API server's defaults for spec.behavior (GenerateHPAScaleUpRules / GenerateHPAScaleDownRules). */
export function defaultScaleUpRules(): ResolvedScalingRules {
  return {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Pods', value: 4, periodSeconds: 15 },
      { type: 'Percent', value: 100, periodSeconds: 15 },
    ],
  };
}

export function defaultScaleDownRules(downscaleStabilizationWindowSeconds: number): ResolvedScalingRules {
  return {
    stabilizationWindowSeconds: downscaleStabilizationWindowSeconds,
    selectPolicy: 'Max',
    policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
  };
}

function fill(rules: HPAScalingRules | undefined, defaults: ResolvedScalingRules): ResolvedScalingRules {
  return {
    stabilizationWindowSeconds: rules?.stabilizationWindowSeconds ?? defaults.stabilizationWindowSeconds,
    selectPolicy: rules?.selectPolicy ?? defaults.selectPolicy,
    policies: rules?.policies ?? defaults.policies,
  };
}

/**
 * A behavior with every field set, as the API server's defaulting and the controller's
 * maybeInitScaleDownStabilizationWindow leave it (the scale-down window comes from the
 * controller's flag).
 */
export function resolveBehavior(behavior: HorizontalPodAutoscalerBehavior, downscaleStabilizationWindowSeconds: number): ResolvedBehavior {
  return {
    scaleUp: fill(behavior.scaleUp, defaultScaleUpRules()),
    scaleDown: fill(behavior.scaleDown, defaultScaleDownRules(downscaleStabilizationWindowSeconds)),
  };
}

/** Records `replicas` in the list, reusing the slot of the last sample `isOld` picks (or appending). */
function record(recommendations: HpaRecommendation[], isOld: (r: HpaRecommendation) => boolean, replicas: number, nowMs: number): HpaRecommendation[] {
  let oldIndex = -1;
  recommendations.forEach((r, i) => {
    if (isOld(r)) oldIndex = i;
  });
  const next = recommendations.map((r) => ({ ...r }));
  const entry = { replicas, at: nowMs };
  if (oldIndex >= 0) next[oldIndex] = entry;
  else next.push(entry);
  return next;
}

/**
 * normalizeDesiredReplicas (no behavior): the highest recommendation of the downscale
 * stabilization window, then min/max and a scale-up cap of max(2 × current, 4).
 */
export function normalizeReplicasWithoutBehavior(args: {
  recommendations: readonly HpaRecommendation[];
  currentReplicas: number;
  desiredReplicas: number;
  minReplicas: number;
  maxReplicas: number;
  nowMs: number;
  downscaleStabilizationWindowSeconds: number;
}): NormalizedReplicas {
  const { currentReplicas, desiredReplicas, minReplicas, maxReplicas, nowMs } = args;
  const cutoff = nowMs - args.downscaleStabilizationWindowSeconds * 1000;
  let stabilized = desiredReplicas;
  for (const r of args.recommendations) {
    if (r.at >= cutoff && r.replicas > stabilized) stabilized = r.replicas;
  }
  const recommendations = record([...args.recommendations], (r) => r.at < cutoff, desiredReplicas, nowMs);
  const ableToScale = stabilized !== desiredReplicas ? SCALE_DOWN_STABILIZED : READY_FOR_NEW_SCALE;

  // convertDesiredReplicasWithRules
  const scaleUpLimit = Math.trunc(Math.max(SCALE_UP_LIMIT_FACTOR * currentReplicas, SCALE_UP_LIMIT_MINIMUM));
  const maximumAllowed = maxReplicas > scaleUpLimit ? scaleUpLimit : maxReplicas;
  const upLimit = maxReplicas > scaleUpLimit ? SCALE_UP_LIMIT : TOO_MANY;
  let replicas = stabilized;
  let limit = WITHIN_RANGE;
  if (stabilized < minReplicas) {
    replicas = minReplicas;
    limit = TOO_FEW;
  } else if (stabilized > maximumAllowed) {
    replicas = maximumAllowed;
    limit = upLimit;
  }
  return {
    replicas,
    ableToScale,
    scalingLimited: { status: replicas === stabilized ? 'False' : 'True', ...limit },
    recommendations,
  };
}

/** Replicas added (or removed) by the events newer than `periodSeconds`. */
function changeInPeriod(periodSeconds: number, events: readonly HpaScaleEvent[], nowMs: number): number {
  const cutoff = nowMs - periodSeconds * 1000;
  let sum = 0;
  for (const e of events) if (e.at > cutoff) sum += e.replicaChange;
  return sum;
}

/** The most replicas the scale-up policies allow now (each policy counted from its period's start). */
export function scaleUpLimitWithRules(currentReplicas: number, events: HpaScaleEvents, rules: ResolvedScalingRules, nowMs: number): number {
  if (rules.selectPolicy === 'Disabled') return currentReplicas;
  const pickMin = rules.selectPolicy === 'Min';
  let result = pickMin ? INT32_MAX : INT32_MIN;
  for (const policy of rules.policies) {
    const periodStart = currentReplicas - changeInPeriod(policy.periodSeconds, events.up, nowMs) + changeInPeriod(policy.periodSeconds, events.down, nowMs);
    let proposed = result;
    if (policy.type === 'Pods') proposed = periodStart + policy.value;
    // Rounded up: a small percentage of few pods must still add one.
    else if (policy.type === 'Percent') proposed = Math.ceil(periodStart * (1 + policy.value / 100));
    result = pickMin ? Math.min(result, proposed) : Math.max(result, proposed);
  }
  return result;
}

/** The fewest replicas the scale-down policies allow now. */
export function scaleDownLimitWithRules(currentReplicas: number, events: HpaScaleEvents, rules: ResolvedScalingRules, nowMs: number): number {
  if (rules.selectPolicy === 'Disabled') return currentReplicas;
  // For scaling down the smallest change ('Min') is the highest count.
  const pickMax = rules.selectPolicy === 'Min';
  let result = pickMax ? INT32_MIN : INT32_MAX;
  for (const policy of rules.policies) {
    const periodStart = currentReplicas - changeInPeriod(policy.periodSeconds, events.up, nowMs) + changeInPeriod(policy.periodSeconds, events.down, nowMs);
    let proposed = result;
    if (policy.type === 'Pods') proposed = periodStart - policy.value;
    else if (policy.type === 'Percent') proposed = Math.trunc(periodStart * (1 - policy.value / 100));
    result = pickMax ? Math.max(result, proposed) : Math.min(result, proposed);
  }
  return result;
}

/**
 * normalizeDesiredReplicasWithBehaviors: keep the count between the lowest recommendation
 * of the scale-up window and the highest of the scale-down window, then apply the rate
 * policies over the recent scale events and min/max.
 */
export function normalizeReplicasWithBehavior(args: {
  behavior: ResolvedBehavior;
  recommendations: readonly HpaRecommendation[];
  scaleEvents: HpaScaleEvents;
  currentReplicas: number;
  desiredReplicas: number;
  minReplicas: number;
  maxReplicas: number;
  nowMs: number;
}): NormalizedReplicas {
  const { behavior, currentReplicas, desiredReplicas, minReplicas, maxReplicas, nowMs } = args;

  // stabilizeRecommendationWithBehaviors
  const upCutoff = nowMs - behavior.scaleUp.stabilizationWindowSeconds * 1000;
  const downCutoff = nowMs - behavior.scaleDown.stabilizationWindowSeconds * 1000;
  let upRecommendation = desiredReplicas;
  let downRecommendation = desiredReplicas;
  for (const r of args.recommendations) {
    if (r.at > upCutoff) upRecommendation = Math.min(r.replicas, upRecommendation);
    if (r.at > downCutoff) downRecommendation = Math.max(r.replicas, downRecommendation);
  }
  let stabilized = currentReplicas;
  if (stabilized < upRecommendation) stabilized = upRecommendation;
  if (stabilized > downRecommendation) stabilized = downRecommendation;
  const recommendations = record([...args.recommendations], (r) => r.at < upCutoff && r.at < downCutoff, desiredReplicas, nowMs);
  const stabilizedReason = desiredReplicas >= currentReplicas ? SCALE_UP_STABILIZED : SCALE_DOWN_STABILIZED;
  const ableToScale = stabilized !== desiredReplicas ? stabilizedReason : READY_FOR_NEW_SCALE;

  // convertDesiredReplicasWithBehaviorRate
  let replicas = stabilized;
  let limit = WITHIN_RANGE;
  if (stabilized > currentReplicas) {
    const scaleUpLimit = Math.max(scaleUpLimitWithRules(currentReplicas, args.scaleEvents, behavior.scaleUp, nowMs), currentReplicas);
    const maximumAllowed = maxReplicas > scaleUpLimit ? scaleUpLimit : maxReplicas;
    if (stabilized > maximumAllowed) {
      replicas = maximumAllowed;
      limit = maxReplicas > scaleUpLimit ? SCALE_UP_LIMIT : TOO_MANY;
    }
  } else if (stabilized < currentReplicas) {
    const scaleDownLimit = Math.min(scaleDownLimitWithRules(currentReplicas, args.scaleEvents, behavior.scaleDown, nowMs), currentReplicas);
    const minimumAllowed = minReplicas < scaleDownLimit ? scaleDownLimit : minReplicas;
    if (stabilized < minimumAllowed) {
      replicas = minimumAllowed;
      limit = minReplicas < scaleDownLimit ? SCALE_DOWN_LIMIT : TOO_FEW;
    }
  }
  return {
    replicas,
    ableToScale,
    scalingLimited: { status: replicas === stabilized ? 'False' : 'True', ...limit },
    recommendations,
  };
}

function longestPolicyPeriod(rules: ResolvedScalingRules): number {
  return rules.policies.reduce((m, p) => Math.max(m, p.periodSeconds), 0);
}

function store(events: readonly HpaScaleEvent[], longestPeriodSeconds: number, replicaChange: number, nowMs: number): HpaScaleEvent[] {
  const cutoff = nowMs - longestPeriodSeconds * 1000;
  const next = events.map((e) => (e.at < cutoff ? { ...e, outdated: true } : { ...e }));
  let oldIndex = -1;
  next.forEach((e, i) => {
    if (e.outdated) oldIndex = i;
  });
  const entry: HpaScaleEvent = { replicaChange, at: nowMs };
  if (oldIndex >= 0) next[oldIndex] = entry;
  else next.push(entry);
  return next;
}

/** storeScaleEvent: after a successful rescale, remember it (only with a behavior: the legacy path keeps none). */
export function recordScaleEvent(
  behavior: ResolvedBehavior | undefined,
  events: HpaScaleEvents,
  previousReplicas: number,
  newReplicas: number,
  nowMs: number,
): HpaScaleEvents {
  if (!behavior) return events;
  if (newReplicas > previousReplicas) {
    return { up: store(events.up, longestPolicyPeriod(behavior.scaleUp), newReplicas - previousReplicas, nowMs), down: events.down };
  }
  return { up: events.up, down: store(events.down, longestPolicyPeriod(behavior.scaleDown), previousReplicas - newReplicas, nowMs) };
}
