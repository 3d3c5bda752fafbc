import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A request that impersonated someone (kubectl --as) records both: who authenticated, and whom it acted as. */
export class AuditImpersonation1764700000000 implements MigrationInterface {
  name = 'AuditImpersonation1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events ADD COLUMN impersonated_user text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events DROP COLUMN impersonated_user`);
  }
}
