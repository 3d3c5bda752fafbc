import type { DataSource } from 'typeorm';
import type { KubeObject } from '@skiff/domain';
import { SEALED_FIELD, type BodyCodec, type RowIdentity } from './body-codec';

const RESOURCE = 'secrets';
const BATCH = 200;

/** What a pass rewrote: rows of `objects` and of `changes`, and what could not be opened. */
export interface ResealResult {
  /** The key everything rewritten is now sealed with. */
  key: string;
  objects: number;
  changes: number;
  failed: string[];
}

type Mode = 'plaintext' | 'stale';

/** The key ids the Secrets in `objects` are sealed with (plaintext rows name none). */
export async function sealedKeysInUse(ds: DataSource): Promise<string[]> {
  const rows: { key: string }[] = await ds.query(
    `SELECT DISTINCT split_part(body->>'${SEALED_FIELD}', ':', 1) AS key FROM objects WHERE resource = $1 AND body ? '${SEALED_FIELD}'`,
    [RESOURCE],
  );
  return rows.map((r) => r.key).sort();
}

/**
 * Rewrites stored Secret bodies in place, in batches, outside the write path: the
 * object is the same, only its stored form changes, so resourceVersion and the change
 * log's revisions stay as they are and no watch event is sent. A row of `objects` is
 * rewritten only if its resource_version is still the one read (a concurrent write
 * wins); `changes` rows are never updated by anything else.
 */
export class SecretResealer {
  constructor(
    private readonly ds: DataSource,
    private readonly codec: BodyCodec,
  ) {}

  /** Seals Secrets stored in plaintext (written before encryption was on). */
  sealPlaintext(): Promise<ResealResult> {
    return this.run('plaintext');
  }

  /** Re-seals, with the first key, every stored Secret sealed with another key (or none). */
  reencrypt(): Promise<ResealResult> {
    return this.run('stale');
  }

  private async run(mode: Mode): Promise<ResealResult> {
    const failed: string[] = [];
    const objects = await this.objects(mode, failed);
    const changes = await this.changes(mode, failed);
    return { key: this.codec.ring.primaryId, objects, changes, failed };
  }

  /** SQL: `col` holds a body this pass rewrites; `$n` is the first key's id in `stale` mode. */
  private needs(col: string, mode: Mode, n: number): string {
    return mode === 'plaintext' ? `NOT (${col} ? '${SEALED_FIELD}')` : `coalesce(split_part(${col}->>'${SEALED_FIELD}', ':', 1), '') <> $${n}`;
  }

  private async objects(mode: Mode, failed: string[]): Promise<number> {
    let after = ['', ''];
    let rewritten = 0;
    for (;;) {
      const rows: { namespace: string; name: string; rv: string; body: KubeObject }[] = await this.ds.query(
        `SELECT namespace, name, resource_version AS rv, body FROM objects
          WHERE resource = $1 AND (namespace, name) > ($2, $3) AND ${this.needs('body', mode, 4)}
          ORDER BY namespace, name LIMIT ${BATCH}`,
        [RESOURCE, ...after, ...this.primary(mode)],
      );
      if (!rows.length) return rewritten;
      const updates = rows.flatMap((r) => {
        const body = this.reseal({ resource: RESOURCE, namespace: r.namespace, name: r.name }, r.body, failed);
        return body ? [{ namespace: r.namespace, name: r.name, rv: r.rv, body }] : [];
      });
      rewritten += await this.update(
        `UPDATE objects o SET body = u.body
           FROM jsonb_to_recordset($1::jsonb) AS u(namespace text, name text, rv bigint, body jsonb)
          WHERE o.resource = '${RESOURCE}' AND o.namespace = u.namespace AND o.name = u.name AND o.resource_version = u.rv`,
        updates,
      );
      after = [rows[rows.length - 1].namespace, rows[rows.length - 1].name];
    }
  }

  private async changes(mode: Mode, failed: string[]): Promise<number> {
    let after: unknown[] = ['', '', 0];
    let rewritten = 0;
    for (;;) {
      // Ordered as the changes_object index is, so only the Secrets' part of the log is read.
      const rows: { revision: string; namespace: string; name: string; body: KubeObject; prev: KubeObject | null }[] = await this.ds.query(
        `SELECT revision, namespace, name, body, prev FROM changes
          WHERE resource = $1 AND (namespace, name, revision) > ($2, $3, $4)
            AND (${this.needs('body', mode, 5)} OR (prev IS NOT NULL AND ${this.needs('prev', mode, 5)}))
          ORDER BY namespace, name, revision LIMIT ${BATCH}`,
        [RESOURCE, ...after, ...this.primary(mode)],
      );
      if (!rows.length) return rewritten;
      const updates = rows.flatMap((r) => {
        const row = { resource: RESOURCE, namespace: r.namespace, name: r.name };
        const body = this.reseal(row, r.body, failed, r.revision);
        const prev = r.prev ? this.reseal(row, r.prev, failed, r.revision) : null;
        return body && prev !== undefined ? [{ revision: r.revision, body, prev }] : [];
      });
      rewritten += await this.update(
        `UPDATE changes c SET body = u.body, prev = u.prev
           FROM jsonb_to_recordset($1::jsonb) AS u(revision bigint, body jsonb, prev jsonb)
          WHERE c.revision = u.revision`,
        updates,
      );
      const last = rows[rows.length - 1];
      after = [last.namespace, last.name, last.revision];
    }
  }

  private primary(mode: Mode): string[] {
    return mode === 'stale' ? [this.codec.ring.primaryId] : [];
  }

  /** The body sealed with the first key, or undefined (and a note in `failed`) if it cannot be opened. */
  private reseal(row: RowIdentity, body: KubeObject, failed: string[], revision?: string): KubeObject | undefined {
    try {
      return this.codec.seal(row, this.codec.open(row, body));
    } catch (e) {
      failed.push(`${revision ? `change log revision ${revision}: ` : ''}${(e as Error).message}`);
      return undefined;
    }
  }

  private async update(sql: string, updates: object[]): Promise<number> {
    if (!updates.length) return 0;
    const [{ n }] = await this.ds.query(`WITH u AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM u`, [JSON.stringify(updates)]);
    return n;
  }
}
