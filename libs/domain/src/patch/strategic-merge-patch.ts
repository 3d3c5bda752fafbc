import { cloneJson, hasKey, isJsonMap, jsonTypeName, setField, type JsonMap } from './json-value';
import { SMP, patchBadRequest, patchUnclassified, patchResultNotObject } from './patch-errors';
import type { PatchMeta, PatchMetaLookup } from './patch-meta';
import {
  DELETE_FROM_PRIMITIVE_LIST,
  DIRECTIVE,
  SET_ELEMENT_ORDER,
  applyRetainKeys,
  cleanCopiedValue,
  directiveField,
  takePatchValue,
  validatePatchWithSetOrderList,
} from './strategic-merge-directives';
import { findByMergeKey, normalizeElementOrder, partitionByPresence, sliceElementKind } from './strategic-merge-order';

/**
 * Kubernetes' strategic merge patch (`application/strategic-merge-patch+json`),
 * following apimachinery's strategicpatch apply path: maps merge key by key, lists
 * with a merge key merge item by item, `merge` lists of scalars union, other lists
 * are replaced, null deletes, and the `$patch`, `$retainKeys`,
 * `$deleteFromPrimitiveList/<f>` and `$setElementOrder/<f>` directives apply.
 */
export function applyStrategicMergePatch<T>(doc: T, patch: unknown, meta: PatchMetaLookup): T {
  if (patch !== null && !isJsonMap(patch)) {
    throw patchBadRequest(`json: cannot unmarshal ${jsonTypeName(patch)} into Go value of type map[string]interface {}`);
  }
  const original = isJsonMap(doc) ? cloneJson(doc) : {};
  const result = new StrategicMerge(meta).mergeMap(original, cloneJson(patch ?? {}), []);
  if (!isJsonMap(result)) throw patchResultNotObject(result);
  return result as T;
}

/** The field's strategy without `retainKeys`, which only matters to the `$retainKeys` directive. */
function listStrategy(meta: PatchMeta | undefined): string {
  const parts = (meta?.strategy ?? '').split(',').filter((s) => s !== '');
  const others = parts.filter((s) => s !== 'retainKeys');
  if (parts.length > 2 || others.length > 1 || (parts.length === 2 && others.length === 2)) {
    throw patchUnclassified(`unexpected patch strategy: [${parts.join(' ')}]`);
  }
  return others[0] ?? '';
}

class StrategicMerge {
  constructor(private readonly meta: PatchMetaLookup) {}

  mergeMap(original: JsonMap, patch: JsonMap, path: readonly string[]): JsonMap {
    if (hasKey(patch, DIRECTIVE)) return this.mapDirective(patch);
    applyRetainKeys(original, patch);
    this.applySetElementOrder(original, patch, path);

    for (const key of Object.keys(patch)) {
      const patchV = patch[key];
      const isDeleteList = key.startsWith(DELETE_FROM_PRIMITIVE_LIST);
      const field = isDeleteList ? directiveField(key, DELETE_FROM_PRIMITIVE_LIST) : key;

      if (patchV === null) {
        delete original[field];
        continue;
      }
      const current = original[field];
      if (!hasKey(original, field) || kind(current) !== kind(patchV)) {
        if (!isDeleteList) this.setFromPatch(original, field, patchV);
        continue;
      }
      const fieldPath = [...path, field];
      if (isJsonMap(current)) {
        const strategy = listStrategy(this.meta.lookup(fieldPath));
        original[field] = strategy === 'replace' ? cleanCopiedValue(patchV) : this.mergeMap(current, patchV as JsonMap, fieldPath);
      } else if (Array.isArray(current)) {
        original[field] = this.mergeList(current, patchV as unknown[], fieldPath, isDeleteList);
      } else {
        original[field] = patchV;
      }
    }
    return original;
  }

  /** `$patch` on a map: `replace` takes the patch map as it is, `delete` empties it. */
  private mapDirective(patch: JsonMap): JsonMap {
    const directive = patch[DIRECTIVE];
    if (directive === 'replace') {
      delete patch[DIRECTIVE];
      return cleanCopiedValue(patch);
    }
    if (directive === 'delete') return {};
    throw SMP.badPatchType(directive, patch);
  }

  private setFromPatch(original: JsonMap, field: string, patchV: unknown): void {
    const { value, keep } = takePatchValue(patchV);
    if (keep) setField(original, field, value);
    else delete original[field];
  }

  private mergeList(original: unknown[], patch: unknown[], path: readonly string[], isDeleteList: boolean, trace?: MergeTrace): unknown[] {
    const meta = this.meta.lookup(path);
    if (listStrategy(meta) !== 'merge' && !isDeleteList) return cleanCopiedValue(patch);
    return this.mergeSlice(original, patch, path, meta?.mergeKey ?? '', isDeleteList, trace);
  }

  private mergeSlice(
    original: unknown[],
    patch: unknown[],
    path: readonly string[],
    mergeKey: string,
    isDeleteList: boolean,
    trace?: MergeTrace,
  ): unknown[] {
    if (original.length === 0 && patch.length === 0) return original;
    const elementKind = sliceElementKind(original, patch) ?? 'scalar';
    let merged: unknown[];
    if (elementKind === 'scalar') {
      if (isDeleteList) {
        const doomed = new Set(patch);
        return original.filter((v) => !doomed.has(v));
      }
      merged = [...new Set([...original, ...patch])];
    } else {
      if (!mergeKey) throw patchUnclassified('cannot merge lists without merge key for struct');
      const directives = this.applyListItemDirectives(original, patch, mergeKey);
      const deleted = original.length - directives.survivors.length;
      const appended: unknown[] = [];
      if (directives.replace) {
        original = cleanCopiedValue(directives.rest);
        patch = [];
        merged = original;
      } else {
        original = directives.survivors;
        patch = directives.rest;
        merged = this.mergeItemsByKey(original, patch, path, mergeKey, appended);
      }
      if (trace) trace.serverOrder = [...directives.survivors, ...appended.slice(0, deleted)];
    }
    const [patchItems, serverOnly] = partitionByPresence(merged, patch, mergeKey);
    return normalizeElementOrder(patchItems, serverOnly, patch, original, mergeKey, elementKind);
  }

  /**
   * Items carrying `$patch`: `delete` removes the matching server items, `replace`
   * makes the other patch items the whole list. Returns the server items left and
   * the patch items without directives.
   */
  private applyListItemDirectives(
    original: unknown[],
    patch: unknown[],
    mergeKey: string,
  ): { survivors: unknown[]; rest: unknown[]; replace: boolean } {
    const rest: unknown[] = [];
    let replace = false;
    for (const item of patch) {
      const m = item as JsonMap;
      if (!hasKey(m, DIRECTIVE)) {
        rest.push(item);
        continue;
      }
      const directive = m[DIRECTIVE];
      if (directive === 'delete') {
        if (!hasKey(m, mergeKey)) throw SMP.noMergeKey(m, mergeKey);
        const value = m[mergeKey];
        original = original.filter((o) => findByMergeKey([o], mergeKey, value) < 0);
      } else if (directive === 'replace') {
        replace = true;
      } else if (directive === 'merge') {
        throw patchUnclassified('merging lists cannot yet be specified in the patch');
      } else {
        throw SMP.badPatchType(directive, m);
      }
    }
    return { survivors: original, rest, replace };
  }

  /** Merges each patch item into the server item with the same key, or appends it. */
  private mergeItemsByKey(original: unknown[], patch: unknown[], path: readonly string[], mergeKey: string, appended: unknown[]): unknown[] {
    const out = [...original];
    for (const item of patch) {
      const m = item as JsonMap;
      if (!hasKey(m, mergeKey)) throw SMP.noMergeKey(m, mergeKey);
      const at = findByMergeKey(out, mergeKey, m[mergeKey]);
      if (at >= 0) {
        out[at] = this.mergeMap(out[at] as JsonMap, m, path);
      } else {
        out.push(cleanCopiedValue(m));
        appended.push(m);
      }
    }
    return out;
  }

  /**
   * `$setElementOrder/<field>` lists the final order of a merged list: its list is
   * merged first, then patch items follow that order and server-only items are
   * placed by the server's order.
   */
  private applySetElementOrder(original: JsonMap, patch: JsonMap, path: readonly string[]): void {
    for (const key of Object.keys(patch)) {
      if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
      const order = patch[key];
      delete patch[key];
      if (!Array.isArray(order)) throw SMP.badArgType('[]interface {}', order);
      const field = directiveField(key, SET_ELEMENT_ORDER);
      const inOriginal = hasKey(original, field);
      const inPatch = hasKey(patch, field);
      const originalList = original[field];
      const patchList = patch[field];
      if (inOriginal && !Array.isArray(originalList)) throw SMP.badArgType('[]interface {}', originalList);
      if (inPatch && !Array.isArray(patchList)) throw SMP.badArgType('[]interface {}', patchList);
      const originalItems = inOriginal ? [...(originalList as unknown[])] : [];
      const patchItems = inPatch ? (patchList as unknown[]) : [];
      const fieldPath = [...path, field];
      const meta = this.meta.lookup(fieldPath);
      const mergeKey = meta?.mergeKey ?? '';
      validatePatchWithSetOrderList(patchItems, order, mergeKey);

      let merged: unknown[];
      const trace: MergeTrace = { serverOrder: originalItems };
      if (inOriginal && !inPatch) merged = originalItems;
      else if (!inOriginal && inPatch) merged = takePatchValue(patchItems).value as unknown[];
      else if (inOriginal && inPatch) merged = this.mergeList(originalList as unknown[], patchItems, fieldPath, false, trace);
      else continue;

      const elementKind = sliceElementKind(originalItems, patchItems);
      if (elementKind !== undefined) {
        const [ordered, serverOnly] = partitionByPresence(merged, order, mergeKey);
        merged = normalizeElementOrder(ordered, serverOnly, order, trace.serverOrder, mergeKey, elementKind);
      }
      setField(original, field, merged);
      delete patch[field];
    }
  }
}

/**
 * The server order a `$setElementOrder` merge sorts by. In apimachinery it is a view
 * of the live list's storage, which deletions shift left and appended items then
 * overwrite: the survivors followed by as many new items as were deleted. That
 * decides where server-only items land, so it is reproduced here.
 */
interface MergeTrace {
  serverOrder: readonly unknown[];
}

/** Only maps and lists merge; any other pair of values is "different" when kinds differ. */
function kind(v: unknown): 'map' | 'list' | 'null' | 'scalar' {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  return isJsonMap(v) ? 'map' : 'scalar';
}
