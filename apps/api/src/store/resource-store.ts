import DataLoader from 'dataloader';
import type { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { Errors, StatusError, groupResource, type KubeObject, type ResourceType } from '@skiff/domain';
import type { BodyCodec } from '../encryption/body-codec';
import type { Change, ObjectKey, WriteOp, WriteResult } from './store-types';
import { WriteBatcher } from './write-batcher';

export interface ListQuery {
  namespace?: string;
  /** Labels every item must carry with these values (a GIN-indexed pre-filter). */
  labelsContain?: Record<string, string>;
  /** Label keys every item must carry. */
  labelsHave?: string[];
  nodeName?: string;
  /** Exclusive lower bound on `namespace/name` for paging. */
  after?: { namespace: string; name: string };
  limit?: number;
  /** List the objects as they were at this revision (410 Gone once compacted). */
  atRevision?: number;
}

interface Columns {
  namespace: string;
  name: string;
  labels: string;
  node: string;
}

const OBJECT_COLUMNS: Columns = { namespace: 'namespace', name: 'name', labels: 'labels', node: 'node_name' };
/** The same, read from an object kept in the change log's `prev`. */
const PREV_COLUMNS: Columns = {
  namespace: 'namespace',
  name: 'name',
  labels: "coalesce(prev->'metadata'->'labels', '{}'::jsonb)",
  node: "nullif(prev->'spec'->>'nodeName', '')",
};

/**
 * Stored strings never hold NUL (jsonb cannot), and Postgres refuses one as a text parameter,
 * failing every read or write batched with it: a key or filter holding NUL names nothing.
 */
const holdsNul = (...values: (string | undefined)[]) => values.some((v) => v?.includes('\u0000'));
const nulFree = (k: ObjectKey) => !holdsNul(k.namespace, k.name);

/** The index-friendly part of a list query as SQL conditions; parameters are appended to `args`. */
function filters(q: ListQuery, c: Columns, args: unknown[]): string[] {
  if (holdsNul(q.namespace, q.nodeName, q.after?.namespace, q.after?.name, ...(q.labelsHave ?? []), ...Object.entries(q.labelsContain ?? {}).flat())) return ['false'];
  const arg = (v: unknown) => {
    args.push(v);
    return `$${args.length}`;
  };
  const where: string[] = [];
  if (q.namespace) where.push(`${c.namespace} = ${arg(q.namespace)}`);
  if (q.labelsContain && Object.keys(q.labelsContain).length) where.push(`${c.labels} @> ${arg(JSON.stringify(q.labelsContain))}::jsonb`);
  for (const k of q.labelsHave ?? []) where.push(`${c.labels} ? ${arg(k)}`);
  if (q.nodeName !== undefined) where.push(q.nodeName ? `${c.node} = ${arg(q.nodeName)}` : `${c.node} IS NULL`);
  if (q.after) where.push(`(${c.namespace}, ${c.name}) > (${arg(q.after.namespace)}, ${arg(q.after.name)})`);
  return where;
}

export interface ListResult {
  items: KubeObject[];
  /** The revision the list was read at (one snapshot). */
  revision: number;
}

/**
 * Postgres is the source of truth: one row per object, a gap-free revision
 * counter and a change log, all written in one transaction (see WriteBatcher).
 */
export class ResourceStore {
  private readonly batcher: WriteBatcher;
  /** Gets issued in one tick are read in one query (each reads after it was asked). */
  private readonly getter = new DataLoader<ObjectKey, KubeObject | undefined, string>((keys) => this.getMany(keys), {
    cache: false,
    maxBatchSize: 500,
  });

  constructor(
    readonly ds: DataSource,
    readonly notifyChannel: string,
    /** A new connection of its own for the writer (it holds the write transaction). */
    connect: () => Client,
    /** Stored bodies of Secrets are sealed: every read here opens them (and the change feed's `decodeEntry`). */
    readonly codec: BodyCodec,
  ) {
    this.batcher = new WriteBatcher(connect, notifyChannel, codec);
  }

  write(op: WriteOp): Promise<WriteResult> {
    const missing = [op.key, ...(op.needs ?? [])].find((k) => !nulFree(k));
    if (missing) return Promise.reject(Errors.notFound(missing.type, missing.name.replace(/\u0000/g, '\\u0000')));
    return this.batcher.submit(op);
  }

  get(key: ObjectKey): Promise<KubeObject | undefined> {
    return nulFree(key) ? this.getter.load(key) : Promise.resolve(undefined);
  }

  private async getMany(keys: readonly ObjectKey[]): Promise<(KubeObject | Error | undefined)[]> {
    const args = keys.flatMap((k) => [groupResource(k.type), k.namespace, k.name]);
    const rows: { resource: string; namespace: string; name: string; body: KubeObject }[] =
      keys.length === 1
        ? await this.ds.query(`SELECT resource, namespace, name, body FROM objects WHERE resource = $1 AND namespace = $2 AND name = $3`, args)
        : await this.ds.query(
            `SELECT o.resource, o.namespace, o.name, o.body FROM objects o
               JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(resource, namespace, name) USING (resource, namespace, name)`,
            [0, 1, 2].map((i) => args.filter((_, j) => j % 3 === i)),
          );
    // A Secret that does not decrypt fails its own get only, not the others batched with it.
    const found = new Map(rows.map((r) => [`${r.resource}/${r.namespace}/${r.name}`, this.openOrError(r)]));
    return keys.map((k) => found.get(`${groupResource(k.type)}/${k.namespace}/${k.name}`));
  }

  private openOrError(r: { resource: string; namespace: string; name: string; body: KubeObject }): KubeObject | Error {
    try {
      return this.codec.open(r, r.body);
    } catch (e) {
      return e as Error;
    }
  }

  /** Every object, of any resource, with an ownerReference to `uid` (the garbage collector's graph edge, GIN-indexed). */
  async dependents(uid: string): Promise<{ resource: string; object: KubeObject }[]> {
    const rows: { resource: string; namespace: string; name: string; body: KubeObject }[] = await this.ds.query(
      `SELECT resource, namespace, name, body FROM objects WHERE owner_uids @> ARRAY[$1]::uuid[]`,
      [uid],
    );
    return rows.map((r) => ({ resource: r.resource, object: this.codec.open(r, r.body) }));
  }

  /** Objects of any resource being deleted while they still hold one of `finalizers` (index on deletion_timestamp). */
  async finalizing(finalizers: string[]): Promise<{ resource: string; object: KubeObject }[]> {
    const rows: { resource: string; namespace: string; name: string; body: KubeObject }[] = await this.ds.query(
      `SELECT resource, namespace, name, body FROM objects WHERE deletion_timestamp IS NOT NULL AND finalizers && $1::text[]`,
      [finalizers],
    );
    return rows.map((r) => ({ resource: r.resource, object: this.codec.open(r, r.body) }));
  }

  async list(type: ResourceType, q: ListQuery = {}): Promise<ListResult> {
    if (q.atRevision !== undefined) return this.listAt(type, q, q.atRevision);
    const resource = groupResource(type);
    const args: unknown[] = [resource];
    const where = ['resource = $1', ...filters(q, OBJECT_COLUMNS, args)];
    const limit = q.limit ? `LIMIT ${Number(q.limit)}` : '';
    // One statement, one snapshot: the revision matches the rows.
    const rows: { revision: string; namespace: string; name: string; body: KubeObject | null }[] = await this.ds.query(
      `WITH rev AS (SELECT revision FROM revision WHERE id = 1)
       SELECT rev.revision, o.namespace, o.name, o.body FROM rev LEFT JOIN LATERAL (
         SELECT namespace, name, body FROM objects WHERE ${where.join(' AND ')} ORDER BY namespace, name ${limit}
       ) o ON true`,
      args,
    );
    return { revision: Number(rows[0].revision), items: this.openAll(resource, rows) };
  }

  /**
   * The list as it was at `revision` (later pages of a paged list, as etcd serves them):
   * rows unchanged since then as they are; for rows changed since, the first later
   * change tells the state at `revision` — absent if it was an ADDED, else its `prev`.
   * Needs every change after `revision`, so 410 once compaction has passed it.
   */
  private async listAt(type: ResourceType, q: ListQuery, revision: number): Promise<ListResult> {
    const resource = groupResource(type);
    const args: unknown[] = [resource, revision];
    const live = filters(q, OBJECT_COLUMNS, args);
    const past = filters(q, PREV_COLUMNS, args);
    const limit = q.limit ? `LIMIT ${Number(q.limit)}` : '';
    const rows: { compacted: string; current: string; namespace: string; name: string; body: KubeObject | null }[] = await this.ds.query(
      `WITH rev AS (SELECT compacted, revision AS current FROM revision WHERE id = 1),
       first_after AS (
         SELECT DISTINCT ON (namespace, name) namespace, name, type, prev FROM changes
          WHERE resource = $1 AND revision > $2 ORDER BY namespace, name, revision
       ),
       page AS (
         SELECT namespace, name, body FROM objects
          WHERE resource = $1 AND resource_version <= $2 ${live.map((w) => `AND ${w}`).join(' ')}
         UNION ALL
         SELECT namespace, name, prev FROM first_after
          WHERE type <> 'ADDED' ${past.map((w) => `AND ${w}`).join(' ')}
         ORDER BY namespace, name ${limit}
       )
       SELECT rev.compacted, rev.current, page.namespace, page.name, page.body FROM rev LEFT JOIN page ON true`,
      args,
    );
    if (revision < Number(rows[0].compacted)) {
      throw Errors.gone(`The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.`);
    }
    if (revision > Number(rows[0].current)) {
      throw new StatusError(504, 'Timeout', `Too large resource version: ${revision}, current: ${rows[0].current}`, {
        causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
        retryAfterSeconds: 1,
      });
    }
    return { revision, items: this.openAll(resource, rows) };
  }

  /** A list's rows (all of `resource`; a row without a body is the empty list's revision row), opened. */
  private openAll(resource: string, rows: { namespace: string; name: string; body: KubeObject | null }[]): KubeObject[] {
    const items = rows.filter((r) => r.body);
    if (!this.codec.seals(resource)) return items.map((r) => r.body!);
    return items.map((r) => this.codec.open({ resource, namespace: r.namespace, name: r.name }, r.body!));
  }

  async revisions(): Promise<{ current: number; compacted: number }> {
    const [r] = await this.ds.query(`SELECT revision, compacted FROM revision WHERE id = 1`);
    return { current: Number(r.revision), compacted: Number(r.compacted) };
  }

  /** Changes after `revision`, in order, from the Postgres log. */
  async changesAfter(revision: number, limit = 1000): Promise<Change[]> {
    const rows: { revision: string; type: Change['type']; resource: string; namespace: string; name: string; body: KubeObject; prev: KubeObject | null }[] =
      await this.ds.query(
        `SELECT revision, type, resource, namespace, name, body, prev FROM changes WHERE revision > $1 ORDER BY revision LIMIT $2`,
        [revision, limit],
      );
    return rows.map((r) => ({
      revision: Number(r.revision),
      type: r.type,
      resource: r.resource,
      namespace: r.namespace,
      name: r.name,
      object: this.codec.open(r, r.body),
      ...(r.prev ? { prev: this.codec.open(r, r.prev) } : {}),
    }));
  }

  /**
   * Changes after `revision` as ready-made JSON text (built by Postgres), for the
   * change feed: no parse and re-serialize on the way from the log to Redis. Secrets
   * stay sealed in it, so Redis never holds their plaintext; `decodeEntry` opens them.
   */
  async changeEntriesAfter(revision: number, limit = 1000): Promise<{ revision: number; entry: string }[]> {
    const rows: { revision: string; entry: string }[] = await this.ds.query(
      `SELECT revision, json_build_object('type', type, 'resource', resource, 'namespace', namespace, 'name', name, 'object', body, 'prev', prev)::text AS entry
         FROM changes WHERE revision > $1 ORDER BY revision LIMIT $2`,
      [revision, limit],
    );
    return rows.map((r) => ({ revision: Number(r.revision), entry: r.entry }));
  }

  /** Drops change-log entries at or below `revision`; watches from before it get 410 Gone. */
  async compact(revision: number): Promise<void> {
    await this.ds.query(
      `WITH c AS (
         UPDATE revision SET compacted = GREATEST(compacted, LEAST($1::bigint, revision)) WHERE id = 1 RETURNING compacted
       )
       DELETE FROM changes WHERE revision <= (SELECT compacted FROM c)`,
      [revision],
    );
  }

  async close(): Promise<void> {
    await this.batcher.close();
  }
}
