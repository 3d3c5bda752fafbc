import type Redis from 'ioredis';
import type { Logger } from '@nestjs/common';
import { Errors } from '@skiff/domain';
import { decodeEntry, streamId } from './change-feed';
import type { ResourceStore } from './resource-store';
import type { Change } from './store-types';

export interface WatchSubscription {
  close(): void;
}

export interface WatchListener {
  /** Receives changes in revision order, each exactly once; may apply back-pressure. */
  onChanges(changes: Change[]): void | Promise<void>;
  onError(err: Error): void;
}

interface Subscriber {
  next: number;
  listener: WatchListener;
  pumping: boolean;
  closed: boolean;
}

/**
 * One per process: reads the Redis change stream once and fans it out to every
 * watcher in the process. Revisions are gap-free, so a missing one is noticed
 * and filled from the Postgres log; watchers that start behind read history
 * from the in-memory window, then the Redis stream, then Postgres.
 */
export class WatchHub {
  private lastRev = 0;
  private window: Change[] = [];
  private subscribers = new Set<Subscriber>();
  private stopped = false;
  private loop?: Promise<void>;
  private idleRounds = 0;
  /** Redis is unreachable: changes come from Postgres. */
  private degraded = false;

  constructor(
    private readonly store: ResourceStore,
    /** A connection of its own: XREAD BLOCK holds it. */
    private readonly reader: Redis,
    private readonly history: Redis,
    private readonly streamKey: string,
    private readonly opts: { windowSize?: number; blockMs?: number; logger?: Logger } = {},
  ) {}

  get revision(): number {
    return this.lastRev;
  }

  /** For metrics: watchers in this process, how many revisions the slowest is behind, whether Redis is bypassed. */
  stats(): { subscribers: number; maxLag: number; degraded: boolean } {
    let maxLag = 0;
    for (const s of this.subscribers) maxLag = Math.max(maxLag, this.lastRev - s.next + 1);
    return { subscribers: this.subscribers.size, maxLag, degraded: this.degraded };
  }

  async start(): Promise<void> {
    this.lastRev = (await this.store.revisions()).current;
    // The reader fails fast while disconnected: give it its first connection before reading.
    await waitReady(this.reader, 5000);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.reader.disconnect();
    await this.loop?.catch(() => undefined);
    for (const s of this.subscribers) s.closed = true;
    this.subscribers.clear();
  }

  /** Delivers every change after `fromRevision`; 410 Gone when the log no longer holds them. */
  async subscribe(fromRevision: number, listener: WatchListener): Promise<WatchSubscription> {
    const { compacted } = await this.store.revisions();
    if (fromRevision < compacted) {
      throw Errors.gone(`too old resource version: ${fromRevision} (${compacted})`);
    }
    const sub: Subscriber = { next: fromRevision + 1, listener, pumping: false, closed: false };
    this.subscribers.add(sub);
    void this.pump(sub);
    return {
      close: () => {
        sub.closed = true;
        this.subscribers.delete(sub);
      },
    };
  }

  private async run(): Promise<void> {
    const block = this.opts.blockMs ?? 1000;
    while (!this.stopped) {
      try {
        const res = (await this.reader.xread('COUNT', 1000, 'BLOCK', block, 'STREAMS', this.streamKey, streamId(this.lastRev))) as
          | [string, [string, string[]][]][]
          | null;
        const entries = res?.[0]?.[1] ?? [];
        if (this.degraded) {
          this.degraded = false;
          this.opts.logger?.log('watch hub: Redis is back');
        }
        if (entries.length) {
          this.idleRounds = 0;
          await this.accept(entries.map(([id, f]) => decodeEntry(id, f, this.store.codec)));
        } else {
          await this.catchUpFromPostgres();
        }
      } catch (e) {
        if (this.stopped) return;
        if (!this.degraded) this.opts.logger?.warn(`watch hub: ${(e as Error).message}; reading Postgres until Redis is back`);
        this.degraded = true;
        await this.catchUpFromPostgres(true).catch(() => undefined);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  /** Nothing arrived from Redis: if Postgres is ahead (publisher down, stream flushed), read it there. */
  private async catchUpFromPostgres(force = false): Promise<void> {
    this.idleRounds++;
    if (!force && this.idleRounds < 2) return;
    const { current } = await this.store.revisions();
    while (this.lastRev < current) {
      const batch = await this.store.changesAfter(this.lastRev, 1000);
      if (!batch.length) break;
      this.append(batch);
    }
  }

  private async accept(changes: Change[]): Promise<void> {
    for (const c of changes) {
      if (c.revision <= this.lastRev) continue;
      while (c.revision > this.lastRev + 1) {
        const missing = await this.store.changesAfter(this.lastRev, Math.min(1000, c.revision - this.lastRev - 1));
        if (!missing.length) throw new Error(`change log has no revision after ${this.lastRev}`);
        this.append(missing);
      }
      this.append([c]);
    }
  }

  private append(changes: Change[]): void {
    for (const c of changes) {
      if (c.revision !== this.lastRev + 1) continue;
      this.window.push(c);
      this.lastRev = c.revision;
    }
    const max = this.opts.windowSize ?? 10_000;
    if (this.window.length > max * 1.25) this.window = this.window.slice(this.window.length - max);
    for (const s of this.subscribers) void this.pump(s);
  }

  private async pump(sub: Subscriber): Promise<void> {
    if (sub.pumping) return;
    sub.pumping = true;
    try {
      while (!sub.closed && sub.next <= this.lastRev) {
        const batch = await this.read(sub.next);
        if (sub.closed) return;
        await sub.listener.onChanges(batch);
        sub.next = batch[batch.length - 1].revision + 1;
      }
    } catch (e) {
      sub.closed = true;
      this.subscribers.delete(sub);
      sub.listener.onError(e as Error);
    } finally {
      sub.pumping = false;
    }
  }

  /** Changes from `next` on (at least one, contiguous): memory, then Redis, then Postgres. */
  private async read(next: number): Promise<Change[]> {
    const first = this.window[0]?.revision;
    if (first !== undefined && next >= first) {
      return this.window.slice(next - first, next - first + 1000);
    }
    const fromRedis = await this.readRedis(next).catch(() => []);
    if (fromRedis.length) return fromRedis;
    const fromPg = await this.store.changesAfter(next - 1, 1000);
    if (fromPg[0]?.revision === next) return fromPg;
    const { compacted } = await this.store.revisions();
    throw Errors.gone(`too old resource version: ${next - 1} (${compacted})`);
  }

  private async readRedis(next: number): Promise<Change[]> {
    const entries = (await this.history.xrange(this.streamKey, streamId(next), '+', 'COUNT', 1000)) as [string, string[]][];
    const out: Change[] = [];
    for (const [id, f] of entries) {
      const c = decodeEntry(id, f, this.store.codec);
      if (c.revision !== next + out.length) break;
      out.push(c);
    }
    return out;
  }
}

function waitReady(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    redis.once('ready', done);
  });
}
