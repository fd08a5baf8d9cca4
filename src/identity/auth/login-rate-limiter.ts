import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@platform/config/app-config';
import { RedisConnection } from '@platform/queue/redis.provider';
import { TooManyLoginAttemptsError } from '@identity/identity.errors';

const WINDOW_SECONDS = 60;

/**
 * Counts failed logins per e-mail address and per client IP in Redis, so the limit holds across API
 * instances. Keys carry a hash of the address, never the address itself.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly limits: { perEmail: number; perIp: number };
  private readonly prefix: string;

  constructor(
    private readonly redis: RedisConnection,
    config: ConfigService<AppConfig, true>,
  ) {
    const auth = config.get('auth', { infer: true });
    this.limits = { perEmail: auth.loginMaxFailuresPerEmail, perIp: auth.loginMaxFailuresPerIp };
    this.prefix = `${config.get('queue', { infer: true }).prefix}:login-failures`;
  }

  /** Throws TooManyLoginAttemptsError while either counter is at its limit. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const [emailKey, ipKey] = this.keys(email, ip);
    const replies = await this.redis.client.multi().get(emailKey).ttl(emailKey).get(ipKey).ttl(ipKey).exec();
    const [emailCount, emailTtl, ipCount, ipTtl] = (replies ?? []).map(([, value]) => Number(value ?? 0));
    const blockedFor = Math.max(
      (emailCount ?? 0) >= this.limits.perEmail ? (emailTtl ?? WINDOW_SECONDS) : 0,
      (ipCount ?? 0) >= this.limits.perIp ? (ipTtl ?? WINDOW_SECONDS) : 0,
    );
    if (blockedFor > 0) throw new TooManyLoginAttemptsError(Math.max(1, blockedFor));
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const multi = this.redis.client.multi();
    for (const key of this.keys(email, ip)) multi.incr(key).expire(key, WINDOW_SECONDS, 'NX');
    await multi.exec();
  }

  async recordSuccess(email: string): Promise<void> {
    await this.redis.client.del(this.keys(email, '')[0]);
  }

  private keys(email: string, ip: string): [string, string] {
    const emailHash = createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
    return [`${this.prefix}:email:${emailHash}`, `${this.prefix}:ip:${ip}`];
  }
}
