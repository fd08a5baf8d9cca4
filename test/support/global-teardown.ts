// jest's globalSetup/globalTeardown ignore moduleNameMapper: resolve the path aliases from tsconfig.json.
import 'tsconfig-paths/register';
import { Client } from 'pg';
import Redis from 'ioredis';
import { EmbeddedPostgres } from '@platform/embedded/embedded-postgres';
import { EmbeddedRedis } from '@platform/embedded/embedded-redis';
import { adminQuery } from './databases';

export default async function globalTeardown(): Promise<void> {
  const runId = process.env.TEST_RUN_ID;
  const handles = (globalThis as { __testHandles?: { postgres?: EmbeddedPostgres; redis?: EmbeddedRedis } })
    .__testHandles;
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
  if (adminUrl && runId) {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `mt_${runId}_%`,
    ]);
    await client.end();
    for (const { datname } of rows) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  if (!handles?.redis && process.env.REDIS_URL && runId) {
    const redis = new Redis(process.env.REDIS_URL);
    const stream = redis.scanStream({ match: `test-${runId}-*`, count: 1000 });
    for await (const keys of stream as AsyncIterable<string[]>) if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  }
  await handles?.redis?.stop();
  await handles?.postgres?.stop();
}
