import type { StatusCause } from '../meta/types';
import { forbidden, invalid, required } from './field-errors';
import type { FieldPath } from './field-path';
import { goLiteral } from './go-format';
import { asRecord, hasOwn } from './json-access';
import { isQualifiedName } from './name-rules';
import { formatParsedQuantity, QUANTITY_FORMAT_ERROR, tryParseQuantityExact, type ParsedQuantity } from './quantity';

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

const STANDARD_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'storage',
  'requests.cpu', 'requests.memory', 'requests.ephemeral-storage', 'requests.storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage',
  'pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps',
  'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers',
]);

const INTEGER_RESOURCES = new Set([
  'pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps',
  'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers',
]);

function isHugePageResourceName(name: string): boolean {
  return name.startsWith('hugepages-');
}

/** Native resources are unprefixed or in the kubernetes.io domain. */
function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) return false;
  return isQualifiedName(`requests.${name}`).length === 0;
}

/** Requests may exceed... nothing for GPUs and hugepages: those must equal their limits. */
export function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePageResourceName(name);
}

function isIntegerResourceName(name: string): boolean {
  return INTEGER_RESOURCES.has(name) || isExtendedResourceName(name);
}

function validateResourceName(name: string, path: FieldPath): StatusCause[] {
  const errs = isQualifiedName(name).map((msg) => invalid(path, name, msg));
  if (errs.length) return errs;
  if (!name.includes('/') && !STANDARD_RESOURCES.has(name) && !isHugePageResourceName(name)) {
    errs.push(invalid(path, name, 'must be a standard resource type or fully qualified'));
  }
  return errs;
}

export function validateContainerResourceName(name: string, path: FieldPath): StatusCause[] {
  const errs = validateResourceName(name, path);
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePageResourceName(name)) {
      errs.push(invalid(path, name, 'must be a standard resource for containers'));
    }
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errs.push(invalid(path, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

/**
 * A quantity the server could not parse. The real server rejects it while decoding
 * the request (400); here it is reported against the field so the client sees where.
 */
function parse(value: unknown, path: FieldPath, errs: StatusCause[]): ParsedQuantity | undefined {
  const q = typeof value === 'string' || typeof value === 'number' ? tryParseQuantityExact(value) : undefined;
  if (!q) errs.push(invalid(path, typeof value === 'string' ? value : goLiteral(JSON.stringify(value) ?? 'null'), QUANTITY_FORMAT_ERROR));
  return q;
}

/** Quantity non-negative, and whole for countable resources. */
export function validateResourceQuantityValue(name: string, q: ParsedQuantity, path: FieldPath): StatusCause[] {
  const errs: StatusCause[] = [];
  if (q.nanos < 0n) errs.push(invalid(path, formatParsedQuantity(q), 'must be greater than or equal to 0'));
  if (isIntegerResourceName(name) && q.nanos % 1_000_000_000n !== 0n) {
    errs.push(invalid(path, goLiteral(formatParsedQuantity(q)), 'must be an integer'));
  }
  return errs;
}

/** A container's `resources`: known names, valid quantities, requests within limits. */
export function validateResourceRequirements(resources: unknown, path: FieldPath): StatusCause[] {
  const r = asRecord(resources);
  const limits = asRecord(r.limits);
  const requests = asRecord(r.requests);
  const limPath = path.child('limits');
  const reqPath = path.child('requests');
  const errs: StatusCause[] = [];
  let limCpuOrMemory = false;
  let reqCpuOrMemory = false;
  let hugePages = false;
  for (const [name, value] of Object.entries(limits)) {
    const p = limPath.key(name);
    errs.push(...validateContainerResourceName(name, p));
    const q = parse(value, p, errs);
    if (q) errs.push(...validateResourceQuantityValue(name, q, p));
    if (isHugePageResourceName(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') limCpuOrMemory = true;
  }
  for (const [name, value] of Object.entries(requests)) {
    const p = reqPath.key(name);
    errs.push(...validateContainerResourceName(name, p));
    const q = parse(value, p, errs);
    if (q) {
      errs.push(...validateResourceQuantityValue(name, q, p));
      const limit = hasOwn(limits, name) ? limits[name] : undefined;
      const lq = typeof limit === 'string' || typeof limit === 'number' ? tryParseQuantityExact(limit) : undefined;
      if (lq) {
        const shown = formatParsedQuantity(q);
        const limitShown = formatParsedQuantity(lq);
        if (q.nanos !== lq.nanos && !isOvercommitAllowed(name)) {
          errs.push(invalid(reqPath, shown, `must be equal to ${name} limit of ${limitShown}`));
        } else if (q.nanos > lq.nanos) {
          errs.push(invalid(reqPath, shown, `must be less than or equal to ${name} limit of ${limitShown}`));
        }
      } else if (!hasOwn(limits, name) && !isOvercommitAllowed(name)) {
        errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
      }
    }
    if (isHugePageResourceName(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') reqCpuOrMemory = true;
  }
  if (hugePages && !limCpuOrMemory && !reqCpuOrMemory) errs.push(forbidden(path, 'HugePages require cpu or memory'));
  return errs;
}
