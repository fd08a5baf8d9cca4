import { startTestApp, TestApp } from '@test/support/test-app';

describe('API documentation', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(() => test.close());

  it('serves an OpenAPI 3 document at /docs-json that documents /health', async () => {
    const response = await test.http.get('/docs-json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(response.body.info.title).toBe('Matching service');
    expect(response.body.paths['/health'].get).toBeDefined();
  });

  it('serves Swagger UI at /docs', async () => {
    const response = await test.http.get('/docs').redirects(1).expect(200);
    expect(response.text).toContain('swagger-ui');
  });
});
