import { randomBytes } from 'crypto';
import { generateKey } from '../../src/encryption/key-list';

/** One Secret encryption key for every store a test process starts without a SKIFF_HOME of its own. */
const SUITE_KEY = generateKey();

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
    encryptionKeys: [SUITE_KEY],
  };
}
