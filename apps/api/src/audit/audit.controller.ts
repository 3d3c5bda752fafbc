import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../auth/bearer-auth.middleware';
import { RequestAuthorizer } from '../auth/request-authorizer';
import { send } from '../kube-api/negotiation';
import { AuditLog } from './audit-log';
import { AUDIT_PATH, auditQuery } from './audit-query';

/**
 * `GET /skiff/v1/audit?user=&verb=&resource=&namespace=&name=&source=&outcome=&since=&until=&limit=&continue=`:
 * the audit log, newest first, for those RBAC lets read it.
 */
@Controller(AUDIT_PATH.slice(1))
export class AuditController {
  constructor(
    @Inject(AuditLog) private readonly log: AuditLog,
    @Inject(RequestAuthorizer) private readonly authorizer: RequestAuthorizer,
  ) {}

  @Get()
  async list(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    await this.authorizer.nonResource(req.user!, 'get', AUDIT_PATH);
    const page = await this.log.query(auditQuery(req.query as Record<string, unknown>));
    send(req, res, 200, { kind: 'AuditEventList', apiVersion: 'skiff.io/v1', metadata: page.continue ? { continue: page.continue } : {}, items: page.items });
  }
}
