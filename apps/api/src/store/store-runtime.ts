import Redis from 'ioredis';
import { Client } from 'pg';
import type { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { SkiffConfig } from '../config/skiff-config';
import { prepareStoreEncryption } from '../encryption/store-encryption';
import { ChangeFeedPublisher } from './change-feed';
import { createDataSource, migrate } from './data-source';
import { ResourceStore } from './resource-store';
import { WatchHub } from './watch-hub';

/** Everything the store needs in one process: Postgres, Redis, the feed and the hub. */
export class StoreRuntime {
  private constructor(
    readonly ds: DataSource,
    readonly store: ResourceStore,
    readonly redis: Redis,
    /** The watch side's fail-fast connections. */
    private readonly readers: Redis[],
    readonly publisher: ChangeFeedPublisher,
    readonly hub: WatchHub,
    readonly streamKey: string,
    /** A new Postgres connection of one's own (for LISTEN), on this cluster's schema. */
    readonly connect: () => Client,
    readonly schema: string,
  ) {}

  static async start(
    config: Pick<SkiffConfig, 'databaseUrl' | 'databaseSchema' | 'redisUrl' | 'redisPrefix' | 'streamLength' | 'historyRevisions'> &
      Partial<Pick<SkiffConfig, 'home' | 'encryptionKeys'>>,
    logger?: Logger,
    opts: { compactEveryMs?: number } = {},
  ): Promise<StoreRuntime> {
    const ds = createDataSource(config);
    await ds.initialize();
    let encryption: Awaited<ReturnType<typeof prepareStoreEncryption>>;
    try {
      await migrate(ds, config.databaseSchema);
      // Secrets are sealed in Postgres and Redis with keys every process of the cluster shares.
      encryption = await prepareStoreEncryption(ds, config, logger);
    } catch (e) {
      await ds.destroy();
      throw e;
    }
    const connect = () => new Client({ connectionString: config.databaseUrl, options: `-c search_path=${config.databaseSchema}` });
    const store = new ResourceStore(ds, `skiff_changes_${config.databaseSchema}`, connect, encryption.codec);
    // The publisher's connection waits out a Redis outage (its commands queue until Redis is back);
    // the watch side fails fast instead, so watchers read Postgres meanwhile.
    const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
    const failFast = { maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: (n: number) => Math.min(n * 100, 1000) };
    const reader = new Redis(config.redisUrl, failFast);
    const history = new Redis(config.redisUrl, failFast);
    const streamKey = `${config.redisPrefix}changes`;
    // Plaintext Secrets just sealed in the log may still be in the stream: drop it (Redis may be
    // flushed at any time; watchers read Postgres). Queued before anything the publisher sends.
    if (encryption.sealed.changes) void redis.del(streamKey).catch(() => undefined);
    const publisher = new ChangeFeedPublisher(store, redis, streamKey, {
      connect,
      schema: config.databaseSchema,
      streamLength: config.streamLength,
      historyRevisions: config.historyRevisions,
      compactEveryMs: opts.compactEveryMs,
      logger,
    });
    const hub = new WatchHub(store, reader, history, streamKey, { logger });
    await hub.start();
    await publisher.start();
    return new StoreRuntime(ds, store, redis, [reader, history], publisher, hub, streamKey, connect, config.databaseSchema);
  }

  async stop(): Promise<void> {
    await this.publisher.stop();
    await this.hub.stop();
    await this.store.close();
    this.redis.disconnect();
    for (const r of this.readers) r.disconnect();
    await this.ds.destroy();
  }
}
