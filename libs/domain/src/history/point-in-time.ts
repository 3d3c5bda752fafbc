import { Errors } from '../errors/status-error';

/** A moment in an object's history: a cluster revision, or an RFC 3339 time. */
export type PointInTime = { revision: number } | { time: string };

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

/** A revision as the query gives it: decimal digits, no sign, within a safe integer. */
export function parseRevisionParam(value: string, param: string): number {
  if (!/^\d{1,16}$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw Errors.badRequest(`invalid value for ${param}: "${value}": must be a revision (a non-negative integer)`);
  }
  return Number(value);
}

/** An RFC 3339 time (`2026-11-25T10:00:00Z`, `…T10:00:00.123456+01:00`), kept as written so no precision is lost. */
export function parseTimeParam(value: string, param: string): string {
  const m = RFC3339.exec(value);
  const ok = m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= 31 && Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 61;
  if (!ok || Number.isNaN(Date.parse(value))) {
    throw Errors.badRequest(`invalid value for ${param}: "${value}": must be an RFC 3339 time such as 2026-11-25T10:00:00Z`);
  }
  return value;
}

/** `?revision=` or `?time=` (exactly one) on an object read. */
export function pointFromQuery(revision: string | undefined, time: string | undefined): PointInTime {
  if ((revision === undefined) === (time === undefined)) {
    throw Errors.badRequest('exactly one of "revision" (a resourceVersion) or "time" (RFC 3339) is required');
  }
  return revision !== undefined ? { revision: parseRevisionParam(revision, 'revision') } : { time: parseTimeParam(time!, 'time') };
}

/** `from=` / `to=` of a diff: a revision (digits) or an RFC 3339 time. */
export function parsePointInTime(value: string | undefined, param: string): PointInTime {
  if (value === undefined || value === '') throw Errors.badRequest(`"${param}" is required: a revision or an RFC 3339 time`);
  return /^\d+$/.test(value) ? { revision: parseRevisionParam(value, param) } : { time: parseTimeParam(value, param) };
}

/** How a point is written in messages and diff headers: `12`, `2026-11-25T10:00:00Z`. */
export function describePoint(p: PointInTime): string {
  return 'revision' in p ? String(p.revision) : p.time;
}
