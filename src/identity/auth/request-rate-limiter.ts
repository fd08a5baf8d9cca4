import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '@platform/config/app-config';
import { RedisConnection } from '@platform/queue/redis.provider';
import { TooManyRequestsError } from '@identity/identity.errors';

const WINDOW_SECONDS = 60;

/**
 * A general limit per signed-in user (USER_REQUESTS_PER_MINUTE, over all API instances): a client
 * stuck in a loop or a script scraping with someone's token is stopped without slowing anyone
 * else. Generous by default, far above what a person clicking through the web app does; one atomic
 * increment in Redis per request.
 */
@Injectable()
export class RequestRateLimiter {
  private readonly limiter: RateLimiterRedis | null;

  constructor(redis: RedisConnection, config: ConfigService<AppConfig, true>) {
    const points = config.get('auth', { infer: true }).userRequestsPerMinute;
    this.limiter =
      points > 0
        ? new RateLimiterRedis({
            storeClient: redis.client,
            keyPrefix: `${config.get('queue', { infer: true }).prefix}:user-requests`,
            points,
            duration: WINDOW_SECONDS,
          })
        : null;
  }

  /** Counts one request of this user; throws TooManyRequestsError beyond the limit. */
  async consume(userId: string): Promise<void> {
    if (!this.limiter) return;
    try {
      await this.limiter.consume(userId);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        throw new TooManyRequestsError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
      }
      throw rejection;
    }
  }
}
