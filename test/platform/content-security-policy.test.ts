import { startTestApp, TestApp } from '@test/support/test-app';

const csp = (headers: Record<string, string>) => headers['content-security-policy'] ?? '';

describe('content security policy', () => {
  describe('without a trusted proxy (TRUST_PROXY=false, the default)', () => {
    let test: TestApp;
    beforeAll(async () => {
      test = await startTestApp();
    });
    afterAll(() => test.close());

    it('does not ask to upgrade insecure requests over plain http, also on a non-localhost host', async () => {
      const docs = await test.http.get('/docs').set('Host', 'matching.example.org').expect(200);
      expect(csp(docs.headers)).toContain("default-src 'self'");
      expect(csp(docs.headers)).not.toContain('upgrade-insecure-requests');
      const api = await test.http.get('/health').set('Host', 'matching.example.org');
      expect(csp(api.headers)).not.toContain('upgrade-insecure-requests');
    });

    it('ignores X-Forwarded-Proto from a client it does not trust', async () => {
      const response = await test.http.get('/docs').set('X-Forwarded-Proto', 'https').expect(200);
      expect(csp(response.headers)).not.toContain('upgrade-insecure-requests');
    });

    it('allows no inline script, and /docs needs none: every script it loads is served', async () => {
      const docs = await test.http.get('/docs').expect(200);
      const scriptSource = /script-src ([^;]*)/.exec(csp(docs.headers))?.[1];
      expect(scriptSource).toBe("'self'");
      const html = docs.text;
      const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect({ attributes, inline: body.trim() }).toEqual({ attributes, inline: '' });
        const source = /src="([^"]+)"/.exec(attributes)?.[1];
        expect(source).toBeDefined();
        await test.http.get(new URL(source!, 'http://localhost/docs').pathname).expect(200);
      }
      for (const [, href] of html.matchAll(/<link[^>]+href="([^"]+\.css)"/g)) {
        await test.http.get(new URL(href, 'http://localhost/docs').pathname).expect(200);
      }
    });
  });

  describe('behind a trusted https proxy (TRUST_PROXY=true)', () => {
    let test: TestApp;
    beforeAll(async () => {
      test = await startTestApp({ TRUST_PROXY: 'true' });
    });
    afterAll(() => test.close());

    it('asks to upgrade insecure requests when the proxy says the request was https, and only then', async () => {
      const https = await test.http.get('/docs').set('X-Forwarded-Proto', 'https').expect(200);
      expect(csp(https.headers)).toContain('upgrade-insecure-requests');
      const http = await test.http.get('/docs').set('X-Forwarded-Proto', 'http').expect(200);
      expect(csp(http.headers)).not.toContain('upgrade-insecure-requests');
    });
  });
});
