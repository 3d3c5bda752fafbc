import type { StatusCause } from '../meta/types';

/**
 * A field-level validation error, formatted exactly as apimachinery's `field.Error`
 * so messages built from it read like the real server's.
 */
export type FieldErrorType = 'FieldValueInvalid' | 'FieldValueRequired' | 'FieldValueForbidden';

export interface FieldError {
  type: FieldErrorType;
  /** The field path as Go prints it (`spec.selector.matchExpressions[0].key`), `<nil>` for none. */
  field: string;
  badValue?: unknown;
  detail: string;
}

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueInvalid: 'Invalid value',
  FieldValueRequired: 'Required value',
  FieldValueForbidden: 'Forbidden',
};

export function fieldInvalid(field: string, badValue: unknown, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field, badValue, detail };
}

export function fieldRequired(field: string, detail: string): FieldError {
  return { type: 'FieldValueRequired', field, detail };
}

export function fieldForbidden(field: string, detail: string): FieldError {
  return { type: 'FieldValueForbidden', field, detail };
}

/** Go's `%q` for the strings these messages carry. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

function badValueText(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
    return `[]string{${v.map((x) => goQuote(x)).join(', ')}}`;
  }
  return JSON.stringify(v);
}

/** The message without the field name: what a `StatusCause.message` carries. */
export function fieldErrorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type];
  if (e.type === 'FieldValueInvalid') s += `: ${badValueText(e.badValue)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

export function fieldErrorString(e: FieldError): string {
  return `${e.field}: ${fieldErrorBody(e)}`;
}

/** Several errors as Go's aggregate prints them: one alone, or `[a, b]` (duplicates dropped). */
export function aggregateString(errors: readonly FieldError[]): string {
  const unique = [...new Set(errors.map(fieldErrorString))];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

export function toStatusCause(e: FieldError): StatusCause {
  return { reason: e.type, message: fieldErrorBody(e), field: e.field };
}
