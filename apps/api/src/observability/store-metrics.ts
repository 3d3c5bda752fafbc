import type { Pool } from 'pg';
import type { StoreRuntime } from '../store/store-runtime';
import { SampledGauge, withinMs } from './metrics-registry';

const pool = new SampledGauge<'state'>({
  name: 'skiff_postgres_pool_connections',
  help: 'Connections of the Postgres pool (TypeORM\'s pg pool): total open, idle, and the configured maximum',
  labelNames: ['state'],
});
const poolWaiting = new SampledGauge({ name: 'skiff_postgres_pool_waiting_clients', help: 'Queries waiting for a Postgres connection from the pool' });
const redisUp = new SampledGauge({ name: 'skiff_redis_connected', help: '1 while the store\'s Redis connection (the change feed publisher) is ready, else 0' });
const streamLength = new SampledGauge({ name: 'skiff_change_stream_length', help: 'Entries in the Redis change stream (XLEN); left out while Redis does not answer' });
const watchers = new SampledGauge({ name: 'skiff_watch_hub_subscribers', help: 'Watchers of the store in this process: REST and GraphQL watches, the controllers\', scheduler\'s and caches\' own' });
const watchLag = new SampledGauge({ name: 'skiff_watch_hub_max_lag_revisions', help: 'Revisions the slowest watcher in this process has yet to be sent (0 when all are caught up)' });
const degraded = new SampledGauge({ name: 'skiff_watch_hub_degraded', help: '1 while the watch hub reads changes from Postgres because Redis is unreachable' });

/** Reports `rt`'s Postgres pool, Redis and watch hub at scrape time; returns what stops it. */
export function observeStore(rt: StoreRuntime): () => void {
  const pg = (rt.ds.driver as unknown as { master?: Pick<Pool, 'totalCount' | 'idleCount' | 'waitingCount' | 'options'> }).master;
  const stops = [
    pool.observe(() =>
      pg
        ? [
            { labels: { state: 'total' }, value: pg.totalCount },
            { labels: { state: 'idle' }, value: pg.idleCount },
            { labels: { state: 'max' }, value: pg.options.max ?? 10 },
          ]
        : [],
    ),
    poolWaiting.observe(() => (pg ? [{ labels: {}, value: pg.waitingCount }] : [])),
    redisUp.observe(() => [{ labels: {}, value: rt.redis.status === 'ready' ? 1 : 0 }]),
    // The publisher's connection queues commands while Redis is away: ask only when it is there.
    streamLength.observe(async () => (rt.redis.status === 'ready' ? [{ labels: {}, value: await withinMs(1000, rt.redis.xlen(rt.streamKey)) }] : [])),
    watchers.observe(() => [{ labels: {}, value: rt.hub.stats().subscribers }]),
    watchLag.observe(() => [{ labels: {}, value: rt.hub.stats().maxLag }]),
    degraded.observe(() => [{ labels: {}, value: rt.hub.stats().degraded ? 1 : 0 }]),
  ];
  return () => stops.forEach((stop) => stop());
}
