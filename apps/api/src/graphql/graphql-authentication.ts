import type { IncomingMessage } from 'http';
import { parse } from 'cookie';
import { Errors } from '@skiff/domain';
import { SESSION_COOKIE, type SessionService } from '../accounts/session-service';
import type { AuthenticatedRequest } from '../auth/bearer-auth.middleware';
import type { TokenService, UserInfo } from '../auth/token.service';
import type { StoreRuntime } from '../store/store-runtime';
import { newContext, type GqlContext } from './graphql-context';

interface SocketExtra {
  request: IncomingMessage;
  user?: UserInfo;
}

/**
 * Who a GraphQL operation runs as. Over HTTP the auth middleware has already said
 * (token or session); a graphql-ws connection says so once, when it connects: a bearer
 * token in the connection params (`{ authorization: "Bearer …" }`) or the session cookie
 * of a page of this server.
 */
export class GraphqlAuthentication {
  constructor(
    private readonly rt: StoreRuntime,
    private readonly tokens: TokenService,
    private readonly sessions: SessionService,
  ) {}

  context(arg: unknown): GqlContext {
    const { req, extra } = arg as { req?: AuthenticatedRequest; extra?: SocketExtra };
    if (req?.user) return { ...newContext(req.user, this.rt.store, req.socket.remoteAddress, !!req.viaSession), ...(req.impersonator ? { impersonator: req.impersonator } : {}) };
    if (extra?.user) return newContext(extra.user, this.rt.store, extra.request.socket.remoteAddress);
    throw Errors.unauthorized();
  }

  /** graphql-ws onConnect: false closes the socket (4403 Forbidden). */
  async onConnect(ctx: { connectionParams?: Record<string, unknown>; extra: unknown }): Promise<boolean> {
    const extra = ctx.extra as SocketExtra;
    const header = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
    const bearer = typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header) : null;
    let user: UserInfo | null = null;
    if (bearer) {
      user = await this.tokens.authenticate(bearer[1].trim()).catch(() => null);
    } else {
      const cookie = extra.request.headers.cookie ? parse(extra.request.headers.cookie)[SESSION_COOKIE] : undefined;
      // A browser opens sockets cross-site with the user's cookies: only this server's pages may.
      if (cookie && sameHost(extra.request)) user = await this.sessions.authenticate(cookie).catch(() => null);
    }
    if (!user) return false;
    extra.user = user;
    return true;
  }
}

function sameHost(req: IncomingMessage): boolean {
  try {
    return !!req.headers.origin && new URL(req.headers.origin).host === req.headers.host;
  } catch {
    return false;
  }
}
