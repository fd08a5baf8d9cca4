import { JwtService } from '@nestjs/jwt';
import { Role } from '@identity/organisation';
import { createUser, TEST_PASSWORD, TestUser } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';

interface Claims {
  sub: string;
  tv: number;
  sid?: string;
  iat: number;
  exp: number;
}

/**
 * Access tokens signed with the service's real secret but shaped wrongly, and access tokens of
 * sessions that ended: each must answer 401 at once (never 500, never "still works for 15 minutes").
 */
describe('access tokens', () => {
  let test: TestApp;
  let user: TestUser;
  const now = () => Math.floor(Date.now() / 1000);
  const me = (token: string) => test.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`);
  const login = async () =>
    (await test.http.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200)).body as {
      accessToken: string;
      refreshToken: string;
    };
  /** The claims of a real token, to forge variants of it with the real secret. */
  const claimsOf = (token: string) => test.app.get(JwtService).decode<Claims>(token);
  /** Signs exactly these claims with the real secret (jsonwebtoken adds iat only when the payload has none). */
  const sign = (payload: object, options: { withoutIat?: boolean } = {}) =>
    test.app
      .get(JwtService)
      .signAsync(payload as Record<string, unknown>, { algorithm: 'HS256', noTimestamp: options.withoutIat ?? false });

  beforeAll(async () => {
    test = await startTestApp();
    user = await createUser(test, [Role.MATCHER]);
  });
  afterAll(() => test.close());

  it('accepts a real token, and the same claims signed again with the real secret (the baseline)', async () => {
    const { accessToken } = await login();
    await me(accessToken).expect(200);
    const { sub, tv, sid, iat, exp } = claimsOf(accessToken);
    await me(await sign({ sub, tv, sid, iat, exp })).expect(200);
  });

  it('refuses a token without exp, signed with the real secret', async () => {
    const { sub, tv, sid, iat } = claimsOf((await login()).accessToken);
    const response = await me(await sign({ sub, tv, sid, iat })).expect(401);
    expect(response.body.code).toBe('NOT_SIGNED_IN');
  });

  it('refuses a token issued in the future, and one without iat', async () => {
    const { sub, tv, sid } = claimsOf((await login()).accessToken);
    await me(await sign({ sub, tv, sid, iat: now() + 3600, exp: now() + 4500 })).expect(401);
    await me(await sign({ sub, tv, sid, exp: now() + 600 }, { withoutIat: true })).expect(401);
  });

  it('refuses a token that claims to live longer than an access token may: issued an hour ago, valid for years', async () => {
    const { sub, tv, sid } = claimsOf((await login()).accessToken);
    await me(await sign({ sub, tv, sid, iat: now() - 3600, exp: now() + 10 * 365 * 86_400 })).expect(401);
  });

  it.each([
    ['not-a-uuid', 'a sub that is no UUID'],
    [12345, 'a numeric sub'],
    [null, 'a null sub'],
    ["00000000-0000-0000-0000-000000000000' OR '1'='1", 'an injection attempt in sub'],
  ])('answers 401, not 500, for %j (%s)', async (sub, _what) => {
    const { tv, sid } = claimsOf((await login()).accessToken);
    const response = await me(await sign({ sub, tv, sid, iat: now(), exp: now() + 600 }));
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('NOT_SIGNED_IN');
  });

  it('answers 401 for a token whose tv or sid is malformed, or that has no sid', async () => {
    const { sub, tv, sid } = claimsOf((await login()).accessToken);
    const fresh = { iat: now(), exp: now() + 600 };
    await me(await sign({ sub, tv: '0', sid, ...fresh })).expect(401);
    await me(await sign({ sub, tv, sid: 'session', ...fresh })).expect(401);
    await me(await sign({ sub, tv, ...fresh })).expect(401);
  });

  it('stops the access token of a session at once on logout, and leaves the other sessions alone', async () => {
    const laptop = await login();
    const phone = await login();
    await me(laptop.accessToken).expect(200);
    await test.http.post('/api/auth/logout').send({ refreshToken: laptop.refreshToken }).expect(204);

    const refused = await me(laptop.accessToken).expect(401);
    expect(refused.body.code).toBe('NOT_SIGNED_IN');
    await me(phone.accessToken).expect(200);
  });

  it('keeps a session going through refresh: the new access token works, and logout stops it', async () => {
    const first = await login();
    const next = (await test.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200))
      .body as { accessToken: string; refreshToken: string };
    // The same session: the access token issued before the refresh still works until it expires.
    await me(first.accessToken).expect(200);
    await me(next.accessToken).expect(200);
    await test.http.post('/api/auth/logout').send({ refreshToken: next.refreshToken }).expect(204);
    await me(first.accessToken).expect(401);
    await me(next.accessToken).expect(401);
  });

  it('stops the access tokens of every session of the user at once when a used refresh token comes back', async () => {
    const victim = await login();
    const other = await login();
    await test.http.post('/api/auth/refresh').send({ refreshToken: victim.refreshToken }).expect(200);
    // The rotated token presented again (stolen and replayed): every session of the user ends.
    await test.http.post('/api/auth/refresh').send({ refreshToken: victim.refreshToken }).expect(401);

    await me(victim.accessToken).expect(401);
    await me(other.accessToken).expect(401);
    // Signing in again starts a new session.
    await me((await login()).accessToken).expect(200);
  });
});
