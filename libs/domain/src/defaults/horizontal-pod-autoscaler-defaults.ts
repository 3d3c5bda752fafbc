import { defaultScaleDownRules, defaultScaleUpRules } from '../autoscaling/hpa-behavior';
import { asArray, isRecord } from '../validation/json-access';

type Obj = Record<string, unknown>;

/** The CPU utilization an HPA with no metrics aims for. */
export const DEFAULT_CPU_UTILIZATION = 80;

/** The API server's scale-up rules (the same the autoscaler resolves an unset behavior to). */
function scaleUpDefaults(): Obj {
  return { ...defaultScaleUpRules() };
}

function scaleDownDefaults(): Obj {
  // The stabilization window stays unset: the controller applies its own 300 s default.
  const { stabilizationWindowSeconds: _unset, ...rules } = defaultScaleDownRules(0);
  return rules;
}

/** Fills what the rules leave unset from the defaults. */
function fillRules(rules: unknown, defaults: Obj): Obj {
  if (!isRecord(rules)) return defaults;
  for (const [k, v] of Object.entries(defaults)) {
    if (rules[k] === undefined || rules[k] === null) rules[k] = v;
  }
  return rules;
}

/** autoscaling/v2 HPA: at least 1 replica, CPU 80% when no metric is given, behavior filled in when present. */
export function defaultHorizontalPodAutoscaler(obj: Obj): void {
  if (!isRecord(obj.spec)) obj.spec = {};
  const spec = obj.spec as Obj;
  if (typeof spec.minReplicas !== 'number') spec.minReplicas = 1;
  if (asArray(spec.metrics).length === 0) {
    spec.metrics = [
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } },
    ];
  }
  if (isRecord(spec.behavior)) {
    spec.behavior.scaleUp = fillRules(spec.behavior.scaleUp, scaleUpDefaults());
    spec.behavior.scaleDown = fillRules(spec.behavior.scaleDown, scaleDownDefaults());
  }
}
