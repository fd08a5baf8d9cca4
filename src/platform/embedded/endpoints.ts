import { AppConfig } from '@platform/config/app-config';
import { EmbeddedPostgres } from './embedded-postgres';
import { EmbeddedRedis } from './embedded-redis';

/** Where the database and Redis actually are, after any embedded server has started. */
export interface Endpoints {
  databaseUrl: string;
  redisUrl: string;
  embeddedDatabase: boolean;
  embeddedRedis: boolean;
}

export interface RunningEndpoints {
  endpoints: Endpoints;
  /** Stops whatever embedded server this process started; the caller closes its clients first. */
  stop(): Promise<void>;
}

/**
 * Uses DATABASE_URL and REDIS_URL when set; otherwise starts the embedded defaults with their
 * data under DATA_DIR (or in memory when `persist` is false, as in tests).
 */
export async function startEndpoints(config: AppConfig, persist = true): Promise<RunningEndpoints> {
  const dataDir = persist ? config.dataDir : undefined;
  const postgres = config.database.url ? undefined : await EmbeddedPostgres.start(dataDir);
  let redis: EmbeddedRedis | undefined;
  try {
    redis = config.redis.url ? undefined : await EmbeddedRedis.start(dataDir);
  } catch (error) {
    await postgres?.stop();
    throw error;
  }
  return {
    endpoints: {
      databaseUrl: config.database.url ?? postgres!.url,
      redisUrl: config.redis.url ?? redis!.url,
      embeddedDatabase: postgres !== undefined,
      embeddedRedis: redis !== undefined,
    },
    async stop() {
      await redis?.stop();
      await postgres?.stop();
    },
  };
}
