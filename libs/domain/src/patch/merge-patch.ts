import { cloneJson, discardNullValues, fieldOf, isJsonMap, setField, type JsonMap } from './json-value';
import { patchBadRequest, patchResultNotObject } from './patch-errors';

/**
 * RFC 7386 on already-copied values: null deletes, objects merge recursively, anything
 * else replaces. A replacing list keeps no null members in its objects: the server's
 * library prunes them, and decoding into the typed object would drop them anyway.
 */
function mergeInto(target: unknown, patch: unknown): unknown {
  if (!isJsonMap(patch)) {
    discardNullValues(patch);
    return patch;
  }
  const out: JsonMap = isJsonMap(target) ? target : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else setField(out, key, mergeInto(fieldOf(out, key), value));
  }
  return out;
}

/**
 * Applies a JSON merge patch (`application/merge-patch+json`) to a copy of `doc`.
 * A null or scalar patch is the server's 400 "Invalid JSON Patch"; an array patch
 * replaces the document and so fails to decode as an object (422).
 */
export function applyMergePatch<T>(doc: T, patch: unknown): T {
  if (patch === null || (typeof patch !== 'object' && !Array.isArray(patch))) {
    throw patchBadRequest('Invalid JSON Patch');
  }
  const result = mergeInto(cloneJson(doc), cloneJson(patch));
  if (!isJsonMap(result)) throw patchResultNotObject(result);
  return result as T;
}
