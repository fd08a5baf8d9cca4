import { randomBytes } from 'node:crypto';
import { Role } from '@identity/organisation';
import { createUser, TEST_PASSWORD, TestUser } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';

const COOKIE = { 'X-Session': 'cookie' };

function refreshCookieOf(response: { headers: Record<string, unknown> }): string {
  const cookies = (response.headers['set-cookie'] as string[] | undefined) ?? [];
  const cookie = cookies.find((line) => line.startsWith('mt_refresh='));
  if (!cookie) throw new Error(`no refresh cookie in ${JSON.stringify(cookies)}`);
  return cookie;
}
const valueOf = (cookie: string): string => cookie.split(';')[0];

describe('the web app’s refresh cookie', () => {
  let test: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    test = await startTestApp();
    user = await createUser(test, [Role.MATCHER]);
  });
  afterAll(() => test.close());

  const login = () =>
    test.http.post('/api/auth/login').set(COOKIE).send({ email: user.email, password: TEST_PASSWORD });

  it('keeps the refresh token out of the body, in an HttpOnly SameSite=Strict cookie on /api/auth only', async () => {
    const response = await login().expect(200);
    expect(response.body.refreshToken).toBeUndefined();
    expect(response.body.accessToken).toEqual(expect.any(String));
    const cookie = refreshCookieOf(response);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\/api\/auth(;|$)/);
    // Served over plain http here: a Secure cookie would never come back.
    expect(cookie).not.toMatch(/; Secure/);
  });

  it('refreshes from the cookie once, only with X-Session (the CSRF guard), and refuses the used cookie', async () => {
    const cookie = valueOf(refreshCookieOf(await login().expect(200)));
    // A cross-site form could make the browser send the cookie, but not the header.
    const forged = await test.http.post('/api/auth/refresh').set('Cookie', cookie).send({}).expect(401);
    expect(forged.body.code).toBe('REFRESH_TOKEN_INVALID');

    const refreshed = await test.http.post('/api/auth/refresh').set(COOKIE).set('Cookie', cookie).send({}).expect(200);
    expect(refreshed.body.refreshToken).toBeUndefined();
    const next = valueOf(refreshCookieOf(refreshed));
    expect(next).not.toBe(cookie);
    await test.http.get('/api/auth/me').set('Authorization', `Bearer ${refreshed.body.accessToken}`).expect(200);

    // The used one again: refused, the cookie cleared, and (reuse) every session of the user ended.
    const reused = await test.http.post('/api/auth/refresh').set(COOKIE).set('Cookie', cookie).send({}).expect(401);
    expect(refreshCookieOf(reused)).toMatch(/mt_refresh=;/);
    await test.http.post('/api/auth/refresh').set(COOKIE).set('Cookie', next).send({}).expect(401);
  });

  it('signs out from the cookie: revoked and cleared', async () => {
    const cookie = valueOf(refreshCookieOf(await login().expect(200)));
    const out = await test.http.post('/api/auth/logout').set(COOKIE).set('Cookie', cookie).send({}).expect(204);
    expect(refreshCookieOf(out)).toMatch(/mt_refresh=;.*(Expires=Thu, 01 Jan 1970|Max-Age=0)/);
    await test.http.post('/api/auth/refresh').set(COOKIE).set('Cookie', cookie).send({}).expect(401);
  });

  it('keeps the JSON-body flow for API clients: no cookie, the refresh token in the body', async () => {
    const response = await test.http
      .post('/api/auth/login')
      .send({ email: user.email, password: TEST_PASSWORD })
      .expect(200);
    expect(response.headers['set-cookie']).toBeUndefined();
    const refreshed = await test.http
      .post('/api/auth/refresh')
      .send({ refreshToken: response.body.refreshToken })
      .expect(200);
    expect(refreshed.body.refreshToken).toEqual(expect.any(String));
    await test.http.post('/api/auth/refresh').send({}).expect(401);
  });
});

describe('the refresh cookie behind TLS', () => {
  let test: TestApp;
  beforeAll(async () => {
    const key = () => randomBytes(32).toString('base64');
    // Behind a TLS-terminating load balancer the operator trusts it (TRUST_PROXY), so its
    // X-Forwarded-Proto counts; without that trust a forged header must not change the cookie.
    test = await startTestApp({
      NODE_ENV: 'production',
      TRUST_PROXY: 'true',
      BSN_ENCRYPTION_KEY: key(),
      BSN_HASH_KEY: key(),
    });
  });
  afterAll(() => test.close());

  it('is Secure when the request came over https', async () => {
    const user = await createUser(test, [Role.ADVISER]);
    const response = await test.http
      .post('/api/auth/login')
      .set(COOKIE)
      .set('X-Forwarded-Proto', 'https')
      .send({ email: user.email, password: TEST_PASSWORD })
      .expect(200);
    expect(refreshCookieOf(response)).toMatch(/; Secure/);
  });
});
