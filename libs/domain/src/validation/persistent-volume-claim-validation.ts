import type { StatusCause } from '../meta/types';
import type { LabelSelector } from '../kinds/common';
import { forbidden, invalid, notSupported, required } from './field-errors';
import { FieldPath } from './field-path';
import { asArray, asRecord, asString, asText, isRecord } from './json-access';
import { validateLabelSelector } from './labels-validation';
import { isDNS1123Subdomain, nameIsDNSSubdomain } from './name-rules';
import { deepEqual, validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from './object-meta-validation';
import { formatParsedQuantity, QUANTITY_FORMAT_ERROR, tryParseQuantityExact } from './quantity';
import { specDiff } from './spec-diff';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];

function storageOf(spec: Record<string, unknown>): unknown {
  return asRecord(asRecord(spec.resources).requests).storage;
}

function validatePVCSpec(specValue: unknown, path: FieldPath): StatusCause[] {
  const spec = asRecord(specValue);
  const errs: StatusCause[] = [];
  const modes = asArray(spec.accessModes).map(asText);
  if (modes.length === 0) errs.push(required(path.child('accessModes'), 'at least 1 access mode is required'));
  if (isRecord(spec.selector)) errs.push(...validateLabelSelector(spec.selector as LabelSelector, path.child('selector')));
  let rwop = false;
  let other = false;
  for (const m of modes) {
    if (!ACCESS_MODES.includes(m)) errs.push(notSupported(path.child('accessModes'), m, ACCESS_MODES));
    if (m === 'ReadWriteOncePod') rwop = true;
    else if (ACCESS_MODES.includes(m)) other = true;
  }
  if (rwop && other) errs.push(forbidden(path.child('accessModes'), 'may not use ReadWriteOncePod with other access modes'));
  // The server names this field `spec.resources[storage]`.
  const storagePath = path.child('resources').key('storage');
  const storage = storageOf(spec);
  if (storage === undefined || storage === null) {
    errs.push(required(storagePath));
  } else {
    const q = typeof storage === 'string' || typeof storage === 'number' ? tryParseQuantityExact(storage) : undefined;
    if (!q) errs.push(invalid(storagePath, asText(storage), QUANTITY_FORMAT_ERROR));
    else if (q.nanos <= 0n) errs.push(invalid(storagePath, formatParsedQuantity(q), 'must be greater than zero'));
  }
  const cls = asString(spec.storageClassName);
  if (cls) for (const msg of isDNS1123Subdomain(cls)) errs.push(invalid(path.child('storageClassName'), cls, msg));
  if (spec.volumeMode !== undefined && spec.volumeMode !== null && !VOLUME_MODES.includes(asString(spec.volumeMode))) {
    errs.push(notSupported(path.child('volumeMode'), asString(spec.volumeMode), VOLUME_MODES));
  }
  for (const f of ['dataSource', 'dataSourceRef']) {
    if (!isRecord(spec[f])) continue;
    const ref = spec[f] as Record<string, unknown>;
    const rp = path.child(f);
    if (!asString(ref.name)) errs.push(required(rp.child('name')));
    if (!asString(ref.kind)) errs.push(required(rp.child('kind')));
    if (!asString(ref.apiGroup) && asString(ref.kind) !== 'PersistentVolumeClaim') {
      errs.push(invalid(rp, asString(ref.kind), "must be 'PersistentVolumeClaim' when referencing the default apiGroup"));
    }
  }
  return errs;
}

export function validatePersistentVolumeClaim(obj: Record<string, unknown>): StatusCause[] {
  const errs = validateObjectMeta(asRecord(obj.metadata), { namespaced: true, nameFn: nameIsDNSSubdomain });
  errs.push(...validatePVCSpec(obj.spec, FieldPath.root('spec')));
  return errs;
}

function nanos(v: unknown): bigint | undefined {
  return typeof v === 'string' || typeof v === 'number' ? tryParseQuantityExact(v)?.nanos : undefined;
}

/**
 * A claim's spec is fixed once made, except that a bound claim may ask for more storage
 * (expansion), and an unset volumeName or storageClassName may be filled in once.
 */
export function validatePersistentVolumeClaimUpdate(obj: Record<string, unknown>, old: Record<string, unknown>): StatusCause[] {
  const errs = validateObjectMetaUpdate(asRecord(obj.metadata), asRecord(old.metadata));
  errs.push(...validatePersistentVolumeClaim(obj));
  const spec = asRecord(obj.spec);
  const oldSpec = asRecord(old.spec);
  const next: Record<string, unknown> = { ...spec };
  const prev: Record<string, unknown> = { ...oldSpec };
  if (!asString(oldSpec.volumeName)) prev.volumeName = spec.volumeName;
  if (oldSpec.storageClassName === undefined || oldSpec.storageClassName === null) prev.storageClassName = spec.storageClassName;
  const bound = asString(asRecord(obj.status).phase) === 'Bound';
  if (bound) {
    const resources = asRecord(next.resources);
    next.resources = { ...resources, requests: { ...asRecord(resources.requests), storage: storageOf(oldSpec) } };
    next.volumeAttributesClassName = oldSpec.volumeAttributesClassName;
  }
  if (!deepEqual(next, prev)) {
    errs.push(
      forbidden(
        FieldPath.root('spec'),
        `spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n${specDiff('core.PersistentVolumeClaimSpec', prev, next)}`,
      ),
    );
  }
  const newSize = nanos(storageOf(spec));
  const oldSize = nanos(storageOf(oldSpec));
  // v1.32 lets a failed expansion be walked back, but never below what was provisioned.
  const capacity = nanos(asRecord(asRecord(old.status).capacity).storage) ?? 0n;
  if (newSize !== undefined && oldSize !== undefined && newSize < oldSize && newSize <= capacity) {
    errs.push(forbidden(FieldPath.root('spec', 'resources', 'requests', 'storage'), 'field can not be less than status.capacity'));
  }
  errs.push(...validateImmutableField(spec.volumeMode ?? null, oldSpec.volumeMode ?? null, FieldPath.root('volumeMode')));
  return errs;
}
