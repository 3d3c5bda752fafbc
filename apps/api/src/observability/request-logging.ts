import { randomUUID } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

declare module 'http' {
  interface IncomingMessage {
    /** The request's id (assignRequestId). */
    id?: string;
  }
}

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
 * One JSON line per request once answered: its id, method, path and query, status, time and
 * user — never its headers or body. Health checks and `/metrics` at debug, server errors at
 * error. Written straight with pino (no per-request child logger, nothing done when the level
 * is off): pino-http cost a quarter of the API's throughput on small requests.
 */
export function requestLogging(logger: Logger): (req: AuthenticatedMessage, res: ServerResponse, next: () => void) => void {
  return (req, res, next) => {
    const started = performance.now();
    const done = () => {
      const aborted = !res.writableFinished;
      const level = res.statusCode >= 500 ? 'error' : QUIET.has(pathOf(req)) ? 'debug' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const path = pathOf(req).slice(0, 200);
      logger[level](
        {
          reqId: requestIdOf(req),
          req: { method: req.method, url: (req.originalUrl ?? req.url ?? '').slice(0, 1000), remoteAddress: req.socket?.remoteAddress },
          res: { statusCode: res.statusCode },
          responseTime: Math.round(performance.now() - started),
          ...(req.user ? { user: req.user.name } : {}),
        },
        aborted ? `${req.method} ${path} aborted` : `${req.method} ${path} ${res.statusCode}`,
      );
    };
    res.once('close', done);
    next();
  };
}
