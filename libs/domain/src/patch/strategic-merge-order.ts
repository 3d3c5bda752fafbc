import { goValue, hasKey, isJsonMap } from './json-value';
import { SMP, patchUnclassified } from './patch-errors';

/**
 * The list ordering rules of strategic merge patch: after a merge, items named by
 * the patch follow the patch's order, items only on the server keep theirs, and the
 * two are interleaved by the server's order where both are known.
 */

/** 'map' for lists of objects, 'scalar' for lists of strings, numbers or booleans. */
export type ElementKind = 'map' | 'scalar';

const DIRECTIVE = '$patch';

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'slice';
  if (isJsonMap(v)) return 'map';
  return typeof v;
}

/** The one element type of the given lists; mixed types or nested lists are errors. */
export function sliceElementKind(...lists: readonly unknown[][]): ElementKind | undefined {
  let kind: string | undefined;
  for (const list of lists) {
    for (const v of list) {
      const k = kindOf(v);
      if (kind === undefined) {
        if (k === 'slice') throw SMP.noListOfLists();
        kind = k;
      } else if (kind !== k) {
        throw patchUnclassified(`list element types are not identical: ${goValue(lists)}`);
      }
    }
  }
  if (kind === undefined) return undefined;
  return kind === 'map' ? 'map' : 'scalar';
}

/** The position of `value` in `list`: by merge key for maps, by identity for scalars. */
function indexIn(list: readonly unknown[], value: unknown, mergeKey: string, kind: ElementKind): number {
  const keyOf = (item: unknown): unknown => (kind === 'map' ? (isJsonMap(item) ? item[mergeKey] : undefined) : item);
  const wanted = keyOf(value);
  return list.findIndex((item) => keyOf(item) === wanted);
}

export function findByMergeKey(list: readonly unknown[], mergeKey: string, value: unknown): number {
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isJsonMap(item)) throw patchUnclassified(`value for key ${i} is not a map`);
    if (hasKey(item, mergeKey) && item[mergeKey] === value) return i;
  }
  return -1;
}

/** Items without and with `$patch: delete`, in that order. */
export function extractToDeleteItems(list: readonly unknown[]): [unknown[], unknown[]] {
  const keep: unknown[] = [];
  const remove: unknown[] = [];
  for (const v of list) {
    if (!isJsonMap(v)) throw SMP.badArgType('map[string]interface {}', v);
    (v[DIRECTIVE] === 'delete' ? remove : keep).push(v);
  }
  return [keep, remove];
}

function validateMergeKeyInLists(mergeKey: string, ...lists: readonly unknown[][]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isJsonMap(item)) throw SMP.badArgType('map[string]interface {}', item);
      if (!hasKey(item, mergeKey)) throw SMP.noMergeKey(item, mergeKey);
    }
  }
}

/**
 * Go's sort.SliceStable is an insertion sort for short lists; the ordering relation
 * here is not a strict order when an item is missing from `order`, so the exact
 * algorithm matters for agreeing with the server.
 */
function stableSortBy(items: unknown[], less: (a: unknown, b: unknown) => boolean): unknown[] {
  const out = [...items];
  for (let i = 1; i < out.length; i++) {
    for (let j = i; j > 0 && less(out[j], out[j - 1]); j--) {
      [out[j], out[j - 1]] = [out[j - 1], out[j]];
    }
  }
  return out;
}

function normalizeSliceOrder(toSort: unknown[], order: readonly unknown[], mergeKey: string, kind: ElementKind): unknown[] {
  let deletions: unknown[] = [];
  if (kind === 'map') {
    validateMergeKeyInLists(mergeKey, toSort, order as unknown[]);
    [toSort, deletions] = extractToDeleteItems(toSort);
  }
  const sorted = stableSortBy(toSort, (a, b) => {
    const ia = indexIn(order, a, mergeKey, kind);
    if (ia >= 0) {
      const ib = indexIn(order, b, mergeKey, kind);
      if (ib >= 0) return ia < ib;
    }
    return true;
  });
  return [...sorted, ...deletions];
}

/** Inserts the server-only items among the patch items, keeping each side's own order. */
function mergeSortedSlice(left: unknown[], right: unknown[], serverOrder: readonly unknown[], mergeKey: string, kind: ElementKind): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i], mergeKey, kind);
      const ri = indexIn(serverOrder, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

export function normalizeElementOrder(
  patchItems: unknown[],
  serverOnly: unknown[],
  patchOrder: readonly unknown[],
  serverOrder: readonly unknown[],
  mergeKey: string,
  kind: ElementKind,
): unknown[] {
  const patchSorted = normalizeSliceOrder(patchItems, patchOrder, mergeKey, kind);
  const serverSorted = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(serverSorted, patchSorted, serverOrder, mergeKey, kind);
}

/** Splits `merged` into the items present in `by` and the rest. */
export function partitionByPresence(merged: readonly unknown[], by: readonly unknown[], mergeKey: string): [unknown[], unknown[]] {
  const present: unknown[] = [];
  const absent: unknown[] = [];
  if (!mergeKey) {
    const set = new Set(by);
    for (const v of merged) (set.has(v) ? present : absent).push(v);
    return [present, absent];
  }
  for (const v of merged) {
    if (!isJsonMap(v)) throw SMP.badArgType('map[string]interface {}', v);
    if (!hasKey(v, mergeKey)) throw SMP.noMergeKey(v, mergeKey);
    (findByMergeKey(by, mergeKey, v[mergeKey]) >= 0 ? present : absent).push(v);
  }
  return [present, absent];
}
