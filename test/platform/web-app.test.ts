import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isAppRoute } from '@platform/web/web-app';
import { startTestApp, TestApp } from '@test/support/test-app';

describe('the web app served at /', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(() => test.close());

  it('serves index.html uncached at / and at app routes, with a CSP that allows no inline script', async () => {
    for (const path of ['/', '/beheer/gebruikers', '/aanmelden?x=1']) {
      const response = await test.http.get(path).expect(200);
      expect([path, response.headers['content-type']]).toEqual([path, 'text/html; charset=utf-8']);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.text).toContain('<div id="root"></div>');
      // Every script is a file: nothing inline for the CSP to refuse.
      expect(response.text.match(/<script(?![^>]*\ssrc=)[^>]*>/g)).toBeNull();
      const csp = response.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    }
  });

  it('serves the hashed assets cached for a year, and a missing file as a 404, not as the app', async () => {
    const assets = readdirSync(join(test.config.web.distDir, 'assets'));
    const script = assets.find((name) => name.endsWith('.js'))!;
    const response = await test.http.get(`/assets/${script}`).expect(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-type']).toMatch(/javascript/);
    await test.http.get('/assets/missing-0123.js').expect(404);
    await test.http.get('/favicon-missing.png').expect(404);
  });

  it('keeps the API’s own paths: an unknown /api path is a JSON 404, /docs-json and /health answer as before', async () => {
    const unknown = await test.http.get('/api/no-such-thing').expect(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect((await test.http.get('/docs-json').expect(200)).body.openapi).toMatch(/^3\./);
    await test.http.get('/health').expect((response) => expect(response.status).not.toBe(404));
  });

  it('tells app routes from the API and files', () => {
    expect(['/', '/beheer/eenheden', '/vacatures/123'].every(isAppRoute)).toBe(true);
    expect(['/api/x', '/api', '/docs', '/docs-json', '/health', '/assets/a.js', '/robots.txt'].some(isAppRoute)).toBe(
      false,
    );
  });
});
