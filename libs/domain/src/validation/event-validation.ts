import type { StatusCause } from '../meta/types';
import { invalid, required } from './field-errors';
import { FieldPath } from './field-path';
import { asRecord, asString } from './json-access';
import { byteLength, isDNS1123Subdomain, isQualifiedName } from './name-rules';
import { validateImmutableField } from './object-meta-validation';

const REPORTING_INSTANCE_MAX = 128;
const ACTION_MAX = 128;
const REASON_MAX = 128;
const NOTE_MAX = 1024;

/**
 * A core/v1 Event. The server applies only these legacy rules to events written through
 * the v1 API (its metadata gets the generic checks, see validateObject). Events with an
 * `eventTime` are the newer form and must name who reported them and why.
 */
export function validateEvent(obj: Record<string, unknown>): StatusCause[] {
  const errs: StatusCause[] = [];
  const namespace = asString(asRecord(obj.metadata).namespace);
  const involvedNs = asString(asRecord(obj.involvedObject).namespace);
  const involvedPath = FieldPath.root('involvedObject', 'namespace');
  if (!asString(obj.eventTime)) {
    if (!involvedNs) {
      if (namespace !== '' && namespace !== 'default') errs.push(invalid(involvedPath, involvedNs, 'does not match event.namespace'));
    } else if (namespace !== involvedNs) {
      errs.push(invalid(involvedPath, involvedNs, 'does not match event.namespace'));
    }
  } else {
    if (!involvedNs && namespace !== 'default' && namespace !== 'kube-system') {
      errs.push(invalid(involvedPath, involvedNs, 'does not match event.namespace'));
    }
    const controller = asString(obj.reportingComponent);
    if (!controller) errs.push(required(FieldPath.root('reportingController')));
    for (const msg of isQualifiedName(controller)) errs.push(invalid(FieldPath.root('reportingController'), controller, msg));
    const limited: [string, string, number][] = [
      ['reportingInstance', asString(obj.reportingInstance), REPORTING_INSTANCE_MAX],
      ['action', asString(obj.action), ACTION_MAX],
      ['reason', asString(obj.reason), REASON_MAX],
    ];
    for (const [field, value, max] of limited) {
      if (!value) errs.push(required(FieldPath.root(field)));
      if (byteLength(value) > max) errs.push(invalid(FieldPath.root(field), '', `can have at most ${max} characters`));
    }
    if (byteLength(asString(obj.message)) > NOTE_MAX) {
      errs.push(invalid(FieldPath.root('message'), '', `can have at most ${NOTE_MAX} characters`));
    }
  }
  for (const msg of isDNS1123Subdomain(namespace)) errs.push(invalid(FieldPath.root('namespace'), namespace, msg));
  return errs;
}

/** v1 Event updates only re-run the legacy checks; the involved object stays put by convention. */
export function validateEventUpdate(obj: Record<string, unknown>, old: Record<string, unknown>): StatusCause[] {
  const errs = validateEvent(obj);
  errs.push(...validateImmutableField(obj.involvedObject, old.involvedObject, FieldPath.root('involvedObject')));
  return errs;
}
