import type { StatusCause } from '../meta/types';
import { required, validateNonnegativeField } from './field-errors';
import { FieldPath } from './field-path';
import { asNumber, asRecord } from './json-access';
import { nameIsDNSSubdomain } from './name-rules';
import { validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from './object-meta-validation';

export function validateControllerRevision(obj: Record<string, unknown>): StatusCause[] {
  const errs = validateObjectMeta(asRecord(obj.metadata), { namespaced: true, nameFn: nameIsDNSSubdomain });
  if (obj.data === undefined || obj.data === null) errs.push(required(FieldPath.root('data'), 'data is mandatory'));
  errs.push(...validateNonnegativeField(asNumber(obj.revision) ?? 0, FieldPath.root('revision')));
  return errs;
}

/** A revision's data is a frozen snapshot. */
export function validateControllerRevisionUpdate(obj: Record<string, unknown>, old: Record<string, unknown>): StatusCause[] {
  const errs = validateObjectMetaUpdate(asRecord(obj.metadata), asRecord(old.metadata));
  errs.push(...validateControllerRevision(obj));
  errs.push(...validateImmutableField(obj.data, old.data, FieldPath.root('data')));
  return errs;
}
