import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { parse, serialize } from 'cookie';
import { Errors } from '@skiff/domain';
import type { AuthenticatedRequest } from '../auth/bearer-auth.middleware';
import { readObjectBody } from '../kube-api/body-reader';
import { send } from '../kube-api/negotiation';
import { AccountService } from './account-service';
import { LoginRateLimit } from './login-rate-limit';
import { SESSION_COOKIE, SESSION_TTL_MS, SessionService } from './session-service';

const API_VERSION = 'skiff.io/v1';

/** The session id a request carries in its cookie, if any. */
export function sessionCookie(req: Request): string | undefined {
  const header = req.headers.cookie;
  return header ? parse(header)[SESSION_COOKIE] || undefined : undefined;
}

function cookie(value: string, maxAgeSeconds: number): string {
  return serialize(SESSION_COOKIE, value, { httpOnly: true, secure: true, sameSite: 'strict', path: '/', maxAge: maxAgeSeconds });
}

/**
 * `POST /skiff/v1/login` (public), `POST /skiff/v1/logout` and `GET /skiff/v1/session`:
 * the dashboard's way in. A login answers the same for a wrong name, a wrong password
 * and a locked account; attempts are limited per address.
 */
@Controller('skiff/v1')
export class SessionsController {
  constructor(
    @Inject(AccountService) private readonly accounts: AccountService,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(LoginRateLimit) private readonly limit: LoginRateLimit,
  ) {}

  @Post('login')
  async login(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.limit.consume(req.socket.remoteAddress ?? 'unknown');
    const body = (await readObjectBody(req)) as { name?: unknown; password?: unknown };
    if (typeof body?.name !== 'string' || typeof body?.password !== 'string') {
      throw Errors.invalid('skiff.io', 'Login', '', [{ reason: 'FieldValueRequired', field: typeof body?.name !== 'string' ? 'name' : 'password', message: 'Required value' }]);
    }
    const account = await this.accounts.login(body.name, body.password);
    if (!account) throw Errors.unauthorized('invalid user name or password, or the account is locked for a while after repeated failures');
    const session = await this.sessions.open(account.name, req.socket.remoteAddress);
    res.setHeader('Set-Cookie', cookie(session.id, SESSION_TTL_MS / 1000));
    send(req, res, 200, { kind: 'Session', apiVersion: API_VERSION, user: account.name, groups: account.groups, expiresAt: session.expiresAt.toISOString() });
  }

  @Post('logout')
  async logout(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    const id = sessionCookie(req);
    if (id) await this.sessions.close(id);
    res.setHeader('Set-Cookie', cookie('', 0));
    send(req, res, 200, { kind: 'Status', apiVersion: 'v1', status: 'Success' });
  }

  /** Who the caller is (session or token): the dashboard asks on load. */
  @Get('session')
  whoami(@Req() req: AuthenticatedRequest, @Res() res: Response): void {
    send(req, res, 200, { kind: 'Session', apiVersion: API_VERSION, user: req.user!.name, groups: req.user!.groups });
  }
}
