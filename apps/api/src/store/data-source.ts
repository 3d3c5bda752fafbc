import { DataSource } from 'typeorm';
import type { SkiffConfig } from '../config/skiff-config';
import { STORE_ENTITIES } from './entities';
import { STORE_MIGRATIONS } from './migrations';

/** One TypeORM DataSource per process; raw SQL on its pool for the hot paths. */
export function createDataSource(config: Pick<SkiffConfig, 'databaseUrl' | 'databaseSchema'>, poolSize = 20): DataSource {
  return new DataSource({
    type: 'postgres',
    url: config.databaseUrl,
    schema: config.databaseSchema,
    entities: STORE_ENTITIES,
    migrations: STORE_MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
    extra: { max: poolSize, options: `-c search_path=${config.databaseSchema}` },
  });
}

export async function migrate(ds: DataSource, schema: string): Promise<void> {
  // Two processes starting at once must not both run the migrations.
  const lock = ds.createQueryRunner();
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext($1))`, [`skiff-migrate:${schema}`]);
    await lock.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`skiff-migrate:${schema}`]).catch(() => undefined);
    await lock.release();
  }
}
