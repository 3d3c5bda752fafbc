import type { StatusCause } from '../meta/types';
import { invalid, validateNonnegativeField } from './field-errors';
import { FieldPath } from './field-path';
import { goLabelSelector } from './go-format';
import { asNumber, asRecord } from './json-access';
import { validateControllerTemplate } from './pod-template-validation';
import { appsWorkloadValidation, validateWorkloadSelector } from './workload-selector';

function validateReplicaSetSpec(specValue: unknown, path: FieldPath): StatusCause[] {
  const spec = asRecord(specValue);
  const errs = validateNonnegativeField(asNumber(spec.replicas) ?? 0, path.child('replicas'));
  errs.push(...validateNonnegativeField(asNumber(spec.minReadySeconds) ?? 0, path.child('minReadySeconds')));
  // The server's message says "deployment" here too.
  const sel = validateWorkloadSelector(spec.selector, 'deployment', path.child('selector'));
  errs.push(...sel.errors);
  if (sel.usable) {
    errs.push(...validateControllerTemplate(spec.template, { kind: 'labelSelector', selector: sel.selector }, 'ReplicaSet', path.child('template')));
  } else {
    errs.push(invalid(path.child('selector'), goLabelSelector(sel.selector), 'invalid label selector'));
  }
  return errs;
}

export const [validateReplicaSet, validateReplicaSetUpdate] = appsWorkloadValidation(validateReplicaSetSpec);
