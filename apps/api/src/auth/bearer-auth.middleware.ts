import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Errors, impersonationRequest, isDeliveryRequest, isStatusError } from '@skiff/domain';
import { SessionService } from '../accounts/session-service';
import { sessionCookie } from '../accounts/sessions.controller';
import { isStoreUnavailable, storeUnavailable } from '../store/store-unavailable';
import { sendError } from '../kube-api/negotiation';
import { RequestAuthorizer } from './request-authorizer';
import { TokenService, type UserInfo } from './token.service';

/** Paths that answer without a token, as on a default kube-apiserver, and the dashboard's login. */
const PUBLIC = new Set(['/healthz', '/readyz', '/livez', '/version', '/skiff/v1/login']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type AuthenticatedRequest = Request & {
  user?: UserInfo;
  /** Authenticated by the dashboard's session cookie. */
  viaSession?: boolean;
  /** Who authenticated, when the request impersonates `user` (kubectl --as). */
  impersonator?: UserInfo;
};

/**
 * Who is asking: a bearer token (kubectl, scripts, agents) or the dashboard's session
 * cookie. A cookie's changes must come from a page of this server (the Origin names
 * this host): with SameSite=Strict, a second guard against cross-site requests.
 */
@Injectable()
export class BearerAuthMiddleware implements NestMiddleware {
  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: SessionService,
    private readonly authorizer: RequestAuthorizer,
  ) {}

  async use(req: AuthenticatedRequest, res: Response, next: NextFunction): Promise<void> {
    // Mounted for every route, the middleware sees `req.path` as '/': read the full path.
    if (PUBLIC.has(req.originalUrl.split('?')[0])) return next();
    // A deploy hook delivery (POST /hooks/<uid>) is authenticated by its signature (webhooks/), nothing else.
    if (isDeliveryRequest(req.method, req.originalUrl.split('?')[0])) return next();
    const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    const session = m ? undefined : sessionCookie(req);
    let user: UserInfo | null = null;
    // A credential that cannot be checked because Postgres is out of reach is not a wrong one: 503, not 401.
    let unavailable = false;
    const failed = (e: unknown) => {
      unavailable = isStoreUnavailable(e);
      return null;
    };
    if (m) user = await this.tokens.authenticate(m[1].trim()).catch(failed);
    else if (session) user = await this.sessions.authenticate(session).catch(failed);
    if (!user) {
      // Drain any body so the client sees the 401 rather than a reset.
      req.resume();
      return sendError(req, res, unavailable ? storeUnavailable() : Errors.unauthorized());
    }
    if (session && !SAFE_METHODS.has(req.method) && !sameOrigin(req)) {
      req.resume();
      return sendError(req, res, Errors.forbidden('a session may only make changes from a page of this server (Origin does not match)'));
    }
    try {
      // kubectl --as: act as another user, when this one may impersonate it.
      const impersonation = impersonationRequest(req.headers);
      if (impersonation) {
        req.impersonator = user;
        user = await this.authorizer.impersonate(user, impersonation);
      }
    } catch (e) {
      req.resume();
      return sendError(req, res, isStatusError(e) || !isStoreUnavailable(e) ? e : storeUnavailable());
    }
    req.user = user;
    if (session) req.viaSession = true;
    next();
  }
}

function sameOrigin(req: Request): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    const host = new URL(origin).host;
    return host === req.headers.host || host === req.headers['x-forwarded-host'];
  } catch {
    return false;
  }
}
