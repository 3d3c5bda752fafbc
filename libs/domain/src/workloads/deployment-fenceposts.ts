import type { IntOrString } from '../kinds/common';
import type { Deployment } from '../kinds/deployment';

/**
 * maxSurge / maxUnavailable arithmetic (intstr.GetScaledValueFromIntOrPercent and
 * deploymentutil.ResolveFenceposts, MaxSurge, MaxUnavailable).
 */

/**
 * GetScaledValueFromIntOrPercent: an int as is, `"N%"` of `total` rounded up or down.
 * `undefined` for an invalid value (a string that is not a percentage).
 */
export function scaledValueFromIntOrPercent(value: IntOrString | undefined | null, total: number, roundUp: boolean): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return Math.trunc(value);
  const m = /^([+-]?\d+)%$/.exec(value);
  if (!m) return undefined;
  const scaled = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/** The resolved fenceposts of a rolling update. */
export interface Fenceposts {
  maxSurge: number;
  maxUnavailable: number;
}

/**
 * ResolveFenceposts: maxSurge rounds percentages up, maxUnavailable rounds them down;
 * missing values count as 0, and if both come to 0 maxUnavailable becomes 1 (surge might
 * be blocked by quota). An invalid value resolves both to 0, as Kubernetes' callers do.
 */
export function resolveFenceposts(maxSurge: IntOrString | undefined, maxUnavailable: IntOrString | undefined, replicas: number): Fenceposts {
  const surge = scaledValueFromIntOrPercent(maxSurge ?? 0, replicas, true);
  const unavailable = scaledValueFromIntOrPercent(maxUnavailable ?? 0, replicas, false);
  if (surge === undefined || unavailable === undefined) return { maxSurge: 0, maxUnavailable: 0 };
  if (surge === 0 && unavailable === 0) return { maxSurge: 0, maxUnavailable: 1 };
  return { maxSurge: surge, maxUnavailable: unavailable };
}

/** spec.replicas, defaulted to 1. */
export function deploymentReplicas(d: Deployment): number {
  return d.spec?.replicas ?? 1;
}

/** The strategy type; the API defaults it to RollingUpdate. */
export function strategyType(d: Deployment): string {
  return d.spec?.strategy?.type ?? 'RollingUpdate';
}

/** IsRollingUpdate. */
export function isRollingUpdate(d: Deployment): boolean {
  return strategyType(d) === 'RollingUpdate';
}

/** MaxSurge: the extra pods a rolling Deployment may run (0 for Recreate). */
export function deploymentMaxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec?.strategy?.rollingUpdate;
  return resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, deploymentReplicas(d)).maxSurge;
}

/** MaxUnavailable: how many of spec.replicas may be unavailable (0 for Recreate or 0 replicas; at most spec.replicas). */
export function deploymentMaxUnavailable(d: Deployment): number {
  const replicas = deploymentReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const ru = d.spec?.strategy?.rollingUpdate;
  return Math.min(resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicas).maxUnavailable, replicas);
}
