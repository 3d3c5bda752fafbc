import { discardNullValues, goValue, hasKey, isJsonMap, type JsonMap } from './json-value';
import { SMP, patchUnclassified } from './patch-errors';
import { extractToDeleteItems } from './strategic-merge-order';

/** The `$`-keys of strategic merge patch and what they do to the object they sit in. */
export const DIRECTIVE = '$patch';
export const RETAIN_KEYS = '$retainKeys';
export const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';
export const SET_ELEMENT_ORDER = '$setElementOrder';

/** The field a `$deleteFromPrimitiveList/<field>` or `$setElementOrder/<field>` key is about. */
export function directiveField(key: string, prefix: string): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) {
    throw prefix === DELETE_FROM_PRIMITIVE_LIST ? SMP.badPatchFormatForPrimitiveList() : SMP.badPatchFormatForSetElementOrderList();
  }
  return key.slice(slash + 1);
}

/**
 * Drops every map carrying a `$patch` directive (used where a patch value is taken
 * as is, because there is nothing on the server to apply the directive to).
 */
export function removeDirectives(v: unknown): { value: unknown; keep: boolean } {
  if (isJsonMap(v)) {
    if (hasKey(v, DIRECTIVE)) return { value: undefined, keep: false };
    for (const k of Object.keys(v)) {
      const r = removeDirectives(v[k]);
      if (r.keep) v[k] = r.value;
      else delete v[k];
    }
    return { value: v, keep: true };
  }
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (const item of v) {
      const r = removeDirectives(item);
      if (r.keep) out.push(r.value);
    }
    return { value: out, keep: true };
  }
  return { value: v, keep: true };
}

function isDirectiveKey(k: string): boolean {
  return k === DIRECTIVE || k === RETAIN_KEYS || k.startsWith(`${SET_ELEMENT_ORDER}/`) || k.startsWith(`${DELETE_FROM_PRIMITIVE_LIST}/`);
}

/**
 * Content copied from the patch without merging. The real server decodes the result
 * into a typed object, which drops nulls and directive keys; Skiff stores JSON, so
 * it drops them here instead.
 */
export function cleanCopiedValue<T>(v: T): T {
  if (isJsonMap(v)) {
    for (const k of Object.keys(v)) {
      if (v[k] === null || isDirectiveKey(k)) delete v[k];
      else cleanCopiedValue(v[k]);
    }
  } else if (Array.isArray(v)) {
    v.forEach(cleanCopiedValue);
  }
  return v;
}

/** New content for an absent (or differently typed) field, as the server prepares it. */
export function takePatchValue(v: unknown): { value: unknown; keep: boolean } {
  discardNullValues(v);
  const r = removeDirectives(v);
  return r.keep ? { value: cleanCopiedValue(r.value), keep: true } : r;
}

/**
 * `$retainKeys: [...]` clears every key of the original not listed; every key the
 * patch sets must be listed too.
 */
export function applyRetainKeys(original: JsonMap, patch: JsonMap): void {
  if (!hasKey(patch, RETAIN_KEYS)) return;
  const list = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(list)) throw SMP.badPatchFormatForRetainKeys();
  const retained = new Set<unknown>(list);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!retained.has(k)) throw SMP.badPatchFormatForRetainKeys();
  }
  for (const k of Object.keys(original)) {
    if (!retained.has(k)) delete original[k];
  }
}

function mergeKeyValueEqual(left: unknown, right: unknown, mergeKey: string): boolean {
  if (!mergeKey) return left === right;
  if (!isJsonMap(left)) throw SMP.badArgType('map[string]interface {}', left);
  if (!isJsonMap(right)) throw SMP.badArgType('map[string]interface {}', right);
  if (!hasKey(left, mergeKey)) throw SMP.noMergeKey(left, mergeKey);
  if (!hasKey(right, mergeKey)) throw SMP.noMergeKey(right, mergeKey);
  return left[mergeKey] === right[mergeKey];
}

/**
 * The items of a patch list must appear in the same relative order in its
 * `$setElementOrder` list (deletions and directive items aside).
 */
export function validatePatchWithSetOrderList(patchList: readonly unknown[], order: readonly unknown[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  const items = mergeKey ? extractToDeleteItems(patchList)[0] : patchList;
  let p = 0;
  let s = 0;
  while (p < items.length && s < order.length) {
    if (isJsonMap(items[p]) && hasKey(items[p] as JsonMap, DIRECTIVE)) {
      p++;
      continue;
    }
    if (mergeKeyValueEqual(items[p], order[s], mergeKey)) p++;
    s++;
  }
  if (p < items.length && s >= order.length) {
    throw patchUnclassified(
      `The order in patch list:\n${goValue(patchList)}\n doesn't match ${SET_ELEMENT_ORDER} list:\n${goValue(order)}\n`,
    );
  }
}
