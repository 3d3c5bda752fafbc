import { Inject } from '@nestjs/common';
import { Args, Context, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { issueToken, ownerFor, requireAdmin, requireSelfOrAdmin, requiredString, revokeToken, userGroups } from '../../accounts/account-rules';
import { AccountService } from '../../accounts/account-service';
import { TokenService } from '../../auth/token.service';
import type { GqlContext } from '../graphql-context';
import { IssuedToken, Token, User, UserInfo } from './account-types';
import { ClusterEndpoint } from './cluster-endpoint';
import { optionalStr, orUndefined, str } from '../graphql-args';

const EXPIRES = { type: () => Int, nullable: true, description: 'Seconds the token lives, 60 to 10 years; never expires when left out.' };

/**
 * Users and tokens, as the REST accounts API serves them and by the same rules
 * (account-rules): cluster admins manage users and anyone's tokens; a user its own
 * tokens and password. A token's value is returned once, when it is made.
 */
@Resolver()
export class AccountsResolver {
  constructor(
    @Inject(AccountService) private readonly accounts: AccountService,
    @Inject(TokenService) private readonly tokenService: TokenService,
    @Inject(ClusterEndpoint) private readonly endpoint: ClusterEndpoint,
  ) {}

  @Query(() => UserInfo, { description: 'The caller: its name and groups.' })
  me(@Context() ctx: GqlContext): UserInfo {
    return { name: ctx.user.name, groups: ctx.user.groups };
  }

  @Query(() => [User], { description: 'Every user account (cluster admins only).' })
  users(@Context() ctx: GqlContext): Promise<User[]> {
    requireAdmin(ctx.user, 'list users');
    return this.accounts.list();
  }

  @Query(() => [Token], { description: 'Tokens, newest first: the caller’s own; a cluster admin’s choice of user, or everyone’s when left out.' })
  tokens(@Args('user', optionalStr('Whose tokens.')) user: string | null, @Context() ctx: GqlContext): Promise<Token[]> {
    return this.tokenService.list(ownerFor(ctx.user, orUndefined(user), 'list the tokens of'));
  }

  @Mutation(() => User, { description: 'A new user (cluster admins only). It has no rights until a binding grants some (grantRole).' })
  createUser(
    @Args('name', str('1-63 lower-case letters, digits, `.`, `_`, `@` or `-`.')) name: string,
    @Args('password', str('At least 12 characters.')) password: string,
    @Args('groups', { type: () => [String], nullable: true, description: 'Groups for RBAC bindings; none starting with `system:`.' }) groups: string[] | null,
    @Context() ctx: GqlContext,
  ): Promise<User> {
    requireAdmin(ctx.user, 'create users');
    return this.accounts.create(requiredString(name, 'name'), requiredString(password, 'password'), userGroups(orUndefined(groups)));
  }

  @Mutation(() => Boolean, { description: 'Deletes a user (cluster admins only); its tokens and sessions stop working.' })
  async deleteUser(@Args('name', str('The user.')) name: string, @Context() ctx: GqlContext): Promise<boolean> {
    requireAdmin(ctx.user, 'delete users');
    await this.accounts.delete(name);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Sets a password: one’s own, or anyone’s as a cluster admin. Ends the user’s dashboard sessions and unlocks it.' })
  async setPassword(@Args('name', str('The user.')) name: string, @Args('password', str('At least 12 characters.')) password: string, @Context() ctx: GqlContext): Promise<boolean> {
    requireSelfOrAdmin(ctx.user, name, 'change the password');
    await this.accounts.setPassword(name, requiredString(password, 'password'));
    return true;
  }

  @Mutation(() => IssuedToken, { description: 'A new bearer token for the caller or (cluster admins) another user. The token is in this answer only.' })
  createToken(
    @Args('name', str('What it is for, e.g. `ci`.')) name: string,
    @Args('user', optionalStr('Whose token; the caller’s when left out.')) user: string | null,
    @Args('expiresInSeconds', EXPIRES) expiresInSeconds: number | null,
    @Context() ctx: GqlContext,
  ): Promise<IssuedToken> {
    return issueToken(this.accounts, this.tokenService, ctx.user, { name, user: orUndefined(user), expiresInSeconds: orUndefined(expiresInSeconds) });
  }

  @Mutation(() => Boolean, { description: 'Revokes a token: the caller’s own, or any as a cluster admin.' })
  async revokeToken(@Args('id', str('The token’s id.')) id: string, @Context() ctx: GqlContext): Promise<boolean> {
    await revokeToken(this.tokenService, ctx.user, id);
    return true;
  }

  @Mutation(() => String, { description: 'A kubeconfig (YAML) with a new token named `kubeconfig`, for the caller or (cluster admins) another user, as `npm run skiff -- kubeconfig --user` writes it.' })
  async kubeconfig(
    @Args('user', optionalStr('Whose; the caller’s when left out.')) user: string | null,
    @Args('expiresInSeconds', EXPIRES) expiresInSeconds: number | null,
    @Args('namespace', optionalStr('The context’s namespace; `default` when left out.')) namespace: string | null,
    @Context() ctx: GqlContext,
  ): Promise<string> {
    const { token, info } = await issueToken(this.accounts, this.tokenService, ctx.user, { name: 'kubeconfig', user: orUndefined(user), expiresInSeconds: orUndefined(expiresInSeconds) });
    return this.endpoint.kubeconfig(info.user, token, orUndefined(namespace));
  }
}
