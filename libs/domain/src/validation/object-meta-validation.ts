import type { ObjectMeta, OwnerReference, StatusCause } from '../meta/types';
import { FIELD_IMMUTABLE_ERROR_MSG, forbidden, invalid, required, validateNonnegativeField, type BadValue } from './field-errors';
import { FieldPath } from './field-path';
import { goJSON, goStringSlice } from './go-format';
import { validateAnnotations, validateLabels } from './labels-validation';
import { isQualifiedName, nameIsDNSLabel, type NameValidator } from './name-rules';
import { asText } from './json-access';

/** Finalizer names the core API accepts without a domain prefix. */
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

export interface ObjectMetaOptions {
  /** true: namespace required; false: forbidden; undefined: not checked (kind unknown). */
  namespaced: boolean | undefined;
  nameFn: NameValidator;
}

/**
 * Metadata of an object being created: name (or generateName), namespace by scope,
 * labels, annotations, owner references and finalizers.
 */
export function validateObjectMeta(meta: ObjectMeta | undefined, opts: ObjectMetaOptions, path = FieldPath.root('metadata')): StatusCause[] {
  const m: ObjectMeta = meta && typeof meta === 'object' ? meta : {};
  const errs: StatusCause[] = [];
  if (typeof m.generateName === 'string' && m.generateName.length > 0) {
    for (const msg of opts.nameFn(m.generateName, true)) errs.push(invalid(path.child('generateName'), m.generateName, msg));
  }
  if (typeof m.name !== 'string' || m.name.length === 0) {
    errs.push(required(path.child('name'), 'name or generateName is required'));
  } else {
    for (const msg of opts.nameFn(m.name, false)) errs.push(invalid(path.child('name'), m.name, msg));
  }
  const ns = typeof m.namespace === 'string' ? m.namespace : '';
  if (opts.namespaced === true) {
    if (ns.length === 0) errs.push(required(path.child('namespace')));
    else for (const msg of nameIsDNSLabel(ns, false)) errs.push(invalid(path.child('namespace'), ns, msg));
  } else if (opts.namespaced === false && ns.length > 0) {
    errs.push(forbidden(path.child('namespace'), 'not allowed on this type'));
  }
  errs.push(...validateCommonMeta(m, path));
  return errs;
}

function validateCommonMeta(m: ObjectMeta, path: FieldPath): StatusCause[] {
  const errs: StatusCause[] = [];
  if (typeof m.generation === 'number') errs.push(...validateNonnegativeField(m.generation, path.child('generation')));
  errs.push(...validateLabels(m.labels, path.child('labels')));
  errs.push(...validateAnnotations(m.annotations, path.child('annotations')));
  errs.push(...validateOwnerReferences(m.ownerReferences, path.child('ownerReferences')));
  errs.push(...validateFinalizers(m.finalizers, path.child('finalizers')));
  return errs;
}

export function validateOwnerReferences(refs: unknown, path: FieldPath): StatusCause[] {
  if (!Array.isArray(refs)) return [];
  const errs: StatusCause[] = [];
  let firstController = '';
  for (const raw of refs as OwnerReference[]) {
    const ref: Partial<OwnerReference> = raw && typeof raw === 'object' ? raw : {};
    const apiVersion = typeof ref.apiVersion === 'string' ? ref.apiVersion : '';
    const parts = apiVersion.split('/');
    const version = parts.length === 1 ? parts[0] : parts.length === 2 ? parts[1] : '';
    const group = parts.length === 2 ? parts[0] : '';
    if (!version) errs.push(invalid(path.child('apiVersion'), apiVersion, 'version must not be empty'));
    if (!ref.kind) errs.push(invalid(path.child('kind'), ref.kind ?? '', 'must not be empty'));
    if (!ref.name) errs.push(invalid(path.child('name'), ref.name ?? '', 'must not be empty'));
    if (!ref.uid) errs.push(invalid(path.child('uid'), ref.uid ?? '', 'must not be empty'));
    if (group === '' && version === 'v1' && ref.kind === 'Event') {
      errs.push(invalid(path, goJSON(ref), '/v1, Kind=Event is disallowed from being an owner'));
    }
    if (ref.controller === true) {
      const current = `${ref.kind}/${ref.name}`;
      if (firstController) {
        errs.push(
          invalid(
            path,
            goJSON(refs),
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`,
          ),
        );
      } else {
        firstController = current;
      }
    }
  }
  return errs;
}

export function validateFinalizers(finalizers: unknown, path: FieldPath): StatusCause[] {
  if (!Array.isArray(finalizers)) return [];
  const errs: StatusCause[] = [];
  const names = finalizers.map(asText);
  for (const f of names) for (const msg of isQualifiedName(f)) errs.push(invalid(path, f, msg));
  if (names.includes('orphan') && names.includes('foregroundDeletion')) {
    errs.push(invalid(path, goStringSlice(names), 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  names.forEach((f, i) => {
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(invalid(path.index(i), f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  return errs;
}

export function validateImmutableField(newVal: unknown, oldVal: unknown, path: FieldPath, shown?: BadValue): StatusCause[] {
  if (deepEqual(newVal, oldVal)) return [];
  return [invalid(path, shown !== undefined ? shown : asBadValue(newVal), FIELD_IMMUTABLE_ERROR_MSG)];
}

function asBadValue(v: unknown): BadValue {
  if (v === undefined || v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return goJSON(v);
}

/**
 * Metadata of an object being updated. Server-owned fields (uid, creationTimestamp,
 * deletion fields) are compared only when the client sent them: the store copies them
 * from the stored object, as the real registry does before validating.
 */
export function validateObjectMetaUpdate(newMeta: ObjectMeta | undefined, oldMeta: ObjectMeta | undefined, path = FieldPath.root('metadata')): StatusCause[] {
  const n: ObjectMeta = newMeta ?? {};
  const o: ObjectMeta = oldMeta ?? {};
  const errs: StatusCause[] = [];
  if (o.deletionTimestamp) {
    const old = new Set(o.finalizers ?? []);
    const extra = [...new Set(n.finalizers ?? [])].filter((f) => !old.has(f)).sort();
    if (extra.length) {
      errs.push(
        forbidden(
          path.child('finalizers'),
          `no new finalizers can be added if the object is being deleted, found new finalizers ${goStringSlice(extra).go}`,
        ),
      );
    }
  }
  errs.push(...validateImmutableField(n.name ?? '', o.name ?? '', path.child('name')));
  errs.push(...validateImmutableField(n.namespace ?? '', o.namespace ?? '', path.child('namespace')));
  if (n.uid) errs.push(...validateImmutableField(n.uid, o.uid ?? '', path.child('uid')));
  if (n.creationTimestamp) {
    errs.push(...validateImmutableField(n.creationTimestamp, o.creationTimestamp ?? '', path.child('creationTimestamp')));
  }
  if (n.deletionTimestamp) {
    errs.push(...validateImmutableField(n.deletionTimestamp, o.deletionTimestamp ?? '', path.child('deletionTimestamp')));
  }
  if (n.deletionGracePeriodSeconds !== undefined && n.deletionGracePeriodSeconds !== null) {
    errs.push(
      ...validateImmutableField(n.deletionGracePeriodSeconds, o.deletionGracePeriodSeconds, path.child('deletionGracePeriodSeconds')),
    );
  }
  errs.push(...validateLabels(n.labels, path.child('labels')));
  errs.push(...validateAnnotations(n.annotations, path.child('annotations')));
  errs.push(...validateOwnerReferences(n.ownerReferences, path.child('ownerReferences')));
  errs.push(...validateFinalizers(n.finalizers, path.child('finalizers')));
  return errs;
}

/**
 * Structural equality of JSON values with the API's semantic rules: a missing field,
 * null, an empty list and an empty map all mean "unset" and compare equal.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isUnset(a) && isUnset(b)) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) {
    if (!deepEqual(ao[k], bo[k])) return false;
  }
  return true;
}

function isUnset(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v as object).length === 0;
}
