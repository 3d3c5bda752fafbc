import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialStore1764000000000 implements MigrationInterface {
  name = 'InitialStore1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE objects (
      resource text NOT NULL,
      namespace text NOT NULL,
      name text NOT NULL,
      uid uuid NOT NULL UNIQUE,
      resource_version bigint NOT NULL,
      labels jsonb NOT NULL DEFAULT '{}',
      owner_uids uuid[] NOT NULL DEFAULT '{}',
      finalizers text[] NOT NULL DEFAULT '{}',
      deletion_timestamp timestamptz,
      node_name text,
      body jsonb NOT NULL,
      PRIMARY KEY (resource, namespace, name)
    )`);
    await q.query(`CREATE INDEX objects_labels_gin ON objects USING gin (labels jsonb_path_ops)`);
    await q.query(`CREATE INDEX objects_owner_uids_gin ON objects USING gin (owner_uids)`);
    await q.query(`CREATE INDEX objects_node_name ON objects (resource, node_name) WHERE node_name IS NOT NULL`);
    await q.query(`CREATE INDEX objects_deleting ON objects (deletion_timestamp) WHERE deletion_timestamp IS NOT NULL`);
    await q.query(`CREATE TABLE changes (
      revision bigint PRIMARY KEY,
      type text NOT NULL,
      resource text NOT NULL,
      namespace text NOT NULL,
      name text NOT NULL,
      body jsonb NOT NULL,
      prev jsonb,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX changes_object ON changes (resource, namespace, name, revision)`);
    await q.query(`CREATE TABLE revision (id int PRIMARY KEY CHECK (id = 1), revision bigint NOT NULL, compacted bigint NOT NULL)`);
    await q.query(`INSERT INTO revision (id, revision, compacted) VALUES (1, 0, 0)`);
    // Unique values objects hold (cluster IPs, node ports), written with the object.
    await q.query(`CREATE TABLE claims (
      claim text PRIMARY KEY,
      resource text NOT NULL,
      namespace text NOT NULL,
      name text NOT NULL
    )`);
    await q.query(`CREATE INDEX claims_holder ON claims (resource, namespace, name)`);
    await q.query(`CREATE TABLE tokens (
      id text PRIMARY KEY,
      name text NOT NULL,
      user_name text NOT NULL,
      groups text[] NOT NULL DEFAULT '{}',
      hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tokens, claims, revision, changes, objects`);
  }
}
