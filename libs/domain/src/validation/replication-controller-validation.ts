import type { StatusCause } from '../meta/types';
import { required, validateNonnegativeField } from './field-errors';
import { FieldPath } from './field-path';
import { asNumber, asRecord, isRecord } from './json-access';
import { nameIsDNSSubdomain } from './name-rules';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta-validation';
import { validateControllerTemplate } from './pod-template-validation';

function validateReplicationControllerSpec(specValue: unknown, path: FieldPath): StatusCause[] {
  const spec = asRecord(specValue);
  const errs = validateNonnegativeField(asNumber(spec.minReadySeconds) ?? 0, path.child('minReadySeconds'));
  const selector = isRecord(spec.selector) ? (spec.selector as Record<string, string>) : undefined;
  if (!selector || Object.keys(selector).length === 0) errs.push(required(path.child('selector')));
  errs.push(...validateNonnegativeField(asNumber(spec.replicas) ?? 0, path.child('replicas')));
  if (!isRecord(spec.template)) errs.push(required(path.child('template')));
  else errs.push(...validateControllerTemplate(spec.template, { kind: 'map', selector }, 'ReplicationController', path.child('template')));
  return errs;
}

export function validateReplicationController(obj: Record<string, unknown>): StatusCause[] {
  const errs = validateObjectMeta(asRecord(obj.metadata), { namespaced: true, nameFn: nameIsDNSSubdomain });
  errs.push(...validateReplicationControllerSpec(obj.spec, FieldPath.root('spec')));
  return errs;
}

/** ReplicationController selectors, unlike apps/v1 ones, may change. */
export function validateReplicationControllerUpdate(obj: Record<string, unknown>, old: Record<string, unknown>): StatusCause[] {
  const errs = validateObjectMetaUpdate(asRecord(obj.metadata), asRecord(old.metadata));
  errs.push(...validateReplicationControllerSpec(obj.spec, FieldPath.root('spec')));
  return errs;
}
