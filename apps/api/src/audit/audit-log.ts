import type { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AuditEntry } from '@skiff/domain';
import { jsonLiteral } from '../store/batch-sql';
import { isStoreUnavailable } from '../store/store-unavailable';

/** What an admin may ask the log for; every field narrows. */
export interface AuditQuery {
  user?: string;
  verb?: string;
  resource?: string;
  namespace?: string;
  name?: string;
  source?: string;
  outcome?: 'success' | 'failure';
  since?: Date;
  until?: Date;
  /** Entries older than this id (the `continue` of the previous page). */
  before?: number;
  limit: number;
}

/** Entries held before they are written, at most; beyond, the oldest are dropped (and said so). */
const MAX_BUFFERED = 50_000;

/**
 * The audit log in Postgres. Entries are written in batches (every 200 ms, one INSERT),
 * so recording a write costs the request nothing; a query first writes what this
 * process holds. Entries older than the retention are deleted hourly.
 */
export class AuditLog {
  private buffer: AuditEntry[] = [];
  private flushing?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private sweeper?: NodeJS.Timeout;
  private dropped = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly retentionDays: number,
    private readonly logger?: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), 200);
    this.timer.unref();
    this.sweeper = setInterval(() => void this.sweep(), 3600_000);
    this.sweeper.unref();
    void this.sweep();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    clearInterval(this.sweeper);
    await this.flush();
  }

  record(entry: AuditEntry): void {
    if (this.buffer.length >= MAX_BUFFERED) {
      this.buffer.shift();
      this.dropped++;
    }
    this.buffer.push(storable(entry));
  }

  /** Writes what is buffered (one statement); waits for a write in progress first. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (!this.buffer.length) return;
    const batch = this.buffer;
    this.buffer = [];
    this.flushing = this.insert(batch)
      .catch((e) => (isStoreUnavailable(e) ? this.keepForLater(batch, e) : this.insertOneByOne(batch, e)))
      .finally(() => (this.flushing = undefined));
    await this.flushing;
    if (this.dropped) {
      this.logger?.warn(`audit: ${this.dropped} entries dropped while the log could not be written`);
      this.dropped = 0;
    }
  }

  /** Postgres is away: keep the entries for the next round (bounded by MAX_BUFFERED). */
  private keepForLater(batch: AuditEntry[], e: unknown): void {
    this.buffer = [...batch, ...this.buffer].slice(-MAX_BUFFERED);
    this.logger?.warn(`audit: could not write ${batch.length} entries: ${(e as Error).message}`);
  }

  /**
   * The batch failed for what is in it, not for Postgres: write its entries one by one, so
   * an entry Postgres refuses costs only itself (it is logged and dropped), never the log.
   */
  private async insertOneByOne(batch: AuditEntry[], e: unknown): Promise<void> {
    let refused = 0;
    for (const [i, entry] of batch.entries()) {
      try {
        await this.insert([entry]);
      } catch (err) {
        if (isStoreUnavailable(err)) return this.keepForLater(batch.slice(i), err);
        refused++;
      }
    }
    if (refused) this.logger?.error(`audit: ${refused} entries could not be stored and were dropped: ${(e as Error).message}`);
  }

  private async insert(batch: AuditEntry[]): Promise<void> {
    await this.ds.query(
      `INSERT INTO audit_events (at, user_name, impersonated_user, groups, source, verb, api_group, resource, subresource, namespace, name, revision, source_ip, user_agent, code, message, dry_run, audit_id)
       SELECT e.at, e.user, e."impersonatedUser", ARRAY(SELECT jsonb_array_elements_text(e.groups)), e.source, e.verb, e."group", e.resource, e.subresource, e.namespace, e.name,
              e.revision, e."sourceIP", e."userAgent", e.code, e.message, e."dryRun", e."auditID"
         FROM jsonb_to_recordset(${jsonLiteral(batch)}) AS e(at timestamptz, "user" text, "impersonatedUser" text, groups jsonb, source text, verb text, "group" text, resource text,
              subresource text, namespace text, name text, revision bigint, "sourceIP" text, "userAgent" text, code int, message text, "dryRun" boolean, "auditID" text)`,
    );
  }

  async query(q: AuditQuery): Promise<{ items: (AuditEntry & { id: number })[]; continue?: string }> {
    await this.flush();
    const args: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, v: unknown) => {
      args.push(v);
      where.push(sql.replace('?', `$${args.length}`));
    };
    // A user's entries: what they did, and what others did as them.
    if (q.user) add('? IN (user_name, impersonated_user)', q.user);
    if (q.verb) add('verb = ?', q.verb);
    if (q.resource) add('resource = ?', q.resource);
    if (q.namespace) add('namespace = ?', q.namespace);
    if (q.name) add('name = ?', q.name);
    if (q.source) add('source = ?', q.source);
    if (q.outcome) where.push(q.outcome === 'success' ? 'code BETWEEN 200 AND 299' : 'code NOT BETWEEN 200 AND 299');
    if (q.since) add('at >= ?', q.since);
    if (q.until) add('at < ?', q.until);
    if (q.before) add('id < ?', q.before);
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT * FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${Number(q.limit) + 1}`,
      args,
    );
    const items = rows.slice(0, q.limit).map(toEntry);
    return { items, ...(rows.length > q.limit ? { continue: String(items[items.length - 1].id) } : {}) };
  }

  /** Deletes entries past the retention (hourly, and at start). */
  async sweep(): Promise<void> {
    try {
      await this.ds.query(`DELETE FROM audit_events WHERE at < now() - make_interval(days => $1)`, [this.retentionDays]);
    } catch (e) {
      this.logger?.warn(`audit: retention sweep failed: ${(e as Error).message}`);
    }
  }
}

function toEntry(r: Record<string, unknown>): AuditEntry & { id: number } {
  return {
    id: Number(r.id),
    at: new Date(r.at as string).toISOString(),
    user: r.user_name as string,
    groups: r.groups as string[],
    ...(r.impersonated_user ? { impersonatedUser: r.impersonated_user as string } : {}),
    source: r.source as AuditEntry['source'],
    verb: r.verb as string,
    group: r.api_group as string,
    resource: r.resource as string,
    subresource: r.subresource as string,
    namespace: r.namespace as string,
    name: r.name as string,
    ...(r.revision !== null ? { revision: Number(r.revision) } : {}),
    ...(r.source_ip ? { sourceIP: r.source_ip as string } : {}),
    ...(r.user_agent ? { userAgent: r.user_agent as string } : {}),
    code: r.code as number,
    ...(r.message ? { message: r.message as string } : {}),
    dryRun: r.dry_run as boolean,
    ...(r.audit_id ? { auditID: r.audit_id as string } : {}),
  };
}

/**
 * The entry with each NUL written as `\u0000`: Postgres text and jsonb cannot hold one, and
 * a request naming `a%00b` would otherwise fail its whole batch, and every retry after it.
 */
function storable(entry: AuditEntry): AuditEntry {
  const clean = (v: unknown): unknown => (typeof v === 'string' ? v.replace(/\u0000/g, '\\u0000') : Array.isArray(v) ? v.map(clean) : v);
  return Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, clean(v)])) as unknown as AuditEntry;
}
