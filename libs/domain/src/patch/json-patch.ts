import { applyPatch, validator, type Operation, type Validator } from 'fast-json-patch';
import { Errors } from '../errors/status-error';
import { cloneJson, hasKey, isJsonMap, jsonTypeName } from './json-value';
import { patchBadRequest, patchResultNotObject, patchUnprocessable } from './patch-errors';

/** The API server refuses JSON patches with more operations than this (413). */
export const MAX_JSON_PATCH_OPERATIONS = 10000;

const RFC6902_OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

/**
 * The shape check the server's decoder makes: an array of objects. Anything else
 * cannot be decoded and is a 400; problems inside an operation show only when applied.
 */
function decodeOperations(ops: unknown): Operation[] {
  if (ops === null) return [];
  if (!Array.isArray(ops)) {
    throw patchBadRequest(`json: cannot unmarshal ${jsonTypeName(ops)} into Go value of type jsonpatch.Patch`);
  }
  for (const op of ops) {
    if (op !== null && !isJsonMap(op)) {
      throw patchBadRequest(`json: cannot unmarshal ${jsonTypeName(op)} into Go value of type jsonpatch.Operation`);
    }
  }
  return ops as Operation[];
}

/** Whether a JSON Pointer names a member of `doc`, counting own members only (list indices are the library's to check). */
function namesOwnMember(doc: unknown, pointer: string): boolean {
  let current = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (isJsonMap(current) && hasKey(current, segment)) current = current[segment];
    else return false;
  }
  return true;
}

/**
 * The library's checks, plus: what `remove`, `replace`, `move` and `copy` take must exist.
 * The library looks members up with `obj[key]`, so `/metadata/constructor` would name
 * Object.prototype's member; to the server it names nothing.
 */
const ownMembersOnly: Validator<unknown> = (operation, index, document, existingPathFragment) => {
  validator(operation, index, document, existingPathFragment);
  const taken = operation.op === 'remove' || operation.op === 'replace' ? operation.path : operation.op === 'move' || operation.op === 'copy' ? operation.from : undefined;
  if (taken !== undefined && !namesOwnMember(document, taken)) throw new Error(`${operation.op}: the document has no ${taken}`);
};

/**
 * Applies an RFC 6902 JSON patch (`application/json-patch+json`) to a copy of `doc`.
 * An undecodable patch is a 400, too many operations a 413, and a patch that does
 * not apply (failed `test`, missing path, unknown op) the server's generic 422.
 */
export function applyJsonPatch<T>(doc: T, ops: unknown): T {
  const operations = decodeOperations(ops);
  if (operations.length > MAX_JSON_PATCH_OPERATIONS) {
    throw Errors.requestEntityTooLarge(
      `Request entity too large: The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${operations.length}`,
    );
  }
  // fast-json-patch also knows a private `_get` op; the server's library does not. Like it,
  // an `op` that is no string is the kind "unknown" (String() would throw on `{"toString": 1}`).
  const kindOf = (op: Operation | null): string => (op !== null && typeof op.op === 'string' ? op.op : 'unknown');
  const unknown = operations.find((op) => !RFC6902_OPS.has(kindOf(op)));
  if (unknown !== undefined) throw patchUnprocessable(new Error(`Unexpected kind: ${kindOf(unknown)}`));
  let result: unknown;
  try {
    result = applyPatch(cloneJson(doc), operations, ownMembersOnly, true).newDocument;
  } catch (e) {
    throw patchUnprocessable(e);
  }
  if (isJsonMap(doc) && !isJsonMap(result)) throw patchResultNotObject(result);
  return result as T;
}
