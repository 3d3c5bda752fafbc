import type { StatusCause } from '../meta/types';
import { invalid } from './field-errors';
import { FieldPath } from './field-path';
import { asNumber, asRecord } from './json-access';
import { nameIsDNSSubdomain } from './name-rules';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta-validation';

function validateLeaseSpec(specValue: unknown, path: FieldPath): StatusCause[] {
  const spec = asRecord(specValue);
  const errs: StatusCause[] = [];
  const duration = asNumber(spec.leaseDurationSeconds);
  if (duration !== undefined && duration <= 0) errs.push(invalid(path.child('leaseDurationSeconds'), duration, 'must be greater than 0'));
  const transitions = asNumber(spec.leaseTransitions);
  if (transitions !== undefined && transitions < 0) {
    errs.push(invalid(path.child('leaseTransitions'), transitions, 'must be greater than or equal to 0'));
  }
  return errs;
}

export function validateLease(obj: Record<string, unknown>): StatusCause[] {
  const errs = validateObjectMeta(asRecord(obj.metadata), { namespaced: true, nameFn: nameIsDNSSubdomain });
  errs.push(...validateLeaseSpec(obj.spec, FieldPath.root('spec')));
  return errs;
}

export function validateLeaseUpdate(obj: Record<string, unknown>, old: Record<string, unknown>): StatusCause[] {
  const errs = validateObjectMetaUpdate(asRecord(obj.metadata), asRecord(old.metadata));
  errs.push(...validateLeaseSpec(obj.spec, FieldPath.root('spec')));
  return errs;
}
