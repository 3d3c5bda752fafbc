import type { StatusCause } from '../meta/types';
import { fieldForbidden, fieldInvalid, fieldRequired, toStatusCause, type FieldError } from './field-error';
import {
  childPath,
  indexPath,
  sortByKey,
  sortStrings,
  type LabelOperator,
  type LabelRequirement,
  type LabelSelectorRequirements,
  type Labels,
} from './label-requirement';
import { isQualifiedName, isValidLabelValue } from '../validation/name-rules';

/** metav1.LabelSelectorRequirement */
export interface LabelSelectorRequirementObject {
  key: string;
  operator: string;
  values?: string[];
}

/** metav1.LabelSelector, the structured selector of Deployments, ReplicaSets, ... */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirementObject[];
}

export type LabelSelectorConversion =
  | { ok: true; requirements: LabelSelectorRequirements }
  | { ok: false; causes: StatusCause[] };

const OPERATORS: Readonly<Record<string, LabelOperator>> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
};

function isKnownOperator(op: string): boolean {
  return Object.prototype.hasOwnProperty.call(OPERATORS, op);
}

function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((msg) => fieldInvalid(path, name, msg));
}

/**
 * Stored objects are decoded JSON that validation may not have seen the right types in
 * (a client can send `"matchLabels": [1]`, which the real server refuses while decoding).
 * Such values are errors here, never exceptions.
 */
function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isAbsent(v: unknown): v is null | undefined {
  return v === null || v === undefined;
}

/** metav1 validation's ValidateLabels: keys and values of a label map, one error per problem. */
export function validateLabels(labels: unknown, path: string): FieldError[] {
  if (isAbsent(labels)) return [];
  if (!isMap(labels)) return [fieldInvalid(path, labels, 'must be a map of string keys to string values')];
  const errors: FieldError[] = [];
  for (const key of sortStrings(Object.keys(labels))) {
    const value: unknown = labels[key];
    errors.push(...validateLabelName(key, path));
    if (typeof value !== 'string') errors.push(fieldInvalid(path, value, 'must be a string'));
    else errors.push(...isValidLabelValue(value).map((msg) => fieldInvalid(path, value, msg)));
  }
  return errors;
}

function validateRequirementObject(expr: LabelSelectorRequirementObject, path: string): FieldError[] {
  if (!isMap(expr)) return [fieldInvalid(path, expr, 'must be an object')];
  const errors: FieldError[] = [];
  const rawValues: unknown = expr.values;
  const values: unknown[] = Array.isArray(rawValues) ? rawValues : [];
  if (!isAbsent(rawValues) && !Array.isArray(rawValues)) errors.push(fieldInvalid(childPath(path, 'values'), rawValues, 'must be a list of strings'));
  switch (expr.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errors.push(fieldRequired(childPath(path, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errors.push(fieldForbidden(childPath(path, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    default:
      errors.push(fieldInvalid(childPath(path, 'operator'), expr.operator, 'not a valid selector operator'));
  }
  if (typeof expr.key !== 'string') errors.push(fieldInvalid(childPath(path, 'key'), expr.key, 'must be a string'));
  else errors.push(...validateLabelName(expr.key, childPath(path, 'key')));
  values.forEach((v, i) => {
    const at = indexPath(childPath(path, 'values'), i);
    if (typeof v !== 'string') errors.push(fieldInvalid(at, v, 'must be a string'));
    else errors.push(...isValidLabelValue(v).map((msg) => fieldInvalid(at, v, msg)));
  });
  return errors;
}

/**
 * ValidateLabelSelector: the field errors of a structured selector, rooted at `path`
 * (e.g. `spec.selector`), ready to become the causes of a 422.
 */
export function validateLabelSelector(selector: LabelSelector | null | undefined, path: string): FieldError[] {
  if (isAbsent(selector)) return [];
  if (!isMap(selector)) return [fieldInvalid(path, selector, 'must be an object')];
  const errors = validateLabels(selector.matchLabels, childPath(path, 'matchLabels'));
  const expressions: unknown = selector.matchExpressions;
  if (isAbsent(expressions)) return errors;
  if (!Array.isArray(expressions)) return [...errors, fieldInvalid(childPath(path, 'matchExpressions'), expressions, 'must be a list')];
  expressions.forEach((expr, i) => {
    errors.push(...validateRequirementObject(expr, indexPath(childPath(path, 'matchExpressions'), i)));
  });
  return errors;
}

/**
 * The requirement list a structured selector stands for (LabelSelectorAsSelector):
 * a missing selector matches nothing (`null`), an empty one matches everything.
 * Invalid selectors yield `StatusCause`s naming the field under `path`.
 */
export function labelSelectorAsRequirements(
  selector: LabelSelector | null | undefined,
  path = 'selector',
): LabelSelectorConversion {
  if (!selector) return { ok: true, requirements: null };
  const errors = validateLabelSelector(selector, path);
  if (errors.length) return { ok: false, causes: errors.map(toStatusCause) };
  const requirements: LabelRequirement[] = [];
  for (const key of sortStrings(Object.keys(selector.matchLabels ?? {}))) {
    requirements.push({ key, operator: '=', values: [(selector.matchLabels as Labels)[key]] });
  }
  for (const expr of selector.matchExpressions ?? []) {
    if (!isKnownOperator(expr.operator)) continue;
    requirements.push({ key: expr.key, operator: OPERATORS[expr.operator], values: [...(expr.values ?? [])] });
  }
  return { ok: true, requirements: sortByKey(requirements) };
}

/** The selector matching exactly a label set (a ReplicationController's map selector). */
export function labelSelectorFromSet(labels: Labels | undefined): LabelRequirement[] {
  return sortStrings(Object.keys(labels ?? {})).map((key) => ({ key, operator: '=' as const, values: [(labels as Labels)[key]] }));
}
