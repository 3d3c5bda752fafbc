import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The delivery log of deploy hooks: one row per signed delivery, unique per hook and
 * delivery id (a redelivery finds the first one's row), newest first per hook.
 */
export class DeployHookDeliveries1764400000000 implements MigrationInterface {
  name = 'DeployHookDeliveries1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE deploy_hook_deliveries (
      id bigserial PRIMARY KEY,
      hook_uid uuid NOT NULL,
      delivery_id text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      source_ip text NOT NULL DEFAULT '',
      event_type text NOT NULL,
      image text,
      outcome text NOT NULL CHECK (outcome IN ('pending', 'applied', 'unchanged', 'ignored', 'rejected', 'failed')),
      code smallint,
      message text NOT NULL DEFAULT '',
      target_resource_version text,
      UNIQUE (hook_uid, delivery_id)
    )`);
    await q.query(`CREATE INDEX deploy_hook_deliveries_recent ON deploy_hook_deliveries (hook_uid, received_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE deploy_hook_deliveries`);
  }
}
