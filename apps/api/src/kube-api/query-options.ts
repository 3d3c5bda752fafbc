import { Errors } from '@skiff/domain';
import type { FieldValidation } from '../registry/request-context';

type Query = Record<string, unknown>;

export function str(q: Query, name: string): string | undefined {
  const v = q[name];
  if (Array.isArray(v)) return v.length ? String(v[v.length - 1]) : undefined;
  return v === undefined ? undefined : String(v);
}

/** As Go's strconv.ParseBool reads it (the Python client sends `watch=True`). */
export function bool(q: Query, name: string): boolean {
  const v = str(q, name);
  return v === '1' || v === 't' || v === 'T' || v === 'true' || v === 'True' || v === 'TRUE';
}

export function nonNegativeInt(q: Query, name: string): number | undefined {
  const v = str(q, name);
  if (v === undefined || v === '') return undefined;
  // Digits that overflow an int64 (as Kubernetes reads them) are refused too: they would reach SQL as 1e20.
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v))) throw Errors.badRequest(`invalid value for ${name}: "${v}": must be a non-negative integer`);
  return Number(v);
}

export function dryRun(q: Query): boolean {
  const v = q.dryRun;
  const values = (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String);
  for (const x of values) {
    if (x !== 'All') throw Errors.badRequest(`Invalid dryRun value "${x}": only "All" is supported`);
  }
  return values.length > 0;
}

export function fieldValidation(q: Query): FieldValidation {
  const v = str(q, 'fieldValidation');
  if (v === undefined || v === '') return 'Warn';
  if (v === 'Strict' || v === 'Warn' || v === 'Ignore') return v;
  throw Errors.badRequest(`fieldValidation must be one of "Ignore", "Warn", or "Strict", got "${v}"`);
}

/**
 * `resourceVersionMatch=Exact` lists at that revision; NotOlderThan (or none) serves the
 * present, which is never older. Kubernetes' rules for combining them are kept.
 */
export function exactRevision(q: Query): number | undefined {
  const match = str(q, 'resourceVersionMatch');
  const rv = str(q, 'resourceVersion');
  if (!match) return undefined;
  if (match !== 'Exact' && match !== 'NotOlderThan') {
    throw Errors.badRequest(`resourceVersionMatch: Unsupported value: "${match}": supported values: "Exact", "NotOlderThan", ""`);
  }
  if (!rv) throw Errors.badRequest('resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided');
  if (!/^\d+$/.test(rv) || !Number.isSafeInteger(Number(rv))) throw Errors.badRequest(`invalid resource version "${rv}"`);
  if (str(q, 'continue')) throw Errors.badRequest('resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden when continue is provided');
  return match === 'Exact' ? Number(rv) : undefined;
}

export function includeObject(q: Query): 'None' | 'Metadata' | 'Object' {
  const v = str(q, 'includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}
