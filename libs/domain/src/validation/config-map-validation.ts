import type { StatusCause } from '../meta/types';
import { decodedBase64Length } from './base64';
import { forbidden, invalid, tooLong } from './field-errors';
import { FieldPath } from './field-path';
import { asRecord, asText, hasOwn } from './json-access';
import { byteLength, isConfigMapKey, nameIsDNSSubdomain } from './name-rules';
import { deepEqual, validateObjectMeta, validateObjectMetaUpdate } from './object-meta-validation';

/** ConfigMaps and Secrets hold at most 1 MiB of data. */
export const MAX_CONFIG_SIZE_BYTES = 1024 * 1024;

export function validateConfigMap(obj: Record<string, unknown>): StatusCause[] {
  const errs = validateObjectMeta(asRecord(obj.metadata), { namespaced: true, nameFn: nameIsDNSSubdomain });
  const data = asRecord(obj.data);
  const binary = asRecord(obj.binaryData);
  let total = 0;
  for (const [key, value] of Object.entries(data)) {
    const p = FieldPath.root('data').key(key);
    for (const msg of isConfigMapKey(key)) errs.push(invalid(p, key, msg));
    if (hasOwn(binary, key)) errs.push(invalid(p, key, 'duplicate of key present in binaryData'));
    total += byteLength(asText(value));
  }
  for (const [key, value] of Object.entries(binary)) {
    for (const msg of isConfigMapKey(key)) errs.push(invalid(FieldPath.root('binaryData').key(key), key, msg));
    total += decodedBase64Length(asText(value));
  }
  // The server reports the whole object (an empty field path).
  if (total > MAX_CONFIG_SIZE_BYTES) errs.push(tooLong('', MAX_CONFIG_SIZE_BYTES));
  return errs;
}

/** Once `immutable: true`, data and the flag itself are frozen. */
export function validateImmutableData(obj: Record<string, unknown>, old: Record<string, unknown>, fields: readonly string[]): StatusCause[] {
  if (old.immutable !== true) return [];
  const errs: StatusCause[] = [];
  if (obj.immutable !== true) errs.push(forbidden(FieldPath.root('immutable'), 'field is immutable when `immutable` is set'));
  for (const f of fields) {
    if (!deepEqual(obj[f] ?? {}, old[f] ?? {})) errs.push(forbidden(FieldPath.root(f), 'field is immutable when `immutable` is set'));
  }
  return errs;
}

export function validateConfigMapUpdate(obj: Record<string, unknown>, old: Record<string, unknown>): StatusCause[] {
  const errs = validateObjectMetaUpdate(asRecord(obj.metadata), asRecord(old.metadata));
  errs.push(...validateImmutableData(obj, old, ['data', 'binaryData']));
  errs.push(...validateConfigMap(obj));
  return errs;
}
