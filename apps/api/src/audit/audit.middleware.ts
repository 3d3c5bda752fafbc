import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { shouldAudit, type AuditEntry } from '@skiff/domain';
import type { AuthenticatedRequest } from '../auth/bearer-auth.middleware';
import { requestIdOf } from '../observability/request-logging';
import { AuditLog } from './audit-log';
import { requestTarget, type RequestTarget } from './request-target';

/** What a handler that authenticates on its own (a webhook) tells the audit about its request. */
export interface AuditNote {
  user: string;
  target: Partial<RequestTarget>;
  revision?: string;
  message?: string;
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Records every write made over HTTP — kubectl and scripts (`rest`), the dashboard's
 * session (`dashboard`), deploy webhooks (`webhook`) — once it is answered: who, what,
 * the revision written, the address, the outcome. GraphQL mutations are recorded per
 * mutation by the GraphQL plugin instead.
 */
@Injectable()
export class AuditMiddleware implements NestMiddleware {
  constructor(@Inject(AuditLog) private readonly log: AuditLog) {}

  use(req: AuthenticatedRequest, res: Response, next: NextFunction): void {
    const path = req.originalUrl.split('?')[0];
    if (READS.has(req.method) || path === '/graphql') return next();
    const at = new Date().toISOString();
    res.on('finish', () => this.finished(req, res, path, at));
    next();
  }

  private finished(req: AuthenticatedRequest, res: Response, path: string, at: string): void {
    const note = res.locals.audit as AuditNote | undefined;
    const hook = path.startsWith('/hooks/');
    const parsed = hook ? undefined : requestTarget(req.method, path);
    if (!hook && !parsed) return;
    const base: RequestTarget = hook
      ? { verb: 'create', group: 'skiff.io', resource: 'deployhooks', subresource: 'deliveries', namespace: '', name: '' }
      : { verb: 'create', group: '', resource: '', subresource: '', namespace: '', name: '' };
    const answered = res.locals.answered as { resourceVersion?: string; name?: string } | undefined;
    const target: RequestTarget = { ...base, ...parsed, ...note?.target };
    if (!target.name && target.verb === 'create' && answered?.name) target.name = answered.name;
    if (!shouldAudit(target)) return;
    const revision = Number(note?.revision ?? answered?.resourceVersion);
    const entry: AuditEntry = {
      at,
      user: note?.user ?? (req.impersonator ?? req.user)?.name ?? 'system:anonymous',
      groups: (req.impersonator ?? req.user)?.groups ?? [],
      ...(req.impersonator && req.user ? { impersonatedUser: req.user.name } : {}),
      source: hook ? 'webhook' : req.viaSession ? 'dashboard' : 'rest',
      ...target,
      ...(Number.isSafeInteger(revision) && revision > 0 && res.statusCode < 300 ? { revision } : {}),
      sourceIP: req.socket.remoteAddress,
      ...(req.headers['user-agent'] ? { userAgent: String(req.headers['user-agent']).slice(0, 200) } : {}),
      code: res.statusCode,
      ...(note?.message || res.locals.statusMessage ? { message: String(note?.message ?? res.locals.statusMessage).slice(0, 1000) } : {}),
      dryRun: /(^|&)dryRun=All(&|$)/.test(req.originalUrl.split('?')[1] ?? ''),
      auditID: requestIdOf(req),
    };
    this.log.record(entry);
  }
}
