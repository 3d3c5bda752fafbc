import { Errors } from '@skiff/domain';
import type { AuditQuery } from './audit-log';

export const DEFAULT_AUDIT_LIMIT = 100;
export const MAX_AUDIT_LIMIT = 1000;
/** Who may read the audit log: those RBAC grants `get` on this path (cluster-admin does; view/edit/admin do not). */
export const AUDIT_PATH = '/skiff/v1/audit';

/** An audit query from request parameters (REST query string or GraphQL arguments), checked. */
export function auditQuery(p: Record<string, unknown>): AuditQuery {
  const text = (k: string): string | undefined => {
    const v = p[k];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v !== 'string') throw invalid(k, 'must be a string');
    // Postgres refuses NUL in text (the log stores it as `\u0000`).
    if (v.includes('\u0000')) throw invalid(k, 'must not contain the NUL character (U+0000)');
    return v;
  };
  const time = (k: string): Date | undefined => {
    const v = text(k);
    if (v === undefined) return undefined;
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) throw invalid(k, `"${v}" is not an RFC 3339 time`);
    return d;
  };
  const whole = (k: string, def: number | undefined, max: number): number | undefined => {
    const v = p[k];
    if (v === undefined || v === null || v === '') return def;
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isInteger(n) || n < 1 || n > max) throw invalid(k, `must be a whole number from 1 to ${max}`);
    return n;
  };
  const outcome = text('outcome');
  if (outcome && outcome !== 'success' && outcome !== 'failure') throw invalid('outcome', 'must be "success" or "failure"');
  return {
    user: text('user'),
    verb: text('verb'),
    resource: text('resource'),
    namespace: text('namespace'),
    name: text('name'),
    source: text('source'),
    outcome: outcome as AuditQuery['outcome'],
    since: time('since'),
    until: time('until'),
    before: whole('continue', undefined, Number.MAX_SAFE_INTEGER),
    limit: whole('limit', DEFAULT_AUDIT_LIMIT, MAX_AUDIT_LIMIT)!,
  };
}

function invalid(field: string, message: string) {
  return Errors.invalid('skiff.io', 'AuditQuery', '', [{ reason: 'FieldValueInvalid', field, message }]);
}
