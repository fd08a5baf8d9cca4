import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@migrations/index';

/**
 * The options shared by the running service, the migration CLI and the tests, so the same
 * migrations run on a real server and on the embedded one. Never `synchronize`.
 */
export function dataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    // gen_random_uuid() is built into PostgreSQL 13+ and PGlite; uuid-ossp is not in PGlite.
    uuidExtension: 'pgcrypto',
    extra: { max: poolSize },
  };
}
