import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Errors } from '@skiff/domain';
import { sendError } from '../kube-api/negotiation';
import { TokenService, type UserInfo } from './token.service';

/** Paths that answer without a token, as on a default kube-apiserver. */
const PUBLIC = new Set(['/healthz', '/readyz', '/livez', '/version']);

export type AuthenticatedRequest = Request & { user?: UserInfo };

@Injectable()
export class BearerAuthMiddleware implements NestMiddleware {
  constructor(private readonly tokens: TokenService) {}

  async use(req: AuthenticatedRequest, res: Response, next: NextFunction): Promise<void> {
    if (PUBLIC.has(req.path)) return next();
    const header = req.headers.authorization ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(header);
    const user = m ? await this.tokens.authenticate(m[1].trim()).catch(() => null) : null;
    if (!user) {
      // Drain any body so the client sees the 401 rather than a reset.
      req.resume();
      return sendError(req, res, Errors.unauthorized());
    }
    req.user = user;
    next();
  }
}
