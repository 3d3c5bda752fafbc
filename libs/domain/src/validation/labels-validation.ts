import type { StatusCause } from '../meta/types';
import type { LabelSelector } from '../kinds/common';
import { forbidden, invalid, required, tooLong } from './field-errors';
import type { FieldPath } from './field-path';
import { byteLength, isQualifiedName, isValidLabelValue } from './name-rules';
import { asText } from './json-access';

export const TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024;

export function validateLabelName(name: string, path: FieldPath): StatusCause[] {
  return isQualifiedName(name).map((msg) => invalid(path, name, msg));
}

/** Keys and values of a label map; errors name the map itself, as the server does. */
export function validateLabels(labels: unknown, path: FieldPath): StatusCause[] {
  if (!isStringMap(labels)) return [];
  const errs: StatusCause[] = [];
  for (const [k, v] of Object.entries(labels)) {
    errs.push(...validateLabelName(k, path));
    for (const msg of isValidLabelValue(asText(v))) errs.push(invalid(path, asText(v), msg));
  }
  return errs;
}

/** Annotation keys are qualified names (case-insensitive); all keys and values together fit in 256 KiB. */
export function validateAnnotations(annotations: unknown, path: FieldPath): StatusCause[] {
  if (!isStringMap(annotations)) return [];
  const errs: StatusCause[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations)) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, msg));
    total += byteLength(k) + byteLength(asText(v));
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_BYTES));
  return errs;
}

export function validateLabelSelector(selector: LabelSelector | undefined, path: FieldPath): StatusCause[] {
  if (!selector || typeof selector !== 'object') return [];
  const errs = validateLabels(selector.matchLabels, path.child('matchLabels'));
  const exprs = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  exprs.forEach((expr, i) => {
    const p = path.child('matchExpressions').index(i);
    const values = Array.isArray(expr?.values) ? expr.values : [];
    switch (expr?.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) errs.push(required(p.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) {
          errs.push(forbidden(p.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        }
        break;
      default:
        errs.push(invalid(p.child('operator'), asText(expr?.operator ?? ''), 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(asText(expr?.key ?? ''), p.child('key')));
    // Selector values must be valid label values (LabelSelectorValidationOptions default).
    values.forEach((v, j) => {
      for (const msg of isValidLabelValue(asText(v))) errs.push(invalid(p.child('values').index(j), asText(v), msg));
    });
  });
  return errs;
}

export function isStringMap(v: unknown): v is Record<string, string> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
