import type { StatusCause } from '../meta/types';
import { tagPatternError } from '../webhooks/tag-patterns';
import { DELIVERY_OUTCOMES, DEPLOY_HOOK_TARGET_KINDS, DEPLOY_HOOK_TYPES } from '../webhooks/types';
import { webhookPath } from '../webhooks/webhook-path';
import { invalid, notSupported, required } from './field-errors';
import { FieldPath } from './field-path';
import { asArray, asRecord, asString, asText, isRecord } from './json-access';
import { isDNS1123Label, isDNS1123Subdomain, nameIsDNSSubdomain } from './name-rules';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta-validation';

type Obj = Record<string, unknown>;

function validateName(value: unknown, path: FieldPath, check: (v: string) => string[]): StatusCause[] {
  const name = asString(value);
  if (!name) return [required(path)];
  return check(name).map((msg) => invalid(path, name, msg));
}

/** skiff.io/v1alpha1 DeployHook spec: a target workload and container, the signing Secret, allowed tags. */
function validateDeployHookSpec(specValue: unknown): StatusCause[] {
  const path = FieldPath.root('spec');
  if (!isRecord(specValue)) return [required(path)];
  const errs: StatusCause[] = [];
  const targetPath = path.child('target');
  if (!isRecord(specValue.target)) errs.push(required(targetPath));
  else {
    const target = specValue.target;
    const kind = asString(target.kind);
    if (!kind) errs.push(required(targetPath.child('kind')));
    else if (!(DEPLOY_HOOK_TARGET_KINDS as readonly string[]).includes(kind)) errs.push(notSupported(targetPath.child('kind'), kind, DEPLOY_HOOK_TARGET_KINDS));
    errs.push(...validateName(target.name, targetPath.child('name'), isDNS1123Subdomain));
    if (target.container !== undefined && target.container !== '') errs.push(...validateName(target.container, targetPath.child('container'), isDNS1123Label));
  }
  const secretPath = path.child('secretRef');
  if (!isRecord(specValue.secretRef)) errs.push(required(secretPath));
  else errs.push(...validateName(specValue.secretRef.name, secretPath.child('name'), isDNS1123Subdomain));
  asArray(specValue.tagPatterns).forEach((p, i) => {
    const error = typeof p === 'string' ? tagPatternError(p) : 'must be a string';
    if (error) errs.push(invalid(path.child('tagPatterns').index(i), asText(p), error));
  });
  if (specValue.type !== undefined && !(DEPLOY_HOOK_TYPES as readonly unknown[]).includes(specValue.type)) {
    errs.push(notSupported(path.child('type'), asString(specValue.type), DEPLOY_HOOK_TYPES));
  }
  return errs;
}

/** The status is the server's: the path follows the uid, the last outcome is one of the known ones. */
function validateDeployHookStatus(obj: Obj): StatusCause[] {
  const status = asRecord(obj.status);
  const errs: StatusCause[] = [];
  const uid = asString(asRecord(obj.metadata).uid);
  if (status.webhookPath !== undefined && uid && status.webhookPath !== webhookPath(uid)) {
    errs.push(invalid(FieldPath.root('status', 'webhookPath'), asString(status.webhookPath), `must be ${webhookPath(uid)}`));
  }
  const outcome = asRecord(status.lastDelivery).outcome;
  if (outcome !== undefined && !(DELIVERY_OUTCOMES as readonly unknown[]).includes(outcome)) {
    errs.push(notSupported(FieldPath.root('status', 'lastDelivery', 'outcome'), asString(outcome), DELIVERY_OUTCOMES));
  }
  return errs;
}

export function validateDeployHook(obj: Obj): StatusCause[] {
  const errs = validateObjectMeta(asRecord(obj.metadata), { namespaced: true, nameFn: nameIsDNSSubdomain });
  errs.push(...validateDeployHookSpec(obj.spec));
  return errs;
}

export function validateDeployHookUpdate(obj: Obj, old: Obj): StatusCause[] {
  const errs = validateObjectMetaUpdate(asRecord(obj.metadata), asRecord(old.metadata));
  errs.push(...validateDeployHookSpec(obj.spec), ...validateDeployHookStatus(obj));
  return errs;
}
