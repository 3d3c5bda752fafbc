import type { Client } from 'pg';
import type Redis from 'ioredis';
import type { Logger } from '@nestjs/common';
import type { BodyCodec } from '../encryption/body-codec';
import type { ResourceStore } from './resource-store';
import type { Change } from './store-types';

/** Stream entry ids are `<revision>-0`, so a revision is a position in the stream. */
export function streamId(revision: number): string {
  return `${revision}-0`;
}

/** A stream entry: the change as JSON (its revision is the entry id), Secrets sealed as stored. */
export function decodeEntry(id: string, fields: string[], codec: BodyCodec): Change {
  const c = JSON.parse(fields[1]) as Change & { prev: Change['prev'] | null };
  c.revision = Number(id.slice(0, id.indexOf('-')));
  if (c.prev === null) delete c.prev;
  if (codec.seals(c.resource)) {
    c.object = codec.open(c, c.object);
    if (c.prev) c.prev = codec.open(c, c.prev);
  }
  return c;
}

/**
 * Publishes the change log, in revision order, to one Redis stream. One
 * publisher is active cluster-wide (leader by a Postgres advisory lock held on
 * its own connection); the others wait to take over.
 */
export class ChangeFeedPublisher {
  private pg?: Client;
  private stopped = false;
  private leader = false;
  private last = 0;
  private pumping?: Promise<void>;
  private again = false;
  private trying = false;
  private compactedAt = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly store: ResourceStore,
    private readonly redis: Redis,
    private readonly streamKey: string,
    private readonly opts: {
      /** A new connection of its own: it holds the leader's advisory lock and LISTENs. */
      connect: () => Client;
      schema: string;
      streamLength: number;
      /** The leader compacts the change log to this many revisions… */
      historyRevisions: number;
      /** …this often (default a minute). */
      compactEveryMs?: number;
      logger?: Logger;
    },
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.tryLead();
    // Leaders also poll, as a safety net for a missed notification; followers retry the lock.
    this.timer = setInterval(() => {
      if (!this.leader) return void this.tryLead();
      this.kick();
      if (Date.now() - this.compactedAt >= (this.opts.compactEveryMs ?? 60_000)) void this.compact();
    }, 1000);
  }

  private async tryLead(): Promise<void> {
    if (this.stopped || this.leader || this.trying) return;
    this.trying = true;
    try {
      if (!this.pg) {
        this.pg = this.opts.connect();
        this.pg.on('error', () => this.lostConnection());
        this.pg.on('notification', () => this.kick());
        await this.pg.connect();
      }
      const { rows } = await this.pg.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS ok`, [`skiff-changefeed:${this.opts.schema}`]);
      if (rows[0].ok) {
        this.leader = true;
        await this.pg.query(`LISTEN ${this.store.notifyChannel}`);
        this.last = await this.resumePoint();
        this.opts.logger?.log(`change feed: publishing from revision ${this.last}`);
        this.kick();
      }
    } catch (e) {
      this.opts.logger?.warn(`change feed: ${(e as Error).message}`);
      await this.lostConnection();
    } finally {
      this.trying = false;
    }
  }

  private async lostConnection(): Promise<void> {
    this.leader = false;
    const pg = this.pg;
    this.pg = undefined;
    await pg?.end().catch(() => undefined);
  }

  /** Continue after the stream's newest entry; an empty (flushed) stream starts at the present. */
  private async resumePoint(): Promise<number> {
    const top = (await this.redis.xrevrange(this.streamKey, '+', '-', 'COUNT', 1)) as [string, string[]][];
    const { current } = await this.store.revisions();
    if (top.length) {
      const rev = Number(top[0][0].split('-')[0]);
      if (rev <= current) return rev;
    }
    return current;
  }

  private kick(): void {
    if (!this.leader || this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump().finally(() => {
      this.pumping = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  private async pump(): Promise<void> {
    try {
      for (;;) {
        const changes = await this.store.changeEntriesAfter(this.last, 500);
        if (!changes.length) return;
        const multi = this.redis.multi();
        for (const c of changes) {
          multi.xadd(this.streamKey, 'MAXLEN', '~', this.opts.streamLength, streamId(c.revision), 'c', c.entry);
        }
        const results = (await multi.exec()) ?? [];
        const failed = results.find(([err]) => err);
        if (failed) {
          // Someone else published past us (or the stream was replaced): jump to its top.
          this.last = Math.max(this.last, await this.resumePoint());
          if (!/equal or smaller/.test(String(failed[0]))) throw failed[0];
        } else {
          this.last = changes[changes.length - 1].revision;
        }
        if (changes.length < 500) return;
      }
    } catch (e) {
      this.opts.logger?.warn(`change feed: publish failed: ${(e as Error).message}`);
    }
  }

  /** Keeps the last `historyRevisions` changes; watches from before get 410 Gone. */
  private async compact(): Promise<void> {
    this.compactedAt = Date.now();
    try {
      const { current, compacted } = await this.store.revisions();
      const upTo = current - this.opts.historyRevisions;
      if (upTo > compacted) await this.store.compact(upTo);
    } catch (e) {
      this.opts.logger?.warn(`change feed: compaction failed: ${(e as Error).message}`);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.pumping;
    this.leader = false;
    await this.pg?.end().catch(() => undefined);
    this.pg = undefined;
  }
}
