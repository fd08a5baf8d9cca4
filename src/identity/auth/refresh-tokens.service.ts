import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { Clock } from '@platform/clock/clock';
import { RefreshTokenEntity } from './refresh-token.entity';

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

export type RefreshOutcome =
  { kind: 'valid'; token: RefreshTokenEntity } | { kind: 'invalid' } | { kind: 'reused'; userId: string };

export interface IssuedRefreshToken {
  /** `<id>.<secret>`, for the client. */
  token: string;
  id: string;
  sessionId: string;
}

/** Issues, rotates and revokes refresh tokens (`<id>.<secret>`, only a hash of the secret stored). */
@Injectable()
export class RefreshTokensService {
  constructor(
    @InjectRepository(RefreshTokenEntity) private readonly tokens: Repository<RefreshTokenEntity>,
    private readonly clock: Clock,
  ) {}

  /**
   * A new refresh token: of a new session (a sign-in), or, given `sessionId`, the successor in the
   * session it was rotated from.
   */
  async issue(
    userId: string,
    ttlSeconds: number,
    manager?: EntityManager,
    sessionId: string = randomUUID(),
  ): Promise<IssuedRefreshToken> {
    const secret = randomBytes(32).toString('base64url');
    const repository = manager?.getRepository(RefreshTokenEntity) ?? this.tokens;
    const saved = await repository.save(
      repository.create({
        userId,
        sessionId,
        secretHash: sha256(secret),
        expiresAt: new Date(this.clock.now().getTime() + ttlSeconds * 1000),
        revokedAt: null,
        replacedBy: null,
      }),
    );
    return { token: `${saved.id}.${secret}`, id: saved.id, sessionId };
  }

  /** Checks a presented token; a rotated (already used) token is reported as reuse, a sign of theft. */
  async check(presented: string): Promise<RefreshOutcome> {
    const [id, secret] = presented.split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) return { kind: 'invalid' };
    const token = await this.tokens.findOneBy({ id });
    if (!token) return { kind: 'invalid' };
    const expected = Buffer.from(token.secretHash, 'hex');
    const actual = Buffer.from(sha256(secret), 'hex');
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return { kind: 'invalid' };
    if (token.revokedAt && token.replacedBy) return { kind: 'reused', userId: token.userId };
    if (token.revokedAt || token.expiresAt <= this.clock.now()) return { kind: 'invalid' };
    return { kind: 'valid', token };
  }

  /** Marks a token used, in exchange for its successor; false when someone else used it first. */
  async rotate(id: string, replacedBy: string, manager: EntityManager): Promise<boolean> {
    const result = await manager
      .getRepository(RefreshTokenEntity)
      .update({ id, revokedAt: IsNull() }, { revokedAt: this.clock.now(), replacedBy });
    return (result.affected ?? 0) === 1;
  }

  async revoke(id: string): Promise<void> {
    await this.tokens.update({ id, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  async revokeAllFor(userId: string, manager?: EntityManager): Promise<void> {
    const repository = manager?.getRepository(RefreshTokenEntity) ?? this.tokens;
    await repository.update({ userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }
}
