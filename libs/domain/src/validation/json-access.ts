/**
 * Objects arrive as decoded JSON that may not match their declared shape; validation
 * must never throw on them. These readers treat a wrongly typed value as absent.
 */

export function asArray<T = unknown>(v: unknown): T[] {
  return Array.isArray(v) ? (v as T[]) : [];
}

export function asRecord<T = unknown>(v: unknown): Record<string, T> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, T>) : {};
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function asString(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Whether `key` is one of the record's own fields (never an Object.prototype member such as `constructor`). */
export function hasOwn(record: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/**
 * Any decoded JSON value as text for a message or a comparison. Unlike String(), it
 * cannot throw: String() fails on a JSON object with a `toString` member
 * (`{"toString": 1}`), which a client may send in place of any string.
 */
export function asText(v: unknown): string {
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

/** A number the API would hold in an int field; undefined when absent or not a number. */
export function asNumber(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export const MAX_INT32 = 2147483647;
