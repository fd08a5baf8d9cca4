import { startTestApp, TestApp } from '@test/support/test-app';

describe('security baseline', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp({ BODY_LIMIT_BYTES: '2048', CORS_ORIGINS: 'https://matching.example.org' });
  });
  afterAll(() => test.close());

  it('refuses a body over the configured limit with 413', async () => {
    const response = await test.http
      .post('/api/auth/login')
      .send({ email: 'a@example.org', password: 'x'.repeat(4096) })
      .expect(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('allows only the configured origins', async () => {
    const allowed = await test.http
      .options('/api/auth/login')
      .set('Origin', 'https://matching.example.org')
      .set('Access-Control-Request-Method', 'POST');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://matching.example.org');
    const other = await test.http
      .options('/api/auth/login')
      .set('Origin', 'https://evil.example.com')
      .set('Access-Control-Request-Method', 'POST');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
