import { Controller, Delete, Get, Inject, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../auth/bearer-auth.middleware';
import { TokenService } from '../auth/token.service';
import { readObjectBody } from '../kube-api/body-reader';
import { send } from '../kube-api/negotiation';
import { issueToken, ownerFor, requireAdmin, requireSelfOrAdmin, requiredString, revokeToken, userGroups } from './account-rules';
import { AccountService } from './account-service';

const API_VERSION = 'skiff.io/v1';

/**
 * `/skiff/v1/users` and `/skiff/v1/tokens`: the accounts API that the admin CLI uses
 * (GraphQL serves the same, with the same rules from account-rules). Cluster admins
 * (system:masters) manage users and anyone's tokens; a user manages its own tokens and
 * password.
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
    const name = requiredString(body?.name, 'name');
    const password = requiredString(body?.password, 'password');
    send(req, res, 201, asUser(await this.accounts.create(name, password, userGroups(body?.groups))));
  }

  @Delete('users/:name')
  async deleteUser(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('name') name: string): Promise<void> {
    requireAdmin(req.user!, 'delete users');
    await this.accounts.delete(name);
    send(req, res, 200, { kind: 'Status', apiVersion: 'v1', status: 'Success', details: { name, kind: 'users' } });
  }

  @Put('users/:name/password')
  async setPassword(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('name') name: string): Promise<void> {
    requireSelfOrAdmin(req.user!, name, 'change the password');
    const body = (await readObjectBody(req)) as { password?: unknown };
    await this.accounts.setPassword(name, requiredString(body?.password, 'password'));
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
    const { token, info } = await issueToken(this.accounts, this.tokens, req.user!, { name: body?.name, user: body?.user, expiresInSeconds: body?.expiresInSeconds });
    send(req, res, 201, { kind: 'Token', apiVersion: API_VERSION, ...info, token });
  }

  @Delete('tokens/:id')
  async revokeToken(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('id') id: string): Promise<void> {
    await revokeToken(this.tokens, req.user!, id);
    send(req, res, 200, { kind: 'Status', apiVersion: 'v1', status: 'Success', details: { name: id, kind: 'tokens' } });
  }
}

function asUser(a: { name: string; groups: string[]; createdAt: string; lockedUntil?: string }) {
  return { kind: 'User', apiVersion: API_VERSION, ...a };
}
