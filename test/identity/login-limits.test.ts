import { PasswordHasher } from '@identity/auth/password-hasher';
import { Role } from '@identity/organisation';
import { RedisConnection } from '@platform/queue/redis.provider';
import { createUser, TEST_PASSWORD } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';

/**
 * The login limits under real concurrency: attempts sent at once over HTTP, counted in Redis. The
 * limits are the defaults (5 failures a minute per e-mail, 30 per IP); every request here comes from
 * 127.0.0.1, so each test starts from empty counters.
 */
describe('login limits under concurrency', () => {
  let test: TestApp;
  const login = (app: TestApp, email: string, password: string) =>
    app.http.post('/api/auth/login').send({ email, password });
  const countStatuses = (statuses: number[]) =>
    statuses.reduce<Record<number, number>>(
      (counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }),
      {},
    );

  /** Forgets every login counter of this test file (its own Redis key prefix). */
  const resetCounters = async () => {
    const redis = test.app.get(RedisConnection).client;
    const keys = await redis.keys(`${test.config.queue.prefix}:login-attempts:*`);
    if (keys.length > 0) await redis.del(...keys);
  };

  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(() => test.close());
  beforeEach(resetCounters);
  afterEach(() => jest.restoreAllMocks());

  it('checks the password of only 5 of 50 concurrent wrong logins for one e-mail; the other 45 get 429', async () => {
    const user = await createUser(test, [Role.ADVISER]);
    const verify = jest.spyOn(test.app.get(PasswordHasher), 'verify');

    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) => login(test, user.email, `wrong password ${index}`)),
    );
    expect(countStatuses(responses.map((response) => response.status))).toEqual({ 401: 5, 429: 45 });
    expect(verify).toHaveBeenCalledTimes(5);
    const refused = responses.find((response) => response.status === 429)!;
    expect(refused.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    // The right password is refused too while the e-mail is blocked.
    await login(test, user.email, TEST_PASSWORD).expect(429);
  }, 60_000);

  it('lets 30 of 100 concurrent logins with different e-mails from one IP reach the password check; 70 get 429', async () => {
    const verify = jest.spyOn(test.app.get(PasswordHasher), 'verify');
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, index) => login(test, `nobody.${index}@example.org`, 'not a password at all')),
    );
    expect(countStatuses(responses.map((response) => response.status))).toEqual({ 401: 30, 429: 70 });
    expect(verify).toHaveBeenCalledTimes(30);
    // A user with the right password from this IP is refused as well until the minute is over.
    const user = await createUser(test, [Role.MATCHER]).catch((error: Error) => error);
    expect(user).toBeInstanceOf(Error);
    expect((user as Error).message).toMatch(/test login failed: 429/);
  }, 60_000);

  it('resets the e-mail counter on a successful login and gives the IP its point back', async () => {
    const user = await createUser(test, [Role.SALES]);
    for (let attempt = 1; attempt <= 4; attempt++) await login(test, user.email, 'wrong password').expect(401);
    await login(test, user.email, TEST_PASSWORD).expect(200);
    // After the success the e-mail has 5 failures to spend again: 5 × 401, then 429.
    for (let attempt = 1; attempt <= 5; attempt++) await login(test, user.email, 'wrong password').expect(401);
    await login(test, user.email, 'wrong password').expect(429);
    // 40 successful logins from this IP (more than its 30) are never limited: only failures count.
    const others = await Promise.all(Array.from({ length: 8 }, () => createUser(test, [Role.MANAGER])));
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all(others.map((other) => login(test, other.email, TEST_PASSWORD)));
      expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
    }
  }, 60_000);

  // Two API instances at once need two database connections, which the embedded PGlite does not serve.
  const onServer = process.env.TEST_EMBEDDED_DATABASE ? it.skip : it;
  onServer(
    'holds across two API instances sharing Redis: 20 concurrent wrong logins, 5 checked in all',
    async () => {
      const second = await startTestApp();
      try {
        const user = await createUser(test, [Role.AFTERSALES]);
        const responses = await Promise.all(
          Array.from({ length: 20 }, (_, index) =>
            login(index % 2 === 0 ? test : second, user.email, `wrong ${index}`),
          ),
        );
        expect(countStatuses(responses.map((response) => response.status))).toEqual({ 401: 5, 429: 15 });
      } finally {
        await second.close();
      }
    },
    60_000,
  );
});
