import type { StatusCause } from '../meta/types';
import { duplicate, forbidden, invalid } from './field-errors';
import { FieldPath } from './field-path';
import { goJSON } from './go-format';
import { asArray, asRecord, asString, asText } from './json-access';
import { validateLabelName } from './labels-validation';
import { isValidLabelValue, nameIsDNSSubdomain } from './name-rules';
import { deepEqual, validateObjectMeta, validateObjectMetaUpdate } from './object-meta-validation';
import { QUANTITY_FORMAT_ERROR, tryParseQuantityExact } from './quantity';
import { validateResourceQuantityValue } from './resources-validation';
import { validateTaintEffect } from './tolerations-validation';

/** Taints are unique by (key, effect). The server reports them under `metadata.taints`. */
function validateTaints(taints: unknown, path: FieldPath): StatusCause[] {
  const errs: StatusCause[] = [];
  const seen = new Set<string>();
  asArray(taints).forEach((raw, i) => {
    const t = asRecord(raw);
    const p = path.index(i);
    const key = asString(t.key);
    const value = asString(t.value);
    const effect = asString(t.effect);
    errs.push(...validateLabelName(key, p.child('key')));
    const msgs = isValidLabelValue(value);
    if (msgs.length) errs.push(invalid(p.child('value'), value, msgs.join(';')));
    errs.push(...validateTaintEffect(effect, false, p.child('effect')));
    const id = `${effect}\u0000${key}`;
    if (seen.has(id)) errs.push(duplicate(p, goJSON(t), 'taints must be unique by key and effect pair'));
    else seen.add(id);
  });
  return errs;
}

function validateNodeResources(obj: Record<string, unknown>): StatusCause[] {
  const status = asRecord(obj.status);
  const errs: StatusCause[] = [];
  for (const list of ['capacity', 'allocatable']) {
    for (const [name, value] of Object.entries(asRecord(status[list]))) {
      const p = FieldPath.root('status', list, name);
      const q = typeof value === 'string' || typeof value === 'number' ? tryParseQuantityExact(value) : undefined;
      if (!q) errs.push(invalid(p, asText(value), QUANTITY_FORMAT_ERROR));
      else errs.push(...validateResourceQuantityValue(name, q, p));
    }
  }
  return errs;
}

export function validateNode(obj: Record<string, unknown>): StatusCause[] {
  const errs = validateObjectMeta(asRecord(obj.metadata), { namespaced: false, nameFn: nameIsDNSSubdomain });
  errs.push(...validateTaints(asRecord(obj.spec).taints, FieldPath.root('metadata', 'taints')));
  errs.push(...validateNodeResources(obj));
  return errs;
}

/** podCIDRs and providerID may be set once; taints and unschedulable may change freely. */
export function validateNodeUpdate(obj: Record<string, unknown>, old: Record<string, unknown>): StatusCause[] {
  const errs = validateObjectMetaUpdate(asRecord(obj.metadata), asRecord(old.metadata));
  errs.push(...validateNodeResources(obj));
  const spec = asRecord(obj.spec);
  const oldSpec = asRecord(old.spec);
  const oldCIDRs = asArray(oldSpec.podCIDRs);
  if (oldCIDRs.length > 0 && !deepEqual(asArray(spec.podCIDRs), oldCIDRs)) {
    errs.push(forbidden(FieldPath.root('spec', 'podCIDRs'), 'node updates may not change podCIDR except from "" to valid'));
  }
  const oldProvider = asString(oldSpec.providerID);
  if (oldProvider && oldProvider !== asString(spec.providerID)) {
    errs.push(forbidden(FieldPath.root('spec', 'providerID'), 'node updates may not change providerID except from "" to valid'));
  }
  errs.push(...validateTaints(spec.taints, FieldPath.root('metadata', 'taints')));
  return errs;
}
