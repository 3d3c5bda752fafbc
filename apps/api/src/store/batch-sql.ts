import { randomBytes } from 'crypto';
import { Client } from 'pg';
import type { KubeObject } from '@skiff/domain';
import type { BodyCodec } from '../encryption/body-codec';
import type { Change } from './store-types';

const SURROGATE_ESCAPE = /\\ud[89a-f][0-9a-f]{2}/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `value` with every unpaired surrogate, in keys and strings, replaced by U+FFFD. */
function wellFormed(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\ufffd');
  if (Array.isArray(value)) return value.map(wellFormed);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(LONE_SURROGATE, '\ufffd'), wellFormed(v)]));
}

/** What Postgres' uuid type reads (any case, hyphens where UUIDs have them). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An object's row key: `deployments.apps` / namespace / name. */
export interface Row {
  resource: string;
  namespace: string;
  name: string;
}

export interface Prefetched {
  revision: number;
  /** Each row's object, or why it cannot be read (a sealed body that does not open). */
  objects: (Row & ({ body: KubeObject } | { error: Error }))[];
  claims: (Row & { claim: string })[];
}

export interface BatchWrite {
  puts: (Row & { object: KubeObject })[];
  removes: Row[];
  /** Keys whose claims are now exactly these. */
  claimed: (Row & { claims: string[] })[];
  changes: Change[];
  revision: number;
}

/**
 * A JSON document as an SQL literal, dollar-quoted with a tag that does not occur
 * in it, so a batch travels in one simple-protocol round trip with no escaping.
 */
export function jsonLiteral(value: unknown): string {
  let text = JSON.stringify(value);
  // An unpaired UTF-16 surrogate (a name or value sent as "\ud800") is written as that escape, which jsonb
  // refuses, failing the whole statement and every write batched in it: keep U+FFFD instead, as Go's decoder does.
  if (SURROGATE_ESCAPE.test(text)) text = JSON.stringify(wellFormed(value));
  let tag: string;
  do tag = `$j${randomBytes(6).toString('hex')}$`;
  while (text.includes(tag));
  return `${tag}${text}${tag}::jsonb`;
}

const FETCH = (keys: string, claims: string) => `
  SELECT (SELECT coalesce(jsonb_agg(jsonb_build_object('resource', o.resource, 'namespace', o.namespace, 'name', o.name, 'body', o.body)), '[]')
            FROM objects o JOIN jsonb_to_recordset(${keys}) AS k(resource text, namespace text, name text)
              ON o.resource = k.resource AND o.namespace = k.namespace AND o.name = k.name) AS objects,
         (SELECT coalesce(jsonb_agg(jsonb_build_object('claim', c.claim, 'resource', c.resource, 'namespace', c.namespace, 'name', c.name)), '[]')
            FROM claims c WHERE c.claim IN (SELECT jsonb_array_elements_text(${claims}))) AS claims`;

/**
 * The write transaction in two round trips: (1) BEGIN, lock the revision row and
 * read the batch's rows; (2) write objects, log, claims and revision, notify, COMMIT.
 */
export class BatchSql {
  private client?: Client;

  constructor(
    private readonly connect: () => Client,
    private readonly notifyChannel: string,
    /** Seals the bodies of sealed resources (Secrets) on the way in, opens them on the way out. */
    private readonly codec: BodyCodec,
  ) {}

  private async conn(): Promise<Client> {
    if (!this.client) {
      const c = this.connect();
      c.on('error', () => {
        if (this.client === c) this.client = undefined;
      });
      await c.connect();
      this.client = c;
    }
    return this.client;
  }

  async begin(keys: Row[], claims: string[]): Promise<Prefetched> {
    const c = await this.conn();
    // Three statements, one round trip. In READ COMMITTED each statement takes its own
    // snapshot, so the rows are read after the lock is granted: nothing can be stale.
    const results = (await c.query(`BEGIN;
      SELECT revision FROM revision WHERE id = 1 FOR UPDATE;
      ${FETCH(jsonLiteral(keys), jsonLiteral(claims))}`)) as unknown as { rows: Record<string, unknown>[] }[];
    const fetched = results[2].rows[0] as { objects: (Row & { body: KubeObject })[]; claims: Prefetched['claims'] };
    const objects = fetched.objects.map((o) => (this.codec.seals(o.resource) ? this.opened(o) : o));
    return { revision: Number(results[1].rows[0].revision), objects, claims: fetched.claims };
  }

  /** A sealed row, opened; one that does not open fails only the writes that touch it. */
  private opened(o: Row & { body: KubeObject }): Prefetched['objects'][number] {
    const row = { resource: o.resource, namespace: o.namespace, name: o.name };
    try {
      return { ...row, body: this.codec.open(row, o.body) };
    } catch (e) {
      return { ...row, error: e as Error };
    }
  }

  async commit(w: BatchWrite): Promise<void> {
    const c = await this.conn();
    if (!w.changes.length) {
      await c.query('COMMIT');
      return;
    }
    // An object is sealed once, even when it is both a row's new body and a change's object or prev.
    const sealed = new Map<KubeObject, KubeObject>();
    const seal = (row: Row, o: KubeObject): KubeObject => {
      if (!this.codec.seals(row.resource)) return o;
      let s = sealed.get(o);
      if (!s) sealed.set(o, (s = this.codec.seal(row, o)));
      return s;
    };
    const puts = w.puts.map(({ object, ...row }) => {
      const m = object.metadata;
      return {
        ...row,
        uid: m.uid,
        rv: Number(m.resourceVersion),
        labels: m.labels ?? {},
        // The column is uuid[]: Kubernetes lets an owner's uid be any string, and one that is no UUID names no object here.
        owners: (m.ownerReferences ?? []).map((o) => o.uid).filter((uid) => UUID.test(uid)),
        finalizers: m.finalizers ?? [],
        dts: m.deletionTimestamp ?? null,
        node: (object.spec as { nodeName?: string } | undefined)?.nodeName || null,
        body: seal(row, object),
      };
    });
    const log = w.changes.map((ch) => ({
      revision: ch.revision,
      type: ch.type,
      resource: ch.resource,
      namespace: ch.namespace,
      name: ch.name,
      body: seal(ch, ch.object),
      prev: ch.prev ? seal(ch, ch.prev) : null,
    }));
    const claimed = w.claimed.length ? jsonLiteral(w.claimed) : '';
    await c.query(`
      WITH put AS (
        INSERT INTO objects (resource, namespace, name, uid, resource_version, labels, owner_uids, finalizers, deletion_timestamp, node_name, body)
        SELECT r.resource, r.namespace, r.name, r.uid, r.rv, r.labels,
               ARRAY(SELECT jsonb_array_elements_text(r.owners))::uuid[],
               ARRAY(SELECT jsonb_array_elements_text(r.finalizers)),
               r.dts, r.node, r.body
          FROM jsonb_to_recordset(${jsonLiteral(puts)}) AS r(resource text, namespace text, name text, uid uuid, rv bigint, labels jsonb,
               owners jsonb, finalizers jsonb, dts timestamptz, node text, body jsonb)
        ON CONFLICT (resource, namespace, name) DO UPDATE SET
          uid = EXCLUDED.uid, resource_version = EXCLUDED.resource_version, labels = EXCLUDED.labels,
          owner_uids = EXCLUDED.owner_uids, finalizers = EXCLUDED.finalizers,
          deletion_timestamp = EXCLUDED.deletion_timestamp, node_name = EXCLUDED.node_name, body = EXCLUDED.body
        RETURNING 1
      ), del AS (
        DELETE FROM objects o USING jsonb_to_recordset(${jsonLiteral(w.removes)}) AS k(resource text, namespace text, name text)
         WHERE o.resource = k.resource AND o.namespace = k.namespace AND o.name = k.name
        RETURNING 1
      ), log AS (
        INSERT INTO changes (revision, type, resource, namespace, name, body, prev)
        SELECT revision, type, resource, namespace, name, body, prev
          FROM jsonb_to_recordset(${jsonLiteral(log)}) AS c(revision bigint, type text, resource text, namespace text, name text, body jsonb, prev jsonb)
        RETURNING 1
      ), rev AS (
        UPDATE revision SET revision = ${Number(w.revision)} WHERE id = 1 RETURNING 1
      )
      SELECT (SELECT count(*) FROM put), (SELECT count(*) FROM del), (SELECT count(*) FROM log), (SELECT count(*) FROM rev),
             pg_notify('${this.notifyChannel}', '${Number(w.revision)}');
      ${claimed ? this.claimsSql(claimed) : ''}
      COMMIT;`);
  }

  /** Each key now holds exactly its listed claims: release the others, then take the new ones. */
  private claimsSql(claimed: string): string {
    return `
      DELETE FROM claims c USING jsonb_to_recordset(${claimed}) AS k(resource text, namespace text, name text, claims jsonb)
       WHERE c.resource = k.resource AND c.namespace = k.namespace AND c.name = k.name AND NOT (k.claims ? c.claim);
      INSERT INTO claims (claim, resource, namespace, name)
      SELECT x.claim, k.resource, k.namespace, k.name
        FROM jsonb_to_recordset(${claimed}) AS k(resource text, namespace text, name text, claims jsonb),
             LATERAL jsonb_array_elements_text(k.claims) AS x(claim)
      ON CONFLICT (claim) DO UPDATE SET resource = EXCLUDED.resource, namespace = EXCLUDED.namespace, name = EXCLUDED.name;`;
  }

  /** After a failure: roll back, and drop the connection if it is unusable. */
  async rollback(): Promise<void> {
    const c = this.client;
    if (!c) return;
    try {
      await c.query('ROLLBACK');
    } catch {
      this.client = undefined;
      await c.end().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => undefined);
  }
}
