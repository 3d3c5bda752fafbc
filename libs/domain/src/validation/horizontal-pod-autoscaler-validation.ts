import type { StatusCause } from '../meta/types';
import { forbidden, invalid, notSupported, required } from './field-errors';
import { FieldPath } from './field-path';
import { goLiteral } from './go-format';
import { asArray, asNumber, asRecord, asString, asText, isRecord } from './json-access';
import { isDNS1123Label, isValidPathSegmentName, nameIsDNSSubdomain } from './name-rules';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta-validation';
import { tryParseQuantityExact } from './quantity';
import { validateContainerResourceName } from './resources-validation';

const METRIC_SOURCE_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
const SELECT_POLICIES = ['Disabled', 'Max', 'Min'];
const POLICY_TYPES = ['Percent', 'Pods'];
const MAX_PERIOD_SECONDS = 1800;
const MAX_STABILIZATION_WINDOW_SECONDS = 3600;

/** scaleTargetRef and describedObject: both parts name URL path segments. */
function validateCrossVersionObjectReference(ref: unknown, path: FieldPath): StatusCause[] {
  const r = asRecord(ref);
  const errs: StatusCause[] = [];
  for (const f of ['kind', 'name']) {
    const v = asString(r[f]);
    if (!v) errs.push(required(path.child(f)));
    else for (const msg of isValidPathSegmentName(v)) errs.push(invalid(path.child(f), v, msg));
  }
  return errs;
}

function positive(v: unknown): boolean | undefined {
  if (v === undefined || v === null) return undefined;
  const q = typeof v === 'string' || typeof v === 'number' ? tryParseQuantityExact(v) : undefined;
  return q !== undefined && q.nanos > 0n;
}

function validateMetricTarget(target: unknown, path: FieldPath): StatusCause[] {
  const t = asRecord(target);
  const errs: StatusCause[] = [];
  const type = asString(t.type);
  if (!type) errs.push(required(path.child('type'), 'must specify a metric target type'));
  if (!['Utilization', 'Value', 'AverageValue'].includes(type)) {
    errs.push(invalid(path.child('type'), type, 'must be either Utilization, Value, or AverageValue'));
  }
  for (const f of ['value', 'averageValue']) {
    if (positive(t[f]) === false) errs.push(invalid(path.child(f), goLiteral(asText(t[f])), 'must be positive'));
  }
  const util = asNumber(t.averageUtilization);
  if (util !== undefined && util < 1) errs.push(invalid(path.child('averageUtilization'), util, 'must be greater than 0'));
  return errs;
}

function validateMetricIdentifier(id: unknown, path: FieldPath): StatusCause[] {
  const name = asString(asRecord(id).name);
  if (!name) return [required(path.child('name'), 'must specify a metric name')];
  return isValidPathSegmentName(name).map((msg) => invalid(path.child('name'), name, msg));
}

function validateSource(kind: string, src: Record<string, unknown>, path: FieldPath): StatusCause[] {
  const target = asRecord(src.target);
  const tp = path.child('target');
  const errs: StatusCause[] = [];
  switch (kind) {
    case 'object':
      errs.push(...validateCrossVersionObjectReference(src.describedObject, path.child('describedObject')));
      errs.push(...validateMetricIdentifier(src.metric, path.child('metric')));
      errs.push(...validateMetricTarget(target, tp));
      if (target.value === undefined && target.averageValue === undefined) {
        errs.push(required(tp.child('averageValue'), 'must set either a target value or averageValue'));
      }
      break;
    case 'external':
      errs.push(...validateMetricIdentifier(src.metric, path.child('metric')));
      errs.push(...validateMetricTarget(target, tp));
      if (target.value === undefined && target.averageValue === undefined) {
        errs.push(required(tp.child('averageValue'), 'must set either a target value for metric or a per-pod target'));
      }
      if (target.value !== undefined && target.averageValue !== undefined) {
        errs.push(forbidden(tp.child('value'), 'may not set both a target value for metric and a per-pod target'));
      }
      break;
    case 'pods':
      errs.push(...validateMetricIdentifier(src.metric, path.child('metric')));
      errs.push(...validateMetricTarget(target, tp));
      if (target.averageValue === undefined) errs.push(required(tp.child('averageValue'), 'must specify a positive target averageValue'));
      break;
    case 'resource':
    case 'containerResource': {
      const name = asString(src.name);
      if (!name) errs.push(required(path.child('name'), 'must specify a resource name'));
      else if (kind === 'containerResource') errs.push(...validateContainerResourceName(name, path.child('name')));
      if (kind === 'containerResource') {
        const container = asString(src.container);
        if (!container) errs.push(required(path.child('container'), 'must specify a container'));
        else for (const msg of isDNS1123Label(container)) errs.push(invalid(path.child('container'), container, msg));
      }
      errs.push(...validateMetricTarget(target, tp));
      if (target.averageUtilization === undefined && target.averageValue === undefined) {
        errs.push(required(tp.child('averageUtilization'), 'must set either a target raw value or a target utilization'));
      }
      if (target.averageUtilization !== undefined && target.averageValue !== undefined) {
        errs.push(forbidden(tp.child('averageValue'), 'may not set both a target raw value and a target utilization'));
      }
      break;
    }
  }
  return errs;
}

const SOURCE_FIELD: Record<string, string> = {
  Object: 'object', Pods: 'pods', Resource: 'resource', External: 'external', ContainerResource: 'containerResource',
};

function validateMetricSpec(metric: unknown, path: FieldPath): StatusCause[] {
  const m = asRecord(metric);
  const type = asString(m.type);
  const errs: StatusCause[] = [];
  if (!type) errs.push(required(path.child('type'), 'must specify a metric source type'));
  if (!METRIC_SOURCE_TYPES.includes(type)) errs.push(notSupported(path.child('type'), type, METRIC_SOURCE_TYPES));
  const present = ['object', 'external', 'pods', 'resource', 'containerResource'].filter((f) => isRecord(m[f]));
  if (present.length > 0) errs.push(...validateSource(present[0], m[present[0]] as Record<string, unknown>, path.child(present[0])));
  const expected = SOURCE_FIELD[type];
  if (expected && !isRecord(m[expected])) {
    errs.push(required(path.child(expected), 'must populate information for the given metric source'));
  } else if (!expected && type) {
    errs.push(notSupported(path.child('type'), type, METRIC_SOURCE_TYPES));
  }
  if (present.length > 1) {
    for (const f of present) if (f !== expected) errs.push(forbidden(path.child(f), 'must populate the given metric source only'));
  }
  return errs;
}

function validateScalingRules(rules: unknown, path: FieldPath): StatusCause[] {
  if (!isRecord(rules)) return [];
  const errs: StatusCause[] = [];
  const window = asNumber(rules.stabilizationWindowSeconds);
  if (window !== undefined && window < 0) {
    errs.push(invalid(path.child('stabilizationWindowSeconds'), window, 'must be greater than or equal to zero'));
  }
  if (window !== undefined && window > MAX_STABILIZATION_WINDOW_SECONDS) {
    errs.push(invalid(path.child('stabilizationWindowSeconds'), window, `must be less than or equal to ${MAX_STABILIZATION_WINDOW_SECONDS}`));
  }
  if (rules.selectPolicy !== undefined && !SELECT_POLICIES.includes(asString(rules.selectPolicy))) {
    errs.push(notSupported(path.child('selectPolicy'), asString(rules.selectPolicy), SELECT_POLICIES));
  }
  const policies = asArray(rules.policies);
  if (policies.length === 0) errs.push(required(path.child('policies'), 'must specify at least one Policy'));
  policies.forEach((raw, i) => {
    const p = asRecord(raw);
    const pp = path.child('policies').index(i);
    const type = asString(p.type);
    if (!POLICY_TYPES.includes(type)) errs.push(notSupported(pp.child('type'), type, POLICY_TYPES));
    const value = asNumber(p.value) ?? 0;
    if (value <= 0) errs.push(invalid(pp.child('value'), value, 'must be greater than zero'));
    const period = asNumber(p.periodSeconds) ?? 0;
    if (period <= 0) errs.push(invalid(pp.child('periodSeconds'), period, 'must be greater than zero'));
    if (period > MAX_PERIOD_SECONDS) errs.push(invalid(pp.child('periodSeconds'), period, `must be less than or equal to ${MAX_PERIOD_SECONDS}`));
  });
  return errs;
}

function validateHPASpec(specValue: unknown, path: FieldPath): StatusCause[] {
  const spec = asRecord(specValue);
  const errs: StatusCause[] = [];
  const min = asNumber(spec.minReplicas);
  const max = asNumber(spec.maxReplicas) ?? 0;
  if (min !== undefined && min < 1) errs.push(invalid(path.child('minReplicas'), min, 'must be greater than or equal to 1'));
  if (max < 1) errs.push(invalid(path.child('maxReplicas'), max, 'must be greater than 0'));
  if (min !== undefined && max < min) errs.push(invalid(path.child('maxReplicas'), max, 'must be greater than or equal to `minReplicas`'));
  errs.push(...validateCrossVersionObjectReference(spec.scaleTargetRef, path.child('scaleTargetRef')));
  asArray(spec.metrics).forEach((m, i) => errs.push(...validateMetricSpec(m, path.child('metrics').index(i))));
  if (isRecord(spec.behavior)) {
    errs.push(...validateScalingRules(spec.behavior.scaleUp, path.child('behavior', 'scaleUp')));
    errs.push(...validateScalingRules(spec.behavior.scaleDown, path.child('behavior', 'scaleDown')));
  }
  return errs;
}

export function validateHorizontalPodAutoscaler(obj: Record<string, unknown>): StatusCause[] {
  const errs = validateObjectMeta(asRecord(obj.metadata), { namespaced: true, nameFn: nameIsDNSSubdomain });
  errs.push(...validateHPASpec(obj.spec, FieldPath.root('spec')));
  return errs;
}

export function validateHorizontalPodAutoscalerUpdate(obj: Record<string, unknown>, old: Record<string, unknown>): StatusCause[] {
  const errs = validateObjectMetaUpdate(asRecord(obj.metadata), asRecord(old.metadata));
  errs.push(...validateHPASpec(obj.spec, FieldPath.root('spec')));
  return errs;
}
