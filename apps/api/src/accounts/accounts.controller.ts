import { Controller, Delete, Get, Inject, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Errors } from '@skiff/domain';
import type { AuthenticatedRequest } from '../auth/bearer-auth.middleware';
import { MASTERS_GROUP, TokenService, type UserInfo } from '../auth/token.service';
import { readObjectBody } from '../kube-api/body-reader';
import { send } from '../kube-api/negotiation';
import { AccountService } from './account-service';

const API_VERSION = 'skiff.io/v1';
/** The longest a token may live when it is given a lifetime at all. */
const MAX_TOKEN_SECONDS = 10 * 365 * 24 * 3600;

/**
 * `/skiff/v1/users` and `/skiff/v1/tokens`: the accounts API that the admin CLI and the
 * dashboard use. Cluster admins (system:masters) manage users and anyone's tokens; a
 * user manages its own tokens and password. (RBAC for these comes with the authorizer.)
 */
@Controller('skiff/v1')
export class AccountsController {
  constructor(
    @Inject(AccountService) private readonly accounts: AccountService,
    @Inject(TokenService) private readonly tokens: TokenService,
  ) {}

  @Get('users')
  async listUsers(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    requireAdmin(req.user!, 'list users');
    send(req, res, 200, { kind: 'UserList', apiVersion: API_VERSION, items: (await this.accounts.list()).map(asUser) });
  }

  @Post('users')
  async createUser(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    requireAdmin(req.user!, 'create users');
    const body = (await readObjectBody(req)) as { name?: unknown; password?: unknown; groups?: unknown };
    const name = field(body?.name, 'name');
    const password = field(body?.password, 'password');
    const groups = body?.groups === undefined ? [] : body.groups;
    if (!Array.isArray(groups) || groups.some((g) => typeof g !== 'string' || !g || g.startsWith('system:'))) {
      throw invalid('groups', 'must be a list of group names, none starting with "system:"');
    }
    send(req, res, 201, asUser(await this.accounts.create(name, password, groups)));
  }

  @Delete('users/:name')
  async deleteUser(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('name') name: string): Promise<void> {
    requireAdmin(req.user!, 'delete users');
    await this.accounts.delete(name);
    send(req, res, 200, { kind: 'Status', apiVersion: 'v1', status: 'Success', details: { name, kind: 'users' } });
  }

  @Put('users/:name/password')
  async setPassword(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('name') name: string): Promise<void> {
    if (req.user!.name !== name) requireAdmin(req.user!, `change the password of "${name}"`);
    const body = (await readObjectBody(req)) as { password?: unknown };
    await this.accounts.setPassword(name, field(body?.password, 'password'));
    send(req, res, 200, { kind: 'Status', apiVersion: 'v1', status: 'Success', details: { name, kind: 'users' } });
  }

  @Get('tokens')
  async listTokens(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query('user') user?: string): Promise<void> {
    const of = ownerFor(req.user!, user, 'list the tokens of');
    send(req, res, 200, { kind: 'TokenList', apiVersion: API_VERSION, items: (await this.tokens.list(of)).map((t) => ({ kind: 'Token', apiVersion: API_VERSION, ...t })) });
  }

  /** The token itself is in this answer only. */
  @Post('tokens')
  async createToken(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    const body = (await readObjectBody(req)) as { name?: unknown; user?: unknown; expiresInSeconds?: unknown };
    const name = field(body?.name, 'name');
    const of = ownerFor(req.user!, body?.user === undefined ? undefined : field(body.user, 'user'), 'create tokens for') ?? req.user!.name;
    const account = await this.accounts.get(of);
    if (!account) throw Errors.notFound({ group: 'skiff.io', resource: 'users' }, of);
    const seconds = body?.expiresInSeconds;
    if (seconds !== undefined && (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 60 || seconds > MAX_TOKEN_SECONDS)) {
      throw invalid('expiresInSeconds', `must be a whole number of seconds from 60 to ${MAX_TOKEN_SECONDS}`);
    }
    const expiresAt = typeof seconds === 'number' ? new Date(Date.now() + seconds * 1000) : undefined;
    const token = await this.tokens.issue(name, { name: of, groups: account.groups }, { expiresAt });
    const info = (await this.tokens.list(of)).find((t) => t.name === name && !t.revokedAt);
    send(req, res, 201, { kind: 'Token', apiVersion: API_VERSION, ...info, token });
  }

  @Delete('tokens/:id')
  async revokeToken(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('id') id: string): Promise<void> {
    const admin = req.user!.groups.includes(MASTERS_GROUP);
    if (!(await this.tokens.revoke(id, admin ? undefined : req.user!.name))) throw Errors.notFound({ group: 'skiff.io', resource: 'tokens' }, id);
    send(req, res, 200, { kind: 'Status', apiVersion: 'v1', status: 'Success', details: { name: id, kind: 'tokens' } });
  }
}

function asUser(a: { name: string; groups: string[]; createdAt: string; lockedUntil?: string }) {
  return { kind: 'User', apiVersion: API_VERSION, ...a };
}

function requireAdmin(user: UserInfo, what: string): void {
  if (!user.groups.includes(MASTERS_GROUP)) throw Errors.forbidden(`User "${user.name}" cannot ${what}: only cluster admins may`);
}

/** Whose tokens a request is about: its own, or (admins only) another user's; undefined = all (admins). */
function ownerFor(user: UserInfo, asked: string | undefined, what: string): string | undefined {
  if (asked === user.name) return asked;
  if (!user.groups.includes(MASTERS_GROUP)) {
    if (asked !== undefined) throw Errors.forbidden(`User "${user.name}" cannot ${what} "${asked}"`);
    return user.name;
  }
  return asked;
}

function field(v: unknown, name: string): string {
  if (typeof v !== 'string' || !v) throw invalid(name, 'Required value');
  return v;
}

function invalid(field: string, message: string) {
  return Errors.invalid('skiff.io', 'Account', '', [{ reason: 'FieldValueInvalid', field, message }]);
}
