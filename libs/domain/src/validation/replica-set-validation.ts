import type { StatusCause } from '../meta/types';
import { validateNonnegativeField } from './field-errors';
import { FieldPath } from './field-path';
import { asNumber, asRecord } from './json-access';
import { appsWorkloadValidation, validateSelectedTemplate } from './workload-selector';

function validateReplicaSetSpec(specValue: unknown, path: FieldPath): StatusCause[] {
  const spec = asRecord(specValue);
  const errs = validateNonnegativeField(asNumber(spec.replicas) ?? 0, path.child('replicas'));
  errs.push(...validateNonnegativeField(asNumber(spec.minReadySeconds) ?? 0, path.child('minReadySeconds')));
  errs.push(...validateSelectedTemplate(spec, path));
  return errs;
}

export const [validateReplicaSet, validateReplicaSetUpdate] = appsWorkloadValidation(validateReplicaSetSpec);
