// jest's globalSetup/globalTeardown ignore moduleNameMapper: resolve the path aliases from tsconfig.json.
import 'tsconfig-paths/register';
import { randomBytes } from 'node:crypto';
import { EmbeddedPostgres } from '@platform/embedded/embedded-postgres';
import { EmbeddedRedis } from '@platform/embedded/embedded-redis';
import { createDatabase, runMigrations, withDatabase } from './databases';

/**
 * Once per test run: a fresh database with every migration applied. On a real server that is a
 * template database that each test file copies into its own database; on the embedded default
 * (no DATABASE_URL) it is one in-memory PGlite that the test files share, one at a time.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  process.env.TEST_RUN_ID = runId;
  const handles: { postgres?: EmbeddedPostgres; redis?: EmbeddedRedis } = {};

  if (process.env.DATABASE_URL) {
    const template = `mt_${runId}_template`;
    await createDatabase(process.env.DATABASE_URL, template);
    await runMigrations(withDatabase(process.env.DATABASE_URL, template));
    process.env.TEST_ADMIN_DATABASE_URL = process.env.DATABASE_URL;
    process.env.TEST_TEMPLATE_DATABASE = template;
  } else {
    handles.postgres = await EmbeddedPostgres.start(undefined);
    await runMigrations(handles.postgres.url);
    process.env.DATABASE_URL = handles.postgres.url;
    process.env.TEST_EMBEDDED_DATABASE = '1';
  }

  if (!process.env.REDIS_URL) {
    handles.redis = await EmbeddedRedis.start(undefined);
    process.env.REDIS_URL = handles.redis.url;
  }
  (globalThis as { __testHandles?: typeof handles }).__testHandles = handles;
}
