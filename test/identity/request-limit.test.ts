import { Role } from '@identity/organisation';
import { createUser } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';

/** The general per-user request limit (USER_REQUESTS_PER_MINUTE), set low here to reach it. */
describe('per-user request limit', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp({ USER_REQUESTS_PER_MINUTE: '20' });
  });
  afterAll(() => test.close());

  it('answers 20 of 30 concurrent requests of one user and refuses 10 with 429 and Retry-After; others go on', async () => {
    const busy = await createUser(test, [Role.MATCHER]);
    const calm = await createUser(test, [Role.MATCHER]);
    const responses = await Promise.all(
      Array.from({ length: 30 }, () => test.http.get('/api/auth/me').set(busy.headers)),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(20);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10);
    const refused = responses.find((response) => response.status === 429)!;
    expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);

    // Another user, and what needs no sign-in, are not held back by this one.
    await test.http.get('/api/auth/me').set(calm.headers).expect(200);
    await test.http.get('/health').expect(200);
  });
});
