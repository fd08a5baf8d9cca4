import { Role, Organisation } from '@identity/organisation';
import { UsersService } from '@identity/users/users.service';
import { createUser, TEST_PASSWORD } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';

describe('sign-in', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(() => test.close());

  const login = (email: string, password: string) => test.http.post('/api/auth/login').send({ email, password });

  it('signs in with e-mail (any case) and password, and `me` shows the user without a password hash', async () => {
    const user = await createUser(test, [Role.MATCHER], Organisation.UWV);
    const response = await login(user.email.toUpperCase(), TEST_PASSWORD).expect(200);
    expect(response.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const me = await test.http
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${response.body.accessToken}`)
      .expect(200);
    expect(me.body).toMatchObject({ id: user.id, email: user.email, organisation: 'UWV', roles: ['MATCHER'] });
    expect(JSON.stringify(me.body)).not.toMatch(/argon2|passwordHash/);
  });

  it('answers a wrong e-mail address and a wrong password alike', async () => {
    const user = await createUser(test, [Role.SALES]);
    const wrongPassword = await login(user.email, 'not the password at all').expect(401);
    const wrongEmail = await login('nobody.here@example.org', TEST_PASSWORD).expect(401);
    const strip = ({ requestId: _, ...rest }: Record<string, unknown>) => rest;
    expect(strip(wrongPassword.body)).toEqual(strip(wrongEmail.body));
    expect(wrongPassword.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('refuses the 6th failed login within a minute for one e-mail with 429 and Retry-After, even with the right password', async () => {
    const user = await createUser(test, [Role.ADVISER]);
    for (let attempt = 1; attempt <= 5; attempt++) await login(user.email, `wrong password ${attempt}`).expect(401);
    const sixth = await login(user.email, 'wrong password 6').expect(429);
    expect(sixth.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(sixth.headers['retry-after'])).toBeLessThanOrEqual(60);
    await login(user.email, TEST_PASSWORD).expect(429);
    // Another address from the same client is not blocked by this one's failures.
    const other = await createUser(test, [Role.ADVISER]);
    await login(other.email, TEST_PASSWORD).expect(200);
  });

  it('rotates refresh tokens: each works once, and a reused one ends every session of the user', async () => {
    const user = await createUser(test, [Role.AFTERSALES]);
    const first = (await login(user.email, TEST_PASSWORD).expect(200)).body;
    const second = (await test.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200))
      .body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await test.http.get('/api/auth/me').set('Authorization', `Bearer ${second.accessToken}`).expect(200);

    // The first token again: reuse of a rotated token looks like theft, so the second dies too.
    await test.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    await test.http.post('/api/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
  });

  it('refuses a refresh token after logout', async () => {
    const user = await createUser(test, [Role.MANAGER]);
    const tokens = (await login(user.email, TEST_PASSWORD).expect(200)).body;
    await test.http.post('/api/auth/logout').send({ refreshToken: tokens.refreshToken }).expect(204);
    const refused = await test.http.post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
    expect(refused.body.code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('stops a deactivated user at once: the access token already out, the refresh token and new logins', async () => {
    const admin = await createUser(test, [Role.ADMIN]);
    const user = await createUser(test, [Role.MATCHER]);
    const tokens = (await login(user.email, TEST_PASSWORD).expect(200)).body;
    await test.http.post(`/api/users/${user.id}/deactivate`).set(admin.headers).expect(200);

    await test.http.get('/api/auth/me').set('Authorization', `Bearer ${tokens.accessToken}`).expect(401);
    await test.http.post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
    await login(user.email, TEST_PASSWORD).expect(401);
  });

  it('takes away a role at once', async () => {
    const admin = await createUser(test, [Role.ADMIN]);
    const user = await createUser(test, [Role.ADMIN, Role.MATCHER]);
    await test.http.get('/api/users').set(user.headers).expect(200);
    const current = await test.app.get(UsersService).findById(user.id);
    await test.http
      .patch(`/api/users/${user.id}`)
      .set(admin.headers)
      .send({ version: current!.version, roles: ['MATCHER'] })
      .expect(200);
    await test.http.get('/api/users').set(user.headers).expect(401);
  });

  it('refuses a forged or malformed token', async () => {
    await test.http.get('/api/auth/me').set('Authorization', 'Bearer not.a.token').expect(401);
    await test.http.get('/api/auth/me').set('Authorization', 'Basic dXNlcjpwYXNz').expect(401);
    const forged = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    await test.http.get('/api/auth/me').set('Authorization', `Bearer ${forged}.e30.`).expect(401);
  });
});
