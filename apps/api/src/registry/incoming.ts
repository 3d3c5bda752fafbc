import {
  Errors,
  MAX_NESTING_DEPTH,
  apiVersionOf,
  applyDefaults,
  findTypeMismatch,
  nestingBeyond,
  nulCharacterField,
  pruneUnknownFields,
  validateObject,
  validateObjectUpdate,
  type KubeObject,
  type ResourceType,
} from '@skiff/domain';
import type { RequestContext } from './request-context';

export function conflict(type: ResourceType, name: string) {
  return Errors.conflict(type, name, 'the object has been modified; please apply your changes to the latest version and try again');
}

/**
 * Decoding as kube-apiserver does it: the body must be an object of the
 * path's kind and version, in the path's namespace; unknown fields are refused,
 * warned about or dropped as `fieldValidation` says; values of the wrong JSON
 * type are refused; defaults are applied.
 */
export function prepareIncoming(type: ResourceType, namespace: string, body: unknown, ctx: RequestContext): KubeObject {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw Errors.badRequest(`the body of the request was not a JSON object`);
  }
  // Every write comes through here (REST, GraphQL, deliveries, controllers): check before cloning, which recurses.
  const tooDeep = nestingBeyond(body);
  if (tooDeep !== undefined) throw Errors.badRequest(`${type.kind} nests deeper than ${MAX_NESTING_DEPTH} levels, at ${tooDeep}`);
  const nul = nulCharacterField(body);
  if (nul !== undefined) {
    throw Errors.invalid(type.group, type.kind, safeName(body), [{ reason: 'FieldValueInvalid', field: nul, message: 'Invalid value: must not contain the NUL character (U+0000)' }]);
  }
  const obj = structuredClone(body) as KubeObject;
  const expected = apiVersionOf(type);
  if (obj.apiVersion !== undefined && obj.apiVersion !== expected) {
    throw Errors.badRequest(`the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${expected})`);
  }
  if (obj.kind !== undefined && obj.kind !== type.kind) {
    throw Errors.badRequest(`${String(obj.kind)} in version "${type.version}" cannot be handled as a ${type.kind}: the kind in the data does not match the expected kind (${type.kind})`);
  }
  if (obj.metadata === undefined || obj.metadata === null) obj.metadata = {};
  if (typeof obj.metadata !== 'object' || Array.isArray(obj.metadata)) {
    throw Errors.badRequest(`${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: metadata must be an object`);
  }
  if (type.namespaced) {
    if (obj.metadata.namespace && obj.metadata.namespace !== namespace) {
      throw Errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    obj.metadata.namespace = namespace;
  } else {
    delete obj.metadata.namespace;
  }
  // As decoding into typed objects does on the real server: what the schema lacks is not kept.
  const unknown = pruneUnknownFields(type.kind, obj);
  if (unknown.length && ctx.fieldValidation === 'Strict') throw Errors.badRequest(`strict decoding error: ${unknown.join(', ')}`);
  if (ctx.fieldValidation === 'Warn') ctx.warnings.push(...unknown);
  // What decoding into Go types refuses: validation and storage take the declared types for granted.
  const mismatch = findTypeMismatch(type.kind, obj);
  if (mismatch) {
    throw Errors.badRequest(
      `${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: json: cannot unmarshal ${mismatch.got} into Go struct field ${mismatch.field} of type ${mismatch.want}`,
    );
  }
  obj.apiVersion = expected;
  obj.kind = type.kind;
  applyDefaults(type.kind, obj);
  return obj;
}

/** The body's name for an error's details, when it is one that can be named. */
function safeName(body: object): string {
  const name = (body as { metadata?: { name?: unknown } }).metadata?.name;
  return typeof name === 'string' && !name.includes('\u0000') ? name : '';
}

/** Kubernetes' validation: 422 naming every bad field. `old` is set for updates. */
export function checkBody(type: ResourceType, obj: KubeObject, old: KubeObject | undefined): void {
  const causes = old ? validateObjectUpdate(type.kind, obj, old) : validateObject(type.kind, obj);
  if (causes.length) throw Errors.invalid(type.group, type.kind, obj.metadata.name ?? '', causes);
}
