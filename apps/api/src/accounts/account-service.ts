import type { DataSource } from 'typeorm';
import { Errors } from '@skiff/domain';
import { checkPassword, checkUserName, hashPassword, passwordMatches } from './passwords';

export interface Account {
  name: string;
  groups: string[];
  createdAt: string;
  lockedUntil?: string;
}

/** Consecutive wrong passwords that lock an account, and for how long. */
export const LOCKOUT = { failures: 5, ms: 5 * 60_000 };

/**
 * Users of the dashboard and of their own tokens: a name, groups (for RBAC bindings)
 * and an argon2id hash. Consecutive failed logins lock the account for a while, so a
 * password cannot be guessed at speed.
 */
export class AccountService {
  constructor(
    private readonly ds: DataSource,
    /** Told when tokens were revoked behind the token service's back (a deleted user's). */
    private readonly tokensRevoked: () => void = () => undefined,
  ) {}

  async create(name: string, password: string, groups: string[] = []): Promise<Account> {
    const bad = checkUserName(name) ?? checkPassword(password);
    if (bad) throw Errors.badRequest(bad);
    const rows = await this.ds.query(
      `INSERT INTO users (name, password_hash, groups) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING RETURNING name, groups, created_at`,
      [name, await hashPassword(password), groups],
    );
    if (!rows.length) throw Errors.alreadyExists({ group: '', resource: 'users' }, name);
    return toAccount(rows[0]);
  }

  async list(): Promise<Account[]> {
    return (await this.ds.query(`SELECT name, groups, created_at, locked_until FROM users ORDER BY name`)).map(toAccount);
  }

  async get(name: string): Promise<Account | undefined> {
    if (!storable(name)) return undefined;
    const rows = await this.ds.query(`SELECT name, groups, created_at, locked_until FROM users WHERE name = $1`, [name]);
    return rows[0] ? toAccount(rows[0]) : undefined;
  }

  async setPassword(name: string, password: string): Promise<void> {
    const bad = checkPassword(password);
    if (bad) throw Errors.badRequest(bad);
    if (!storable(name)) throw Errors.notFound({ group: '', resource: 'users' }, printable(name));
    // As a SELECT: TypeORM answers a bare UPDATE with [rows, count].
    const rows = await this.ds.query(
      `WITH u AS (UPDATE users SET password_hash = $2, failed_logins = 0, locked_until = NULL WHERE name = $1 RETURNING name),
       s AS (DELETE FROM sessions WHERE user_name IN (SELECT name FROM u) RETURNING 1)
       SELECT name FROM u`,
      [name, await hashPassword(password)],
    );
    if (!rows.length) throw Errors.notFound({ group: '', resource: 'users' }, name);
  }

  /**
   * The first start's admin (in system:masters), made only while there are no users at
   * all; undefined when there already are some.
   */
  async createFirstAdmin(name: string, password: string): Promise<Account | undefined> {
    const bad = checkPassword(password);
    if (bad) throw Errors.badRequest(bad);
    // Every start asks; hash (argon2, deliberately slow) only when there is no user yet.
    if ((await this.ds.query(`SELECT 1 FROM users LIMIT 1`)).length) return undefined;
    const rows = await this.ds.query(
      `INSERT INTO users (name, password_hash, groups) SELECT $1, $2, ARRAY['system:masters'] WHERE NOT EXISTS (SELECT 1 FROM users)
       ON CONFLICT (name) DO NOTHING RETURNING name, groups, created_at`,
      [name, await hashPassword(password)],
    );
    return rows[0] ? toAccount(rows[0]) : undefined;
  }

  /** Deletes the user and revokes every token it holds (its sessions go with it). */
  async delete(name: string): Promise<void> {
    if (!storable(name)) throw Errors.notFound({ group: '', resource: 'users' }, printable(name));
    const [{ deleted }] = await this.ds.query(
      `WITH gone AS (DELETE FROM users WHERE name = $1 RETURNING name),
       revoked AS (UPDATE tokens SET revoked_at = now() WHERE user_name IN (SELECT name FROM gone) AND revoked_at IS NULL RETURNING 1)
       SELECT (SELECT count(*) FROM gone) AS deleted, (SELECT count(*) FROM revoked) AS revoked`,
      [name],
    );
    if (Number(deleted) === 0) throw Errors.notFound({ group: '', resource: 'users' }, name);
    this.tokensRevoked();
  }

  /**
   * The account when `password` is right and it is not locked; undefined otherwise (one
   * answer for every failure, so a caller cannot tell a wrong name from a wrong password).
   */
  async login(name: string, password: string, now = new Date()): Promise<Account | undefined> {
    const rows = storable(name) ? await this.ds.query(`SELECT name, groups, created_at, locked_until, password_hash FROM users WHERE name = $1`, [name]) : [];
    const row = rows[0];
    if (!row) {
      await hashPassword(password); // the same work as a real check: no timing difference
      return undefined;
    }
    if (row.locked_until && new Date(row.locked_until) > now) return undefined;
    if (await passwordMatches(row.password_hash, password)) {
      await this.ds.query(`UPDATE users SET failed_logins = 0, locked_until = NULL WHERE name = $1`, [name]);
      return toAccount({ ...row, locked_until: null });
    }
    // The lock starts at the LOCKOUT.failures-th failure in a row; the count starts again after it.
    await this.ds.query(
      `UPDATE users SET
         locked_until = CASE WHEN failed_logins + 1 >= $2 THEN $3::timestamptz ELSE locked_until END,
         failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END
       WHERE name = $1`,
      [name, LOCKOUT.failures, new Date(now.getTime() + LOCKOUT.ms)],
    );
    return undefined;
  }
}

/** Postgres text cannot hold NUL (and refuses it as a parameter): a name with one names no user. */
const storable = (name: string) => !name.includes('\u0000');
const printable = (name: string) => name.replace(/\u0000/g, '\\u0000');

function toAccount(r: { name: string; groups: string[]; created_at: Date; locked_until?: Date | null }): Account {
  return {
    name: r.name,
    groups: r.groups,
    createdAt: new Date(r.created_at).toISOString(),
    ...(r.locked_until ? { lockedUntil: new Date(r.locked_until).toISOString() } : {}),
  };
}
