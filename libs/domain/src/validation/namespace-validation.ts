import type { StatusCause } from '../meta/types';
import { invalid } from './field-errors';
import { FieldPath } from './field-path';
import { asArray, asRecord, asText } from './json-access';
import { isQualifiedName, nameIsDNSLabel } from './name-rules';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta-validation';

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

function validateSpecFinalizers(obj: Record<string, unknown>): StatusCause[] {
  const path = FieldPath.root('spec', 'finalizers');
  const errs: StatusCause[] = [];
  for (const raw of asArray(asRecord(obj.spec).finalizers)) {
    const f = asText(raw);
    for (const msg of isQualifiedName(f)) errs.push(invalid(path, f, msg));
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(invalid(path, f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  }
  return errs;
}

export function validateNamespace(obj: Record<string, unknown>): StatusCause[] {
  const errs = validateObjectMeta(asRecord(obj.metadata), { namespaced: false, nameFn: nameIsDNSLabel });
  errs.push(...validateSpecFinalizers(obj));
  return errs;
}

export function validateNamespaceUpdate(obj: Record<string, unknown>, old: Record<string, unknown>): StatusCause[] {
  return validateObjectMetaUpdate(asRecord(obj.metadata), asRecord(old.metadata));
}
