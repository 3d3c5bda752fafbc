import Redis from 'ioredis';
import { Client } from 'pg';
import type { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { SkiffConfig } from '../config/skiff-config';
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
    private readonly reader: Redis,
    readonly publisher: ChangeFeedPublisher,
    readonly hub: WatchHub,
    readonly streamKey: string,
  ) {}

  static async start(
    config: Pick<SkiffConfig, 'databaseUrl' | 'databaseSchema' | 'redisUrl' | 'redisPrefix' | 'streamLength' | 'historyRevisions'>,
    logger?: Logger,
    opts: { compactEveryMs?: number } = {},
  ): Promise<StoreRuntime> {
    const ds = createDataSource(config);
    await ds.initialize();
    await migrate(ds, config.databaseSchema);
    const connect = () => new Client({ connectionString: config.databaseUrl, options: `-c search_path=${config.databaseSchema}` });
    const store = new ResourceStore(ds, `skiff_changes_${config.databaseSchema}`, connect);
    const redisOpts = { maxRetriesPerRequest: null, lazyConnect: false } as const;
    const redis = new Redis(config.redisUrl, redisOpts);
    const reader = new Redis(config.redisUrl, redisOpts);
    const streamKey = `${config.redisPrefix}changes`;
    const publisher = new ChangeFeedPublisher(store, redis, streamKey, {
      connect,
      schema: config.databaseSchema,
      streamLength: config.streamLength,
      historyRevisions: config.historyRevisions,
      compactEveryMs: opts.compactEveryMs,
      logger,
    });
    const hub = new WatchHub(store, reader, redis, streamKey, { logger });
    await hub.start();
    await publisher.start();
    return new StoreRuntime(ds, store, redis, reader, publisher, hub, streamKey);
  }

  async stop(): Promise<void> {
    await this.publisher.stop();
    await this.hub.stop();
    await this.store.close();
    this.redis.disconnect();
    this.reader.disconnect();
    await this.ds.destroy();
  }
}
