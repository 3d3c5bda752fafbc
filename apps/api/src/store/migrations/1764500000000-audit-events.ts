import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log: one row per change asked for on any surface (REST, GraphQL, webhooks, the dashboard), allowed or not. */
export class AuditEvents1764500000000 implements MigrationInterface {
  name = 'AuditEvents1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE audit_events (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL,
      user_name text NOT NULL,
      groups text[] NOT NULL DEFAULT '{}',
      source text NOT NULL,
      verb text NOT NULL,
      api_group text NOT NULL DEFAULT '',
      resource text NOT NULL DEFAULT '',
      subresource text NOT NULL DEFAULT '',
      namespace text NOT NULL DEFAULT '',
      name text NOT NULL DEFAULT '',
      revision bigint,
      source_ip text,
      user_agent text,
      code int NOT NULL,
      message text,
      dry_run boolean NOT NULL DEFAULT false
    )`);
    await q.query(`CREATE INDEX audit_events_at ON audit_events (at)`);
    await q.query(`CREATE INDEX audit_events_user ON audit_events (user_name, id)`);
    await q.query(`CREATE INDEX audit_events_object ON audit_events (resource, namespace, name, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
  }
}
