import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Redis from 'ioredis';
import { AppConfig } from '@platform/config/app-config';
import { ENDPOINTS } from '@platform/embedded/endpoints.token';
import { Endpoints } from '@platform/embedded/endpoints';
import { judgeEvictionPolicy, RedisEvictionPolicyError } from './eviction-policy';
import { redisOptionsFromUrl } from './redis-options';

/**
 * The service's own Redis connection (health, cache, pub/sub publishing). BullMQ keeps its own
 * connections. Queued jobs must survive memory pressure, hence the eviction policy check.
 */
@Injectable()
export class RedisConnection implements OnModuleInit, OnApplicationShutdown {
  readonly client: Redis;
  private readonly logger = new Logger(RedisConnection.name);

  constructor(
    @Inject(ENDPOINTS) private readonly endpoints: Endpoints,
    private readonly config: ConfigService<AppConfig, true>,
  ) {
    this.client = new Redis({ ...redisOptionsFromUrl(endpoints.redisUrl), maxRetriesPerRequest: 1, lazyConnect: true });
    this.client.on('error', (error) => this.logger.warn(`Redis connection: ${error.message}`));
  }

  /**
   * In the init phase, before any module's onApplicationBootstrap starts a worker: a start refused
   * here has run no job.
   */
  async onModuleInit(): Promise<void> {
    await this.client.connect();
    const verdict = judgeEvictionPolicy({
      policy: await this.evictionPolicy(),
      embeddedRedis: this.endpoints.embeddedRedis,
      workersEnabled: this.config.get('queue', { infer: true }).workersEnabled,
    });
    if (verdict.kind === 'refuse') throw new RedisEvictionPolicyError(verdict.message);
    if (verdict.kind === 'warn') this.logger.warn(verdict.message);
  }

  /** The server's maxmemory-policy, or undefined where CONFIG is not allowed (managed Redis). */
  async evictionPolicy(): Promise<string | undefined> {
    try {
      const reply = (await this.client.config('GET', 'maxmemory-policy')) as string[];
      return reply[1];
    } catch {
      return undefined;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client.status !== 'end') await this.client.quit().catch(() => this.client.disconnect());
  }
}
