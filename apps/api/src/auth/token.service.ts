import { createHash, randomBytes, randomUUID } from 'crypto';
import type { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { TokenInvalidations } from './token-invalidations';

export interface UserInfo {
  name: string;
  groups: string[];
  /** Node tokens (group system:nodes): the nodes this user may act for. */
  nodes?: string[];
}

export const NODES_GROUP = 'system:nodes';
export const BOOTSTRAPPERS_GROUP = 'system:bootstrappers';
export const MASTERS_GROUP = 'system:masters';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A token as its owner may see it: never the token itself, which only `issue` returns, once. */
export interface TokenInfo {
  id: string;
  name: string;
  user: string;
  createdAt: string;
  expiresAt?: string;
  lastUsedAt?: string;
  revokedAt?: string;
}

/** How often a token's last-used time is written at most (each use would be a write). */
const LAST_USED_EVERY_MS = 60_000;
/**
 * How long an answer is remembered. A revocation reaches the other API processes at once
 * (TokenInvalidations); this bounds it only while their Postgres connection is away.
 */
const CACHE_MS = 10_000;

/**
 * Bearer tokens, stored only as SHA-256 hashes (a token is 256 random bits: a fast hash
 * is enough, unlike a password). A token names a user; a user's groups come from its
 * account when it has one (so a change applies to its tokens), else from the token
 * (the system's own: admin, join, nodes). Tokens may expire and be revoked.
 */
export class TokenService {
  private cache = new Map<string, { user: UserInfo | null; at: number; expiresAt?: number }>();
  private readonly lastUsedWritten = new Map<string, number>();
  private invalidations?: TokenInvalidations;

  constructor(
    private readonly ds: DataSource,
    /** The NOTIFY channel every API process hears revocations on (TokenInvalidations). */
    private readonly invalidationChannel?: string,
  ) {}

  /** Hears the other API processes' revocations from now on (until `onModuleDestroy`). */
  async listenForInvalidations(connect: () => Client): Promise<void> {
    if (!this.invalidationChannel) return;
    this.invalidations = new TokenInvalidations(connect, this.invalidationChannel, (hash) => this.forgetCached(hash));
    await this.invalidations.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.invalidations?.stop();
  }

  /** Drops a remembered answer: one token's (by hash), or every one (`*`). */
  forgetCached(hash: string): void {
    if (hash === '*') this.cache.clear();
    else this.cache.delete(hash);
  }

  async authenticate(token: string, now = Date.now()): Promise<UserInfo | null> {
    const hash = hashToken(token);
    const hit = this.cache.get(hash);
    if (hit && now - hit.at < CACHE_MS && !(hit.expiresAt && hit.expiresAt <= now)) {
      this.touch(hash, now);
      return hit.user;
    }
    const rows = await this.ds.query(
      `SELECT t.user_name, coalesce(u.groups, t.groups) AS groups, t.nodes, t.expires_at FROM tokens t LEFT JOIN users u ON u.name = t.user_name
        WHERE t.hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2)`,
      [hash, new Date(now)],
    );
    const r = rows[0];
    const user: UserInfo | null = r ? { name: r.user_name, groups: r.groups, ...(r.nodes.length ? { nodes: r.nodes } : {}) } : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { user, at: now, ...(r?.expires_at ? { expiresAt: new Date(r.expires_at).getTime() } : {}) });
    if (user) this.touch(hash, now);
    return user;
  }

  /** Issues a new token; the plain value is returned once and never stored. */
  async issue(name: string, user: UserInfo, opts: { expiresAt?: Date } = {}): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.ds.query(`INSERT INTO tokens (id, name, user_name, groups, hash, nodes, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      randomUUID(),
      name,
      user.name,
      user.groups,
      hashToken(token),
      user.nodes ?? [],
      opts.expiresAt ?? null,
    ]);
    return token;
  }

  /** The tokens of `user` (or of everyone), newest first. */
  async list(user?: string): Promise<TokenInfo[]> {
    // Postgres text cannot hold NUL (and refuses it as a parameter): no user has such a name.
    if (user?.includes('\u0000')) return [];
    const rows = await this.ds.query(
      `SELECT id, name, user_name, created_at, expires_at, last_used_at, revoked_at FROM tokens WHERE $1::text IS NULL OR user_name = $1 ORDER BY created_at DESC`,
      [user ?? null],
    );
    return rows.map((r: Record<string, string | Date | null>) => ({
      id: r.id,
      name: r.name,
      user: r.user_name,
      createdAt: iso(r.created_at)!,
      ...(r.expires_at ? { expiresAt: iso(r.expires_at) } : {}),
      ...(r.last_used_at ? { lastUsedAt: iso(r.last_used_at) } : {}),
      ...(r.revoked_at ? { revokedAt: iso(r.revoked_at) } : {}),
    }));
  }

  /** Revokes a token (of `user`, when given); false when there is no such live token. */
  async revoke(id: string, user?: string): Promise<boolean> {
    if (id.includes('\u0000') || user?.includes('\u0000')) return false;
    // As a SELECT: TypeORM answers a bare UPDATE with [rows, count].
    // The other API processes hear of it when this commits (pg_notify without a channel is a no-op).
    const rows: { hash: string }[] = await this.ds.query(
      `WITH r AS (UPDATE tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL AND ($2::text IS NULL OR user_name = $2) RETURNING hash)
       SELECT hash, CASE WHEN $3::text IS NOT NULL THEN pg_notify($3, hash) END FROM r`,
      [id, user ?? null, this.invalidationChannel ?? null],
    );
    for (const r of rows) this.cache.delete(r.hash);
    return rows.length > 0;
  }

  /** Forgets remembered answers, here and in the other API processes (after a user's groups or tokens changed in bulk). */
  forget(): void {
    this.cache.clear();
    if (this.invalidationChannel) this.ds.query(`SELECT pg_notify($1, '*')`, [this.invalidationChannel]).catch(() => undefined);
  }

  /** Records the use, at most once a minute per token, without delaying the request. */
  private touch(hash: string, now: number): void {
    if (now - (this.lastUsedWritten.get(hash) ?? 0) < LAST_USED_EVERY_MS) return;
    if (this.lastUsedWritten.size > 10_000) this.lastUsedWritten.clear();
    this.lastUsedWritten.set(hash, now);
    this.ds.query(`UPDATE tokens SET last_used_at = $2 WHERE hash = $1`, [hash, new Date(now)]).catch(() => this.lastUsedWritten.delete(hash));
  }
}

function iso(v: string | Date | null): string | undefined {
  return v ? new Date(v).toISOString() : undefined;
}
