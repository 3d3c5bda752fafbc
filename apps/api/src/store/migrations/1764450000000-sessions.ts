import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Dashboard login sessions: only a hash of the cookie's value is kept; a deleted user's sessions go with it. */
export class Sessions1764450000000 implements MigrationInterface {
  name = 'Sessions1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sessions (
      hash text PRIMARY KEY,
      user_name text NOT NULL REFERENCES users (name) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      source_ip text
    )`);
    await q.query(`CREATE INDEX sessions_user ON sessions (user_name)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sessions`);
  }
}
