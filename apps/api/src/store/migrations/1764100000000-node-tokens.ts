import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Node tokens name the nodes they may act for. */
export class NodeTokens1764100000000 implements MigrationInterface {
  name = 'NodeTokens1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tokens ADD COLUMN nodes text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tokens DROP COLUMN nodes`);
  }
}
