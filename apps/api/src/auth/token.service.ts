import { createHash, randomBytes, randomUUID } from 'crypto';
import type { DataSource } from 'typeorm';

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

/**
 * Bearer tokens, stored only as SHA-256 hashes. Accounts and RBAC come later;
 * for now a token names a user and its groups.
 */
export class TokenService {
  private cache = new Map<string, { user: UserInfo | null; at: number }>();

  constructor(private readonly ds: DataSource) {}

  async authenticate(token: string): Promise<UserInfo | null> {
    const hash = hashToken(token);
    const hit = this.cache.get(hash);
    if (hit && Date.now() - hit.at < 10_000) return hit.user;
    const rows = await this.ds.query(`SELECT user_name, groups, nodes FROM tokens WHERE hash = $1`, [hash]);
    const r = rows[0];
    const user: UserInfo | null = r ? { name: r.user_name, groups: r.groups, ...(r.nodes.length ? { nodes: r.nodes } : {}) } : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { user, at: Date.now() });
    return user;
  }

  /** Issues a new token; the plain value is returned once and never stored. */
  async issue(name: string, user: UserInfo): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.ds.query(`INSERT INTO tokens (id, name, user_name, groups, hash, nodes) VALUES ($1, $2, $3, $4, $5, $6)`, [
      randomUUID(),
      name,
      user.name,
      user.groups,
      hashToken(token),
      user.nodes ?? [],
    ]);
    return token;
  }
}
