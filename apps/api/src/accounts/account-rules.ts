import { Errors, type StatusError } from '@skiff/domain';
import { MASTERS_GROUP, type TokenInfo, type TokenService, type UserInfo } from '../auth/token.service';
import type { AccountService } from './account-service';

/**
 * The rules of the accounts API, one copy for every surface that serves it (REST at
 * `/skiff/v1/users|tokens`, GraphQL): cluster admins (system:masters) manage users and
 * anyone's tokens; a user manages its own tokens and password. Failures are Status errors.
 */

/** The longest a token may live when it is given a lifetime at all. */
export const MAX_TOKEN_SECONDS = 10 * 365 * 24 * 3600;
/** The shortest. */
export const MIN_TOKEN_SECONDS = 60;

export function isClusterAdmin(user: UserInfo): boolean {
  return user.groups.includes(MASTERS_GROUP);
}

/** 403 unless `user` is a cluster admin; `what` as in `User "bob" cannot list users`. */
export function requireAdmin(user: UserInfo, what: string): void {
  if (!isClusterAdmin(user)) throw Errors.forbidden(`User "${user.name}" cannot ${what}: only cluster admins may`);
}

/** Whose tokens a request is about: its own, or (admins only) another user's; undefined = all (admins). */
export function ownerFor(user: UserInfo, asked: string | undefined, what: string): string | undefined {
  if (asked === user.name) return asked;
  if (!isClusterAdmin(user)) {
    if (asked !== undefined) throw Errors.forbidden(`User "${user.name}" cannot ${what} "${asked}"`);
    return user.name;
  }
  return asked;
}

/** A password change of `name`: the user itself, or an admin. */
export function requireSelfOrAdmin(user: UserInfo, name: string, what: string): void {
  if (user.name !== name) requireAdmin(user, `${what} of "${name}"`);
}

/** A non-empty string argument, else 422 naming it; NUL, which Postgres text cannot hold, is refused too. */
export function requiredString(v: unknown, field: string): string {
  if (typeof v !== 'string' || !v) throw invalidAccountField(field, 'Required value');
  if (v.includes('\u0000')) throw invalidAccountField(field, 'Invalid value: must not contain the NUL character (U+0000)');
  return v;
}

/** The groups of a new user: a list of names, none of the system's own (`system:…`). Undefined = none. */
export function userGroups(v: unknown): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((g) => typeof g !== 'string' || !g || g.startsWith('system:') || g.includes('\u0000'))) {
    throw invalidAccountField('groups', 'must be a list of group names, none starting with "system:"');
  }
  return v as string[];
}

/** When a token given `seconds` to live expires (undefined: never), or 422 for a lifetime out of bounds. */
export function tokenExpiry(seconds: unknown, now = Date.now()): Date | undefined {
  if (seconds === undefined) return undefined;
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < MIN_TOKEN_SECONDS || seconds > MAX_TOKEN_SECONDS) {
    throw invalidAccountField('expiresInSeconds', `must be a whole number of seconds from ${MIN_TOKEN_SECONDS} to ${MAX_TOKEN_SECONDS}`);
  }
  return new Date(now + seconds * 1000);
}

export function invalidAccountField(field: string, message: string): StatusError {
  return Errors.invalid('skiff.io', 'Account', '', [{ reason: 'FieldValueInvalid', field, message }]);
}

export interface TokenRequest {
  /** What the token is for, as its owner will recognise it (`ci`, `kubeconfig`). */
  name: unknown;
  /** Whose token (admins only for another user); the caller's when absent. */
  user?: unknown;
  expiresInSeconds?: unknown;
}

export interface IssuedToken {
  /** The token itself: in this answer only, never stored (only its SHA-256). */
  token: string;
  info: TokenInfo;
}

/**
 * A new token for the caller or (admins) another user with an account, carrying the
 * account's groups. The only place a token's value is ever returned.
 */
export async function issueToken(accounts: AccountService, tokens: TokenService, caller: UserInfo, req: TokenRequest): Promise<IssuedToken> {
  const name = requiredString(req.name, 'name');
  const asked = req.user === undefined ? undefined : requiredString(req.user, 'user');
  const owner = ownerFor(caller, asked, 'create tokens for') ?? caller.name;
  const account = await accounts.get(owner);
  if (!account) throw Errors.notFound({ group: 'skiff.io', resource: 'users' }, owner);
  const expiresAt = tokenExpiry(req.expiresInSeconds);
  const token = await tokens.issue(name, { name: owner, groups: account.groups }, { expiresAt });
  // Newest first: the one just issued is the first live one of that name.
  const info = (await tokens.list(owner)).find((t) => t.name === name && !t.revokedAt)!;
  return { token, info };
}

/** Revokes a token: any (admins) or the caller's own; 404 otherwise, so others' ids are not confirmed. */
export async function revokeToken(tokens: TokenService, caller: UserInfo, id: string): Promise<void> {
  if (!(await tokens.revoke(id, isClusterAdmin(caller) ? undefined : caller.name))) throw Errors.notFound({ group: 'skiff.io', resource: 'tokens' }, id);
}
