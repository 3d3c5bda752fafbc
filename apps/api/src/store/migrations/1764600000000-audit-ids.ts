import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each audit entry keeps its request's id (the `Audit-Id` header), so it can be found in the request logs. */
export class AuditIds1764600000000 implements MigrationInterface {
  name = 'AuditIds1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events ADD COLUMN audit_id text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events DROP COLUMN audit_id`);
  }
}
