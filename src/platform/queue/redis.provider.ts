import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { ENDPOINTS } from '@platform/embedded/endpoints.token';
import { Endpoints } from '@platform/embedded/endpoints';
import { redisOptionsFromUrl } from './redis-options';

/**
 * The service's own Redis connection (health, cache, pub/sub publishing). BullMQ keeps its own
 * connections. Queued jobs must survive memory pressure, hence the eviction policy check.
 */
@Injectable()
export class RedisConnection implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly client: Redis;
  private readonly logger = new Logger(RedisConnection.name);

  constructor(@Inject(ENDPOINTS) private readonly endpoints: Endpoints) {
    this.client = new Redis({ ...redisOptionsFromUrl(endpoints.redisUrl), maxRetriesPerRequest: 1, lazyConnect: true });
    this.client.on('error', (error) => this.logger.warn(`Redis connection: ${error.message}`));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.client.connect();
    const policy = await this.evictionPolicy();
    if (policy !== 'noeviction') {
      this.logger.warn(
        `Redis maxmemory-policy is "${policy}", not "noeviction": under memory pressure Redis may drop queued jobs. Set maxmemory-policy noeviction (config/redis.conf does).`,
      );
    }
  }

  /** The server's maxmemory-policy, or "unknown" where CONFIG is not allowed (managed Redis). */
  async evictionPolicy(): Promise<string> {
    try {
      const reply = (await this.client.config('GET', 'maxmemory-policy')) as string[];
      return reply[1] ?? 'unknown';
    } catch {
      return 'unknown';
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client.status !== 'end') await this.client.quit().catch(() => this.client.disconnect());
  }
}
