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

  it('documents the success body of every operation (a 204 has none)', async () => {
    const { paths } = (await test.http.get('/docs-json').expect(200)).body as {
      paths: Record<
        string,
        Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
      >;
    };
    const undocumented: string[] = [];
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const success = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        const documented =
          success.length > 0 &&
          success.every(
            ([status, response]) =>
              status === '204' || Object.values(response.content ?? {}).some((media) => media.schema !== undefined),
          );
        if (!documented) undocumented.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('types every field: no schema is a bare object (a nullable string is a string that may be null)', async () => {
    const document = (await test.http.get('/docs-json').expect(200)).body;
    const bare: string[] = [];
    const walk = (schema: Record<string, unknown> | undefined, where: string): void => {
      if (!schema || typeof schema !== 'object') return;
      const shaped = ['properties', 'additionalProperties', '$ref', 'oneOf', 'anyOf', 'allOf'].some(
        (key) => key in schema,
      );
      if (schema.type === 'object' && !shaped) bare.push(where);
      for (const [name, property] of Object.entries(
        (schema.properties ?? {}) as Record<string, Record<string, unknown>>,
      ))
        walk(property, `${where}.${name}`);
      if (schema.items) walk(schema.items as Record<string, unknown>, `${where}[]`);
      for (const key of ['oneOf', 'anyOf', 'allOf'])
        ((schema[key] ?? []) as Array<Record<string, unknown>>).forEach((part, index) =>
          walk(part, `${where}.${key}.${index}`),
        );
      if (typeof schema.additionalProperties === 'object')
        walk(schema.additionalProperties as Record<string, unknown>, `${where}{}`);
    };
    for (const [name, schema] of Object.entries(document.components.schemas as Record<string, Record<string, unknown>>))
      walk(schema, name);
    type Response = { content?: Record<string, { schema?: Record<string, unknown> }> };
    type Operations = Record<string, Record<string, { responses?: Record<string, Response> }>>;
    for (const [path, operations] of Object.entries(document.paths as Operations))
      for (const [method, operation] of Object.entries(operations))
        for (const [status, response] of Object.entries(operation.responses ?? {}))
          for (const media of Object.values(response.content ?? {}))
            walk(media.schema, `${method.toUpperCase()} ${path} ${status}`);
    expect(bare).toEqual([]);
  });

  it('serves Swagger UI at /docs', async () => {
    const response = await test.http.get('/docs').redirects(1).expect(200);
    expect(response.text).toContain('swagger-ui');
  });
});
