import { Errors, type StatusError } from '@skiff/domain';

/**
 * Postgres error codes and network errors that mean "the store cannot be reached right now"
 * (connection refused or lost, server shutting down or starting), not "this request is wrong".
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);
const UNAVAILABLE_NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTCONN']);
const UNAVAILABLE_MESSAGES = [/Connection terminated/i, /timeout exceeded when trying to connect/i, /Client has encountered a connection error/i, /terminating connection/i, /the database system is (starting up|shutting down|in recovery mode)/i];

/** True when `e` (or the driver error TypeORM wraps in it) says Postgres is unreachable. */
export function isStoreUnavailable(e: unknown): boolean {
  for (let cur: any = e, depth = 0; cur && depth < 4; cur = cur.driverError ?? cur.cause, depth++) {
    if (typeof cur.code === 'string' && (UNAVAILABLE_SQLSTATES.has(cur.code) || UNAVAILABLE_NET_CODES.has(cur.code))) return true;
    if (typeof cur.message === 'string' && UNAVAILABLE_MESSAGES.some((re) => re.test(cur.message))) return true;
  }
  return false;
}

/** The 503 a client gets while the store is down: retry shortly. */
export function storeUnavailable(): StatusError {
  return Errors.serviceUnavailable('the storage backend (Postgres) is unavailable; retry shortly', 1);
}
