import type { Client } from 'pg';
import { Errors, groupResource, type KubeObject } from '@skiff/domain';
import type { BodyCodec } from '../encryption/body-codec';
import { BatchSql, type Row } from './batch-sql';
import { isStoreUnavailable, storeUnavailable } from './store-unavailable';
import { keyString, type Change, type ObjectKey, type WriteOp, type WriteResult } from './store-types';

interface Pending {
  op: WriteOp;
  resolve(r: WriteResult): void;
  reject(e: unknown): void;
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
  private readonly sql: BatchSql;

  constructor(connect: () => Client, notifyChannel: string, codec: BodyCodec) {
    this.sql = new BatchSql(connect, notifyChannel, codec);
  }

  submit(op: WriteOp): Promise<WriteResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ op, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  async close(): Promise<void> {
    while (this.running) await new Promise((r) => setTimeout(r, 5));
    await this.sql.close();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length) await this.commit(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.running = false;
    }
  }

  private async commit(batch: Pending[]): Promise<void> {
    const settled: (() => void)[] = [];
    try {
      const keys = new Map<string, Row>();
      for (const p of batch) for (const k of [p.op.key, ...(p.op.needs ?? [])]) keys.set(keyString(k), rowOf(k));
      const fetched = await this.sql.begin([...keys.values()], batch.flatMap((p) => p.op.claims ?? []));
      const current = new Map<string, KubeObject>();
      // Rows that cannot be read (a Secret that does not decrypt) fail the ops that touch them, not the batch.
      const unreadable = new Map<string, Error>();
      for (const o of fetched.objects) {
        if ('error' in o) unreadable.set(rowKey(o), o.error);
        else current.set(rowKey(o), o.body);
      }
      const read = (k: string): KubeObject | undefined => {
        const e = unreadable.get(k);
        if (e) throw e;
        return current.get(k);
      };
      const holders = new Map(fetched.claims.map((c) => [c.claim, rowKey(c)]));
      let rev = fetched.revision;
      const changes: Change[] = [];
      // Final state per key after the batch: an object, or null for removed.
      const finals = new Map<string, Final>();
      const now = new Date();
      for (const p of batch) {
        const ks = keyString(p.op.key);
        try {
          const decision = p.op.decide(read(ks), {
            revision: rev + 1,
            now,
            lookup: (k: ObjectKey) => read(keyString(k)),
            claimHolder: (c: string) => holders.get(c),
          });
          if ('unchanged' in decision) {
            settled.push(() => p.resolve({ object: decision.unchanged }));
            continue;
          }
          const object = 'put' in decision ? decision.put : decision.remove;
          if (p.op.dryRun) {
            // Nothing was stored: a dry-run create has no resourceVersion yet, as on the real server.
            if (!current.has(ks)) delete object.metadata.resourceVersion;
            settled.push(() => p.resolve({ object }));
            continue;
          }
          rev += 1;
          object.metadata.resourceVersion = String(rev);
          const prev = current.get(ks);
          const type = 'put' in decision ? (prev ? 'MODIFIED' : 'ADDED') : 'DELETED';
          const row = rowOf(p.op.key);
          changes.push({ revision: rev, type, ...row, object, ...(prev ? { prev } : {}) });
          const earlier = finals.get(ks);
          const claims = 'put' in decision ? decision.claims ?? earlier?.claims : [];
          finals.set(ks, { row, object: 'put' in decision ? object : null, existed: earlier ? earlier.existed : !!prev, claims });
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
      const all = [...finals.values()];
      await this.sql.commit({
        puts: all.filter((f) => f.object).map((f) => ({ ...f.row, object: f.object! })),
        removes: all.filter((f) => !f.object && f.existed).map((f) => f.row),
        claimed: all.filter((f) => f.claims).map((f) => ({ ...f.row, claims: f.claims! })),
        changes,
        revision: rev,
      });
    } catch (e) {
      await this.sql.rollback();
      // Postgres out of reach: 503, the client retries (a create that did land answers 409 AlreadyExists then).
      const err = isStoreUnavailable(e) ? storeUnavailable() : Errors.internal(`store write failed: ${(e as Error).message}`);
      for (const p of batch) p.reject(err);
      return;
    }
    for (const s of settled) s();
  }
}

function rowOf(k: ObjectKey): Row {
  return { resource: groupResource(k.type), namespace: k.namespace, name: k.name };
}

/** The keyString of a row read back from Postgres. */
function rowKey(r: Row): string {
  const [resource, group = ''] = splitGroupResource(r.resource);
  return `${group}/${resource}/${r.namespace}/${r.name}`;
}

/** `deployments.apps` → ['deployments', 'apps']; `pods` → ['pods']. */
export function splitGroupResource(gr: string): [string, string?] {
  const i = gr.indexOf('.');
  return i < 0 ? [gr] : [gr.slice(0, i), gr.slice(i + 1)];
}
