import type { StatusCause } from '../meta/types';
import { decodeBase64, decodedBase64Length, isBase64 } from './base64';
import { MAX_CONFIG_SIZE_BYTES, validateImmutableData } from './config-map-validation';
import { invalid, required, tooLong } from './field-errors';
import { FieldPath } from './field-path';
import { asRecord, asString, asText } from './json-access';
import { isConfigMapKey, nameIsDNSSubdomain } from './name-rules';
import { validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from './object-meta-validation';

/** Keys each well-known Secret type must carry. */
function validateSecretType(type: string, data: Record<string, unknown>, annotations: Record<string, unknown>): StatusCause[] {
  const dataPath = FieldPath.root('data');
  const has = (k: string) => Object.prototype.hasOwnProperty.call(data, k);
  switch (type) {
    case 'kubernetes.io/service-account-token':
      return asString(annotations['kubernetes.io/service-account.name'])
        ? []
        : [required(FieldPath.root('metadata', 'annotations').key('kubernetes.io/service-account.name'))];
    case 'kubernetes.io/dockercfg':
      return has('.dockercfg') ? jsonErrors(data, '.dockercfg') : [required(dataPath.key('.dockercfg'))];
    case 'kubernetes.io/dockerconfigjson':
      return has('.dockerconfigjson') ? jsonErrors(data, '.dockerconfigjson') : [required(dataPath.key('.dockerconfigjson'))];
    case 'kubernetes.io/basic-auth':
      return has('username') || has('password') ? [] : [required(dataPath.key('username')), required(dataPath.key('password'))];
    case 'kubernetes.io/ssh-auth':
      return asString(data['ssh-privatekey']) ? [] : [required(dataPath.key('ssh-privatekey'))];
    case 'kubernetes.io/tls': {
      const errs: StatusCause[] = [];
      if (!has('tls.crt')) errs.push(required(dataPath.key('tls.crt')));
      if (!has('tls.key')) errs.push(required(dataPath.key('tls.key')));
      return errs;
    }
    default:
      return [];
  }
}

function jsonErrors(data: Record<string, unknown>, key: string): StatusCause[] {
  try {
    const text = new TextDecoder().decode(decodeBase64(asString(data[key])));
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return [];
  } catch {
    // fall through
  }
  return [invalid(FieldPath.root('data').key(key), '<secret contents redacted>', 'invalid character in JSON')];
}

/** A Secret as stored: `stringData` must already be merged into `data` (see applyDefaults). */
export function validateSecret(obj: Record<string, unknown>): StatusCause[] {
  const meta = asRecord(obj.metadata);
  const errs = validateObjectMeta(meta, { namespaced: true, nameFn: nameIsDNSSubdomain });
  const data = asRecord(obj.data);
  let total = 0;
  for (const [key, value] of Object.entries(data)) {
    const p = FieldPath.root('data').key(key);
    for (const msg of isConfigMapKey(key)) errs.push(invalid(p, key, msg));
    const text = asText(value);
    // The real server rejects bad base64 while decoding the request (400); reported here by field.
    if (!isBase64(text)) errs.push(invalid(p, '<secret contents redacted>', 'illegal base64 data'));
    total += decodedBase64Length(text);
  }
  if (total > MAX_CONFIG_SIZE_BYTES) errs.push(tooLong(FieldPath.root('data'), MAX_CONFIG_SIZE_BYTES));
  errs.push(...validateSecretType(asString(obj.type), data, asRecord(meta.annotations)));
  return errs;
}

export function validateSecretUpdate(obj: Record<string, unknown>, old: Record<string, unknown>): StatusCause[] {
  const errs = validateObjectMetaUpdate(asRecord(obj.metadata), asRecord(old.metadata));
  errs.push(...validateImmutableField(asString(obj.type), asString(old.type), FieldPath.root('type')));
  errs.push(...validateImmutableData(obj, old, ['data']));
  errs.push(...validateSecret(obj));
  return errs;
}
