import { randomBytes } from 'crypto';
import type { DataSource } from 'typeorm';
import { hashToken, type UserInfo } from '../auth/token.service';

/** The dashboard's session cookie. */
export const SESSION_COOKIE = 'skiff_session';
/** A session lasts this long from login (then the user logs in again). */
export const SESSION_TTL_MS = 12 * 3600_000;

/**
 * Login sessions of the dashboard: a random id in an httpOnly cookie; the table keeps
 * only its SHA-256 (like tokens), the user and when it ends. Deleting a user or
 * changing its password ends its sessions; groups are read from the account on each
 * request, so a change applies at once.
 */
export class SessionService {
  constructor(private readonly ds: DataSource) {}

  async open(user: string, sourceIp: string | undefined, now = Date.now()): Promise<{ id: string; expiresAt: Date }> {
    const id = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now + SESSION_TTL_MS);
    await this.ds.query(`INSERT INTO sessions (hash, user_name, expires_at, source_ip) VALUES ($1, $2, $3, $4)`, [hashToken(id), user, expiresAt, sourceIp ?? null]);
    // Now and then, forget sessions that have ended.
    if (Math.random() < 0.05) void this.ds.query(`DELETE FROM sessions WHERE expires_at < now()`).catch(() => undefined);
    return { id, expiresAt };
  }

  async authenticate(id: string, now = Date.now()): Promise<UserInfo | null> {
    const rows = await this.ds.query(
      `SELECT u.name, u.groups FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.hash = $1 AND s.expires_at > $2`,
      [hashToken(id), new Date(now)],
    );
    return rows[0] ? { name: rows[0].name, groups: rows[0].groups } : null;
  }

  async close(id: string): Promise<void> {
    await this.ds.query(`DELETE FROM sessions WHERE hash = $1`, [hashToken(id)]);
  }
}
