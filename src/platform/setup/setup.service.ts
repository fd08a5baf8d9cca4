import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@platform/config/app-config';
import { RedisConnection } from '@platform/queue/redis.provider';
import { UsersService } from '@identity/users/users.service';
import { UserEntity } from '@identity/users/user.entity';
import { FirstAdministratorDto } from './dto/setup.dto';
import { SetupDoneError, SetupTokenInvalidError, TooManySetupAttemptsError } from './setup.errors';

/** Wrong tokens allowed per client IP in this window before 429. */
const MAX_FAILURES = 5;
const WINDOW_SECONDS = 300;

/**
 * The first run: while the database has no user, the process holds a random set-up token, printed once
 * at start (main.ts, to the console, never into the JSON log or a URL), and whoever shows it may create
 * the first administrator. After that the set-up is gone for good: "any user exists" is the state, kept
 * in the database, so a restart does not bring it back. Each process prints its own token; with several
 * instances use the one whose console you read, or `npm run user:create`.
 */
@Injectable()
export class SetupService implements OnApplicationBootstrap {
  private tokenDigest: Buffer | null = null;
  private token: string | null = null;
  /** Cached once true: users are never all removed. */
  private done = false;
  private readonly failuresPrefix: string;

  constructor(
    private readonly users: UsersService,
    private readonly redis: RedisConnection,
    config: ConfigService<AppConfig, true>,
  ) {
    this.failuresPrefix = `${config.get('queue', { infer: true }).prefix}:setup-failures`;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (await this.isDone()) return;
    this.token = randomBytes(18).toString('base64url');
    this.tokenDigest = digest(this.token);
  }

  /** The token to print at start, once; null when the set-up is done. */
  takeTokenToAnnounce(): string | null {
    const token = this.token;
    this.token = null;
    return token;
  }

  async isDone(): Promise<boolean> {
    if (!this.done) this.done = await this.users.anyExists();
    return this.done;
  }

  async assertOpen(): Promise<void> {
    if (await this.isDone()) throw new SetupDoneError();
  }

  async createFirstAdministrator(input: FirstAdministratorDto, ip: string): Promise<UserEntity> {
    await this.assertOpen();
    await this.assertTokenAccepted(input.setupToken, ip);
    const created = await this.users.createFirstAdministrator({
      name: input.name,
      email: input.email,
      password: input.password,
      organisation: input.organisation,
      unitName: input.unitName,
    });
    // Another request won the race: this one is too late, like any request after the set-up.
    if (!created) throw new SetupDoneError();
    this.done = true;
    this.tokenDigest = null;
    return created;
  }

  private async assertTokenAccepted(presented: string, ip: string): Promise<void> {
    const key = `${this.failuresPrefix}:${ip}`;
    const [[, count], [, ttl]] = ((await this.redis.client.multi().get(key).ttl(key).exec()) ?? [
      [null, 0],
      [null, 0],
    ]) as Array<[unknown, unknown]>;
    if (Number(count ?? 0) >= MAX_FAILURES) throw new TooManySetupAttemptsError(Math.max(1, Number(ttl)));
    const matches = this.tokenDigest !== null && timingSafeEqual(digest(presented), this.tokenDigest);
    if (!matches) {
      await this.redis.client.multi().incr(key).expire(key, WINDOW_SECONDS, 'NX').exec();
      throw new SetupTokenInvalidError();
    }
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
