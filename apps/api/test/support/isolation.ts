import { randomBytes } from 'crypto';

/** A fresh Postgres schema and Redis key prefix per suite, so suites never see each other. */
export function isolatedConfig() {
  const id = randomBytes(4).toString('hex');
  const databaseUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!databaseUrl || !redisUrl) throw new Error('DATABASE_URL and REDIS_URL must be set (jest global setup sets them)');
  return {
    databaseUrl,
    databaseSchema: `t_${id}`,
    redisUrl,
    redisPrefix: `skiff-test:${id}:`,
    streamLength: 100_000,
    historyRevisions: 1_000_000,
  };
}
