/** Small helpers over parsed JSON shared by the three patch flavours. */

export type JsonMap = Record<string, unknown>;

export function isJsonMap(v: unknown): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function hasKey(m: JsonMap, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(m, key);
}

/**
 * A member of a decoded JSON map, or undefined: never an Object.prototype member, so a
 * key named `__proto__` or `constructor` reads as the ordinary key it is in JSON.
 */
export function fieldOf(m: JsonMap, key: string): unknown {
  return hasKey(m, key) ? m[key] : undefined;
}

/** Sets a member of a JSON map; `__proto__` becomes an own field instead of replacing the prototype. */
export function setField(m: JsonMap, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(m, key, { value, enumerable: true, writable: true, configurable: true });
  else m[key] = value;
}

/** A deep copy, so applying a patch never changes the caller's document or patch. */
export function cloneJson<T>(v: T): T {
  return v === undefined ? v : structuredClone(v);
}

/** Removes null members of maps, at any depth: a null in new content means "absent". */
export function discardNullValues(v: unknown): void {
  if (isJsonMap(v)) {
    for (const k of Object.keys(v)) {
      if (v[k] === null) delete v[k];
      else discardNullValues(v[k]);
    }
  } else if (Array.isArray(v)) {
    v.forEach(discardNullValues);
  }
}

/** How Go's encoding/json names a JSON value's type in "cannot unmarshal X" errors. */
export function jsonTypeName(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

function sortedKeys(m: JsonMap): string[] {
  return Object.keys(m).sort();
}

/** A value printed as Go's `%v` prints a decoded JSON value: `map[a:1 b:[x y]]`. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (isJsonMap(v)) return `map[${sortedKeys(v).map((k) => `${k}:${goValue(v[k])}`).join(' ')}]`;
  return String(v);
}

/** A decoded JSON value's Go type, as `reflect.TypeOf` prints it in argument-type errors. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '%!s(<nil>)';
  if (Array.isArray(v)) return '[]interface {}';
  if (isJsonMap(v)) return 'map[string]interface {}';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  return 'string';
}
