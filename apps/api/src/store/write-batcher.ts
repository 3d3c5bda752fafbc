import type { DataSource, QueryRunner } from 'typeorm';
import { Errors, groupResource, type KubeObject } from '@skiff/domain';
import { keyString, type Change, type ObjectKey, type WriteOp, type WriteResult } from './store-types';

interface Pending {
  op: WriteOp;
  resolve(r: WriteResult): void;
  reject(e: unknown): void;
}

interface Row {
  resource: string;
  namespace: string;
  name: string;
}

const MAX_BATCH = 256;

interface Final {
  row: Row;
  /** null: removed. */
  object: KubeObject | null;
  existed: boolean;
  /** The unique values held after the batch; undefined leaves them as they were. */
  claims?: string[];
}

/**
 * Group commit: writes that arrive while a transaction is in flight wait and
 * then share the next one. Every write still takes its own revision, in order,
 * from the one counter row; its row lock serializes writers across processes,
 * so revisions are gap-free and in commit order.
 */
export class WriteBatcher {
  private queue: Pending[] = [];
  private running = false;
  private runner?: QueryRunner;

  constructor(
    private readonly ds: DataSource,
    private readonly notifyChannel: string,
  ) {}

  submit(op: WriteOp): Promise<WriteResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ op, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  async close(): Promise<void> {
    while (this.running) await new Promise((r) => setTimeout(r, 5));
    await this.runner?.release();
    this.runner = undefined;
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, MAX_BATCH);
        await this.commit(batch);
      }
    } finally {
      this.running = false;
    }
  }

  private async connection(): Promise<QueryRunner> {
    if (!this.runner || this.runner.isReleased) {
      this.runner = this.ds.createQueryRunner();
      await this.runner.connect();
    }
    return this.runner;
  }

  private async commit(batch: Pending[]): Promise<void> {
    let qr: QueryRunner | undefined;
    const settled: (() => void)[] = [];
    try {
      qr = await this.connection();
      await qr.query('BEGIN');
      const [{ revision }] = await qr.query(`SELECT revision FROM revision WHERE id = 1 FOR UPDATE`);
      const current = await this.prefetch(qr, batch);
      const holders = await this.prefetchClaims(qr, batch);
      let rev = Number(revision);
      const changes: Change[] = [];
      // Final state per key after the batch: an object, or null for removed.
      const finals = new Map<string, Final>();
      const now = new Date();
      for (const p of batch) {
        const key = p.op.key;
        const ks = keyString(key);
        try {
          const decision = p.op.decide(current.get(ks), {
            revision: rev + 1,
            now,
            lookup: (k: ObjectKey) => current.get(keyString(k)),
            claimHolder: (c: string) => holders.get(c),
          });
          if ('unchanged' in decision) {
            settled.push(() => p.resolve({ object: decision.unchanged }));
            continue;
          }
          const object = 'put' in decision ? decision.put : decision.remove;
          if (p.op.dryRun) {
            settled.push(() => p.resolve({ object }));
            continue;
          }
          rev += 1;
          object.metadata.resourceVersion = String(rev);
          const existed = current.has(ks);
          const type = 'put' in decision ? (existed ? 'MODIFIED' : 'ADDED') : 'DELETED';
          const row = { resource: groupResource(key.type), namespace: key.namespace, name: key.name };
          const prev = current.get(ks);
          changes.push({ revision: rev, type, ...row, object, ...(prev ? { prev } : {}) });
          const earlier = finals.get(ks);
          const claims = 'put' in decision ? decision.claims ?? earlier?.claims : [];
          finals.set(ks, { row, object: 'put' in decision ? object : null, existed: earlier ? earlier.existed : existed, claims });
          if (claims) {
            for (const [c, holder] of holders) if (holder === ks && !claims.includes(c)) holders.delete(c);
            for (const c of claims) holders.set(c, ks);
          }
          if ('put' in decision) current.set(ks, object);
          else current.delete(ks);
          settled.push(() => p.resolve({ object, change: type }));
        } catch (e) {
          // Decisions throw StatusErrors (or a retry signal) of their own: pass them on as they are.
          settled.push(() => p.reject(e instanceof Error ? e : Errors.internal(String(e))));
        }
      }
      if (changes.length) await this.write(qr, finals, changes, rev);
      await qr.query('COMMIT');
    } catch (e) {
      await qr?.query('ROLLBACK').catch(() => undefined);
      if (qr) {
        await qr.release().catch(() => undefined);
        this.runner = undefined;
      }
      const err = Errors.internal(`store write failed: ${(e as Error).message}`);
      for (const p of batch) p.reject(err);
      return;
    }
    for (const s of settled) s();
  }

  private async prefetch(qr: QueryRunner, batch: Pending[]): Promise<Map<string, KubeObject>> {
    const keys = new Map<string, Row>();
    for (const p of batch) {
      for (const k of [p.op.key, ...(p.op.needs ?? [])]) {
        keys.set(keyString(k), { resource: groupResource(k.type), namespace: k.namespace, name: k.name });
      }
    }
    const rows: { resource: string; namespace: string; name: string; body: KubeObject }[] = await qr.query(
      `SELECT o.resource, o.namespace, o.name, o.body FROM objects o
         JOIN jsonb_to_recordset($1::jsonb) AS k(resource text, namespace text, name text)
           ON o.resource = k.resource AND o.namespace = k.namespace AND o.name = k.name`,
      [JSON.stringify([...keys.values()])],
    );
    const out = new Map<string, KubeObject>();
    for (const r of rows) {
      const [resource, group = ''] = splitGroupResource(r.resource);
      out.set(`${group}/${resource}/${r.namespace}/${r.name}`, r.body);
    }
    return out;
  }

  private async prefetchClaims(qr: QueryRunner, batch: Pending[]): Promise<Map<string, string>> {
    const wanted = batch.flatMap((p) => p.op.claims ?? []);
    const out = new Map<string, string>();
    if (!wanted.length) return out;
    const rows: (Row & { claim: string })[] = await qr.query(`SELECT claim, resource, namespace, name FROM claims WHERE claim = ANY($1)`, [wanted]);
    for (const r of rows) {
      const [resource, group = ''] = splitGroupResource(r.resource);
      out.set(r.claim, `${group}/${resource}/${r.namespace}/${r.name}`);
    }
    return out;
  }

  private async write(
    qr: QueryRunner,
    finals: Map<string, Final>,
    changes: Change[],
    rev: number,
  ): Promise<void> {
    const puts = [];
    const removes = [];
    const claimed = [];
    for (const f of finals.values()) {
      if (f.claims) claimed.push({ ...f.row, claims: f.claims });
      if (f.object) {
        const m = f.object.metadata;
        puts.push({
          ...f.row,
          uid: m.uid,
          rv: Number(m.resourceVersion),
          labels: m.labels ?? {},
          owners: (m.ownerReferences ?? []).map((o) => o.uid),
          finalizers: m.finalizers ?? [],
          dts: m.deletionTimestamp ?? null,
          node: (f.object.spec as { nodeName?: string } | undefined)?.nodeName || null,
          body: f.object,
        });
      } else if (f.existed) {
        removes.push(f.row);
      }
    }
    const log = changes.map((c) => ({ revision: c.revision, type: c.type, resource: c.resource, namespace: c.namespace, name: c.name, body: c.object, prev: c.prev ?? null }));
    await qr.query(
      `WITH put AS (
         INSERT INTO objects (resource, namespace, name, uid, resource_version, labels, owner_uids, finalizers, deletion_timestamp, node_name, body)
         SELECT r.resource, r.namespace, r.name, r.uid, r.rv, r.labels,
                ARRAY(SELECT jsonb_array_elements_text(r.owners))::uuid[],
                ARRAY(SELECT jsonb_array_elements_text(r.finalizers)),
                r.dts, r.node, r.body
           FROM jsonb_to_recordset($1::jsonb) AS r(resource text, namespace text, name text, uid uuid, rv bigint, labels jsonb,
                owners jsonb, finalizers jsonb, dts timestamptz, node text, body jsonb)
         ON CONFLICT (resource, namespace, name) DO UPDATE SET
           uid = EXCLUDED.uid, resource_version = EXCLUDED.resource_version, labels = EXCLUDED.labels,
           owner_uids = EXCLUDED.owner_uids, finalizers = EXCLUDED.finalizers,
           deletion_timestamp = EXCLUDED.deletion_timestamp, node_name = EXCLUDED.node_name, body = EXCLUDED.body
         RETURNING 1
       ), del AS (
         DELETE FROM objects o USING jsonb_to_recordset($2::jsonb) AS k(resource text, namespace text, name text)
          WHERE o.resource = k.resource AND o.namespace = k.namespace AND o.name = k.name
         RETURNING 1
       ), log AS (
         INSERT INTO changes (revision, type, resource, namespace, name, body, prev)
         SELECT revision, type, resource, namespace, name, body, prev
           FROM jsonb_to_recordset($3::jsonb) AS c(revision bigint, type text, resource text, namespace text, name text, body jsonb, prev jsonb)
         RETURNING 1
       ), rev AS (
         UPDATE revision SET revision = $4 WHERE id = 1 RETURNING 1
       )
       SELECT (SELECT count(*) FROM put) AS put, (SELECT count(*) FROM del) AS del,
              (SELECT count(*) FROM log) AS log, (SELECT count(*) FROM rev) AS rev,
              pg_notify($5, $4::text)`,
      [JSON.stringify(puts), JSON.stringify(removes), JSON.stringify(log), rev, this.notifyChannel],
    );
    if (claimed.length) await this.writeClaims(qr, claimed);
  }

  /** Each key now holds exactly its listed claims: release the others, then take the new ones. */
  private async writeClaims(qr: QueryRunner, claimed: (Row & { claims: string[] })[]): Promise<void> {
    const json = JSON.stringify(claimed);
    await qr.query(
      `DELETE FROM claims c USING jsonb_to_recordset($1::jsonb) AS k(resource text, namespace text, name text, claims jsonb)
        WHERE c.resource = k.resource AND c.namespace = k.namespace AND c.name = k.name AND NOT (k.claims ? c.claim)`,
      [json],
    );
    await qr.query(
      `INSERT INTO claims (claim, resource, namespace, name)
       SELECT x.claim, k.resource, k.namespace, k.name
         FROM jsonb_to_recordset($1::jsonb) AS k(resource text, namespace text, name text, claims jsonb),
              LATERAL jsonb_array_elements_text(k.claims) AS x(claim)
       ON CONFLICT (claim) DO UPDATE SET resource = EXCLUDED.resource, namespace = EXCLUDED.namespace, name = EXCLUDED.name`,
      [json],
    );
  }
}

/** `deployments.apps` → ['deployments', 'apps']; `pods` → ['pods']. */
export function splitGroupResource(gr: string): [string, string?] {
  const i = gr.indexOf('.');
  return i < 0 ? [gr] : [gr.slice(0, i), gr.slice(i + 1)];
}
