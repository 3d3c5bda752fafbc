import type { StatusCause } from '../meta/types';
import type { FieldPath } from './field-path';
import { goQuote, type GoLiteral } from './go-format';

/** The value an error reports: plain JS values print like Go's %q / %v; GoLiteral as given. */
export type BadValue = string | number | boolean | null | undefined | GoLiteral;

export type CauseReason =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueDuplicate'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueNotFound';

function renderValue(v: BadValue): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v.go;
}

function cause(reason: CauseReason, path: FieldPath | string, message: string): StatusCause {
  return { reason, message, field: path.toString() };
}

function withDetail(head: string, detail: string): string {
  return detail ? `${head}: ${detail}` : head;
}

/** field.Required: `Required value[: detail]`. */
export function required(path: FieldPath | string, detail = ''): StatusCause {
  return cause('FieldValueRequired', path, withDetail('Required value', detail));
}

/** field.Invalid: `Invalid value: <value>[: detail]`. */
export function invalid(path: FieldPath | string, value: BadValue, detail = ''): StatusCause {
  return cause('FieldValueInvalid', path, withDetail(`Invalid value: ${renderValue(value)}`, detail));
}

/** field.NotSupported: `Unsupported value: <value>: supported values: "a", "b"`. */
export function notSupported(path: FieldPath | string, value: BadValue, supported: readonly string[]): StatusCause {
  const detail = supported.length ? `supported values: ${supported.map(goQuote).join(', ')}` : '';
  return cause('FieldValueNotSupported', path, withDetail(`Unsupported value: ${renderValue(value)}`, detail));
}

/** field.Duplicate: `Duplicate value: <value>`. */
export function duplicate(path: FieldPath | string, value: BadValue, detail = ''): StatusCause {
  return cause('FieldValueDuplicate', path, withDetail(`Duplicate value: ${renderValue(value)}`, detail));
}

/** field.Forbidden: `Forbidden[: detail]`. */
export function forbidden(path: FieldPath | string, detail = ''): StatusCause {
  return cause('FieldValueForbidden', path, withDetail('Forbidden', detail));
}

/** field.TooLong: the value is never echoed back. */
export function tooLong(path: FieldPath | string, maxBytes: number): StatusCause {
  return cause('FieldValueTooLong', path, `Too long: must have at most ${maxBytes} bytes`);
}

/** field.NotFound: `Not found: <value>`. */
export function notFound(path: FieldPath | string, value: BadValue): StatusCause {
  return cause('FieldValueNotFound', path, `Not found: ${renderValue(value)}`);
}

export const IS_NEGATIVE_ERROR_MSG = 'must be greater than or equal to 0';
export const FIELD_IMMUTABLE_ERROR_MSG = 'field is immutable';

export function validateNonnegativeField(value: number, path: FieldPath): StatusCause[] {
  return value < 0 ? [invalid(path, value, IS_NEGATIVE_ERROR_MSG)] : [];
}

/** The constructors as one object, for callers outside this folder. */
export const FieldErrors = { required, invalid, notSupported, duplicate, forbidden, tooLong, notFound };
