import { applyPatch, type Operation } from 'fast-json-patch';
import { Errors } from '../errors/status-error';
import { cloneJson, isJsonMap, jsonTypeName } from './json-value';
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
  // fast-json-patch also knows a private `_get` op; the server's library does not.
  const unknown = operations.find((op) => op === null || !RFC6902_OPS.has(String(op.op)));
  if (unknown !== undefined) throw patchUnprocessable(new Error(`Unexpected kind: ${unknown === null ? 'unknown' : String(unknown.op)}`));
  let result: unknown;
  try {
    result = applyPatch(cloneJson(doc), operations, true, true).newDocument;
  } catch (e) {
    throw patchUnprocessable(e);
  }
  if (isJsonMap(doc) && !isJsonMap(result)) throw patchResultNotObject(result);
  return result as T;
}
