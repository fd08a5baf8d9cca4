import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@platform/config/app-config';
import { Clock } from '@platform/clock/clock';
import { InvalidCredentialsError, NotSignedInError, RefreshTokenInvalidError } from '@identity/identity.errors';
import { UserEntity } from '@identity/users/user.entity';
import { UsersService } from '@identity/users/users.service';
import { accessTokenClaims, AccessTokenClaims } from './access-token-claims';
import { AuthenticatedUser } from './authenticated-user';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordHasher } from './password-hasher';
import { IssuedRefreshToken, RefreshTokensService } from './refresh-tokens.service';
import { TokensDto } from './dto/auth.dto';

@Injectable()
export class AuthService {
  private readonly ttl: { access: number; refresh: number };

  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly refreshTokens: RefreshTokensService,
    private readonly rateLimiter: LoginRateLimiter,
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    config: ConfigService<AppConfig, true>,
  ) {
    const auth = config.get('auth', { infer: true });
    this.ttl = { access: auth.accessTokenTtlSeconds, refresh: auth.refreshTokenTtlSeconds };
  }

  async login(email: string, password: string, ip: string): Promise<TokensDto> {
    // Counted before the password is checked: a failure needs nothing more, a success resets.
    await this.rateLimiter.consume(email, ip);
    const user = await this.users.findForLogin(email);
    const passwordMatches = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !passwordMatches || !user.active) throw new InvalidCredentialsError();
    await this.rateLimiter.succeeded(email, ip);
    const refresh = await this.refreshTokens.issue(user.id, this.ttl.refresh);
    return this.tokens(user, refresh);
  }

  /** Exchanges a refresh token for new tokens, once. A reused token ends every session of its user. */
  async refresh(presented: string): Promise<TokensDto> {
    const outcome = await this.refreshTokens.check(presented);
    if (outcome.kind === 'reused') {
      await this.refreshTokens.revokeAllFor(outcome.userId);
      throw new RefreshTokenInvalidError();
    }
    if (outcome.kind === 'invalid') throw new RefreshTokenInvalidError();
    const user = await this.users.findById(outcome.token.userId);
    if (!user?.active) throw new RefreshTokenInvalidError();
    const next = await this.dataSource.transaction(async (manager) => {
      // The successor stays in the session, so its access tokens end with it.
      const issued = await this.refreshTokens.issue(user.id, this.ttl.refresh, manager, outcome.token.sessionId);
      const rotated = await this.refreshTokens.rotate(outcome.token.id, issued.id, manager);
      if (!rotated) throw new RefreshTokenInvalidError();
      return issued;
    });
    return this.tokens(user, next);
  }

  async logout(presented: string): Promise<void> {
    const outcome = await this.refreshTokens.check(presented);
    if (outcome.kind === 'valid') await this.refreshTokens.revoke(outcome.token.id);
  }

  /**
   * Verifies an access token against the user's and the session's current state, on every request:
   * deactivation, new roles or a new password (the token version), logout and a reused refresh token
   * (the session) take effect at once. The token must carry every claim, well-formed, and be no older
   * than an access token lives (ACCESS_TOKEN_TTL_SECONDS), whatever its `exp` says.
   *
   * `alongside` runs with the token's user id once its signature is verified, side by side with the
   * user's lookup (the guard counts the request limit there: one round trip less in series). A token
   * no longer valid is refused as such even when `alongside` failed too.
   */
  async authenticate(
    accessToken: string,
    alongside: (userId: string) => Promise<void> = () => Promise.resolve(),
  ): Promise<AuthenticatedUser> {
    let payload: unknown;
    try {
      payload = await this.jwt.verifyAsync(accessToken, { algorithms: ['HS256'], maxAge: this.ttl.access });
    } catch {
      throw new NotSignedInError('The access token is invalid or expired');
    }
    const claims = accessTokenClaims(payload, Math.floor(Date.now() / 1000));
    if (!claims) throw new NotSignedInError('The access token is invalid or expired');
    const [facts, besides] = await Promise.allSettled([
      this.users.signedInFacts(claims.sub, { sessionId: claims.sid, at: this.clock.now() }),
      alongside(claims.sub),
    ]);
    if (facts.status === 'rejected') throw facts.reason;
    const user = facts.value;
    if (!user || !user.active || user.tokenVersion !== claims.tv || !user.sessionLive) {
      throw new NotSignedInError('The access token is no longer valid; sign in again');
    }
    if (besides.status === 'rejected') throw besides.reason;
    return { ...toAuthenticatedUser(user), underStatement: user.underStatement };
  }

  private async tokens(user: UserEntity, refresh: IssuedRefreshToken): Promise<TokensDto> {
    // jsonwebtoken adds iat and, from expiresIn, exp.
    const claims: Pick<AccessTokenClaims, 'sub' | 'tv' | 'sid'> = {
      sub: user.id,
      tv: user.tokenVersion,
      sid: refresh.sessionId,
    };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.ttl.access, algorithm: 'HS256' });
    return { tokenType: 'Bearer', accessToken, expiresIn: this.ttl.access, refreshToken: refresh.token };
  }
}

export function toAuthenticatedUser(
  user: Pick<UserEntity, 'id' | 'email' | 'organisation' | 'unitId' | 'roles'>,
): AuthenticatedUser {
  return {
    id: user.id,
    email: user.email,
    organisation: user.organisation,
    unitId: user.unitId,
    roles: user.roles,
  };
}
