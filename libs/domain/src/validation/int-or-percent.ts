import type { StatusCause } from '../meta/types';
import { invalid, validateNonnegativeField } from './field-errors';
import type { FieldPath } from './field-path';
import { goLiteral, type GoLiteral } from './go-format';
import { isValidPercent } from './name-rules';
import { asText } from './json-access';

/** intstr values print through their String() method: `25%`, `0` (no quotes). */
export function intOrStringValue(v: unknown): GoLiteral {
  return goLiteral(v === undefined || v === null ? '0' : asText(v));
}

export function validatePositiveIntOrPercent(v: unknown, path: FieldPath): StatusCause[] {
  if (typeof v === 'string') return isValidPercent(v).map((msg) => invalid(path, intOrStringValue(v), msg));
  if (typeof v === 'number') return validateNonnegativeField(v, path);
  if (v === undefined || v === null) return [];
  return [invalid(path, intOrStringValue(v), "must be an integer or percentage (e.g '5%%')")];
}

function percentValue(v: unknown): number | undefined {
  if (typeof v !== 'string' || isValidPercent(v).length) return undefined;
  return Number(v.slice(0, -1));
}

/** The number an int-or-percent holds: 5 for `5`, 25 for `25%`, 0 otherwise. */
export function intOrPercentValue(v: unknown): number {
  const p = percentValue(v);
  if (p !== undefined) return p;
  return typeof v === 'number' ? v : 0;
}

export function isNotMoreThan100Percent(v: unknown, path: FieldPath): StatusCause[] {
  const p = percentValue(v);
  return p !== undefined && p > 100 ? [invalid(path, intOrStringValue(v), 'must not be greater than 100%')] : [];
}
