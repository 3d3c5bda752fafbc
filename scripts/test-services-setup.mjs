// Jest global setup: real Postgres and Redis for the integration tests. Uses
// DATABASE_URL / REDIS_URL when set, else starts embedded ones on free ports.
import { freePort, startEmbeddedPostgres, startRedis, tmpDirFor, log } from './lib/services.mjs';

export default async function setup() {
  const started = [];
  if (!process.env.DATABASE_URL) {
    const dir = tmpDirFor('test-pg');
    const pg = await startEmbeddedPostgres({ dir: `${dir}/pg/data`, port: await freePort() });
    process.env.DATABASE_URL = pg.url;
    started.push({ name: 'postgres', stop: pg.stop, dir });
  }
  if (!process.env.REDIS_URL) {
    const dir = tmpDirFor('test-redis');
    const redis = await startRedis({ port: await freePort(), dir });
    process.env.REDIS_URL = redis.url;
    started.push({ name: 'redis', stop: redis.stop, dir });
  }
  if (started.length) log(`test services: ${started.map((s) => s.name).join(', ')} started`);
  globalThis.__skiffTestServices = started;
}
