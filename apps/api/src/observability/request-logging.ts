import { randomUUID } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/** A client's own id is kept when it is this plain (no spaces, quotes or control characters; at most 128). */
const SANE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** Health checks and scrapes come every few seconds: logged at debug only. */
const QUIET = new Set(['/healthz', '/readyz', '/livez', '/metrics']);

/** The id of a request given as `X-Request-Id` (or kube-apiserver's `Audit-ID`), when it is sane. */
export function saneRequestId(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && SANE_ID.test(value) ? value : undefined;
}

/** The request's id (what its log lines, its audit entry and its `Audit-Id` answer carry). */
export function requestIdOf(req: IncomingMessage): string | undefined {
  return typeof req.id === 'string' ? req.id : undefined;
}

/**
 * Gives each request an id: the client's `X-Request-Id` (or `Audit-ID`) if it is sane,
 * else a new UUID. It is answered as `X-Request-Id` and as kube-apiserver's `Audit-Id`,
 * and put back on the request's `X-Request-Id` header for handlers that read headers.
 */
export function assignRequestId(req: Request, res: Response, next: NextFunction): void {
  const id = saneRequestId(req.headers['x-request-id']) ?? saneRequestId(req.headers['audit-id']) ?? randomUUID();
  req.id = id;
  req.headers['x-request-id'] = id;
  res.setHeader('X-Request-Id', id);
  res.setHeader('Audit-Id', id);
  next();
}

type AuthenticatedMessage = IncomingMessage & { originalUrl?: string; user?: { name: string } };

function pathOf(req: AuthenticatedMessage): string {
  return (req.originalUrl ?? req.url ?? '/').split('?')[0];
}

/**
 * One JSON line per request once answered (pino-http): its id, method, path and query,
 * status, time and user — never its headers or body. Health checks and `/metrics` at
 * debug, server errors at error.
 */
export function requestLogging(logger: Logger): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  const who = (req: AuthenticatedMessage) => (req.user ? { user: req.user.name } : {});
  return pinoHttp<AuthenticatedMessage>({
    logger,
    genReqId: (req) => requestIdOf(req) ?? randomUUID(),
    quietReqLogger: true,
    customLogLevel: (req, res, err) => (err || res.statusCode >= 500 ? 'error' : QUIET.has(pathOf(req)) ? 'debug' : 'info'),
    serializers: {
      req: (r: { method: string; url: string; remoteAddress?: string }) => ({ method: r.method, url: r.url.slice(0, 1000), remoteAddress: r.remoteAddress }),
      res: (r: { statusCode: number }) => ({ statusCode: r.statusCode }),
    },
    customSuccessMessage: (req, res) => `${req.method} ${pathOf(req).slice(0, 200)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req).slice(0, 200)} ${res.statusCode}`,
    customSuccessObject: (req, _res, val) => ({ ...val, ...who(req) }),
    customErrorObject: (req, _res, _err, val) => ({ ...val, ...who(req) }),
  });
}
