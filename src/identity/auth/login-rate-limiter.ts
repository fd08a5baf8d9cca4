import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '@platform/config/app-config';
import { RedisConnection } from '@platform/queue/redis.provider';
import { TooManyLoginAttemptsError } from '@identity/identity.errors';

const WINDOW_SECONDS = 60;

/**
 * Login protection after rate-limiter-flexible's recipe, on the app's Redis (so the limits hold
 * across API instances): every attempt takes a point from its e-mail address's and its IP's
 * allowance *before* the password is checked, with one atomic increment in Redis each, so concurrent
 * attempts cannot all read "below the limit" and pass. A successful login forgets the e-mail's
 * failures and gives the IP its point back, so both limits count failed logins (and attempts in
 * flight). Keys carry a hash of the address and the IP, never the values.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly perEmail: RateLimiterRedis;
  private readonly perIp: RateLimiterRedis;

  constructor(redis: RedisConnection, config: ConfigService<AppConfig, true>) {
    const auth = config.get('auth', { infer: true });
    const prefix = `${config.get('queue', { infer: true }).prefix}:login-attempts`;
    const limiter = (kind: string, points: number) =>
      new RateLimiterRedis({
        storeClient: redis.client,
        keyPrefix: `${prefix}:${kind}`,
        points,
        duration: WINDOW_SECONDS,
      });
    this.perEmail = limiter('email', auth.loginMaxFailuresPerEmail);
    this.perIp = limiter('ip', auth.loginMaxFailuresPerIp);
  }

  /**
   * Takes this attempt from both allowances; throws TooManyLoginAttemptsError (with the seconds until
   * the window ends) when either is used up. The IP's allowance is taken first; an attempt the e-mail
   * limit then refuses gives the IP its point back, since its password was never checked.
   */
  async consume(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    await take(this.perIp, keys.ip);
    try {
      await take(this.perEmail, keys.email);
    } catch (error) {
      await this.perIp.reward(keys.ip, 1);
      throw error;
    }
  }

  /** The password was right: the e-mail's failures are forgotten and the IP's point comes back. */
  async succeeded(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    await Promise.all([this.perEmail.delete(keys.email), this.perIp.reward(keys.ip, 1)]);
  }

  private keys(email: string, ip: string): { email: string; ip: string } {
    const hash = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);
    return { email: hash(email.trim().toLowerCase()), ip: hash(ip) };
  }
}

/** One point, or TooManyLoginAttemptsError; a Redis failure is not a refusal and propagates as is. */
async function take(limiter: RateLimiterRedis, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      throw new TooManyLoginAttemptsError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
    }
    throw rejection;
  }
}
