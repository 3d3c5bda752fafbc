import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users with password hashes (argon2id, never the password), and tokens that expire, are revoked and record their last use. */
export class Accounts1764300000000 implements MigrationInterface {
  name = 'Accounts1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE users (
      name text PRIMARY KEY,
      password_hash text NOT NULL,
      groups text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      failed_logins int NOT NULL DEFAULT 0,
      locked_until timestamptz
    )`);
    await q.query(`ALTER TABLE tokens ADD COLUMN expires_at timestamptz, ADD COLUMN revoked_at timestamptz, ADD COLUMN last_used_at timestamptz`);
    await q.query(`CREATE INDEX tokens_user ON tokens (user_name)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tokens_user`);
    await q.query(`ALTER TABLE tokens DROP COLUMN expires_at, DROP COLUMN revoked_at, DROP COLUMN last_used_at`);
    await q.query(`DROP TABLE users`);
  }
}
