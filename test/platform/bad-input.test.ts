import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { Organisation, Role } from '@identity/organisation';
import { PlacesService } from '@sales/places/places.service';
import { createUser, TestUser } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';
import { employerInput, vacancyInput } from '@test/sales/sales-factories';
import { makeCandidate } from '@test/matching/candidate-factory';

/**
 * Schema-driven bad input: every write operation of the OpenAPI document, and for each field of its body
 * (one level into nested objects and the first item of lists) a bounded set of values that once answered
 * 500. Every answer must be a 4xx (a 2xx would mean the bad value was taken), and the tables must be
 * exactly as before. List endpoints get the same treatment for their query parameters (no 5xx).
 */

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  nullable?: boolean;
  minimum?: number;
  minLength?: number;
  minItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
};
type Operation = {
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: Schema }>;
  requestBody?: { content: Record<string, { schema?: Schema }> };
};
type OpenApi = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = { a: value };
  return value;
};

/** Values for one field; each is wrong for most fields (the skips below name the exceptions). */
const FIELD_VALUES: Array<[string, unknown]> = [
  ['NUL', 'a\u0000b'],
  ['lone surrogate', 'a\udc00b'],
  ['null', null],
  ['2^31', 2147483648],
  ['-2^31-1', -2147483649],
  ['1e308', 1e308],
  ['int4 max', 2147483647],
  ['year 0', '0000-01-01'],
  ['9999-12-31', '9999-12-31'],
  ['2026-02-30', '2026-02-30'],
  ['[]', []],
  ['{}', {}],
  ['true', true],
  ['deep', nested(40)],
];
/** Fewer values one level down, to keep the run bounded. */
const NESTED_VALUES = FIELD_VALUES.filter(([label]) =>
  ['NUL', 'null', '1e308', 'year 0', '[]', 'deep'].includes(label),
);
/** Written as they travel in a URL: a lone surrogate has no UTF-8, so a client sends its CESU-8 bytes. */
const REQUEST_TIMEOUT_MS = 10_000;
const URL_VALUES = ['a%00b', 'a%ED%B0%80b', '1e20', '100000000000000000000', '2026-02-30', '0000-01-01', '9999-12-31'];

/**
 * The values worth sending to a field of this schema. A wrong type is one wrong type: a text field
 * gets one number (1e308), a number field one text (NUL), so the run stays bounded; the values that
 * probe a type's own edges (ranges for numbers, calendars for dates) go only to fields of that type.
 */
function valuesFor(schema: Schema, values: Array<[string, unknown]>): Array<[string, unknown]> {
  const numeric = schema.type === 'integer' || schema.type === 'number';
  const dateLike = schema.format === 'date' || schema.format === 'date-time';
  return values.filter(([label, value]) => {
    if (acceptable(schema, value)) return false;
    if (['2^31', '-2^31-1', 'int4 max'].includes(label)) return numeric;
    if (['lone surrogate', 'year 0', '2026-02-30'].includes(label)) return schema.type === 'string';
    if (label === '9999-12-31') return dateLike || (schema.type === 'string' && !schema.enum && !!schema.format);
    return true;
  });
}

/** Text faults go to every query parameter, range faults to numbers, calendar faults to dates. */
function urlValuesFor(schema: Schema): string[] {
  const [nul, surrogate, exponent, huge, ...dates] = URL_VALUES;
  const numeric = schema.type === 'integer' || schema.type === 'number';
  const dateLike = schema.format === 'date' || schema.format === 'date-time';
  return [nul, surrogate, ...(numeric ? [exponent, huge] : []), ...(dateLike ? dates : [])];
}

/** Values a field of this schema may legitimately take: sending them is no test of bad input. */
function acceptable(schema: Schema, value: unknown): boolean {
  if (value === null) return schema.nullable === true;
  if (Array.isArray(value)) return schema.type === 'array' && !schema.minItems;
  if (typeof value === 'boolean') return schema.type === 'boolean';
  if (typeof value === 'number') return (schema.type === 'integer' || schema.type === 'number') && value === 2147483647;
  if (typeof value === 'object') return schema.type === 'object' && !(schema.required?.length ?? 0);
  // A far-off date is a real date: fields that mean one refuse it, a free-text field may hold it.
  if (value === '9999-12-31') return schema.type === 'string' && !schema.format && !schema.enum;
  return false;
}

describe('bad input on every write operation', () => {
  let test: TestApp;
  let doc: OpenApi;
  let actor: TestUser;
  let other: TestUser;
  const ids: Record<string, string> = {};
  const versions: Record<string, number> = {};

  const resolveSchema = (schema: Schema | undefined): Schema | undefined => {
    if (!schema) return undefined;
    if (schema.$ref) return resolveSchema(doc.components.schemas[schema.$ref.split('/').pop()!]);
    if (schema.allOf?.length === 1) return resolveSchema(schema.allOf[0]);
    return schema;
  };

  /** A value that passes the field's schema, preferring the fixtures for ids. */
  const sample = (name: string, raw: Schema | undefined, depth = 0): unknown => {
    const schema = resolveSchema(raw) ?? {};
    if (schema.example !== undefined) return schema.example;
    if (schema.enum) return schema.enum[0];
    if (schema.format === 'uuid') return ids[name] ?? randomUUID();
    if (schema.format === 'date') return '2026-12-01';
    if (schema.format === 'date-time') return '2026-12-01T10:00:00.000Z';
    switch (schema.type ?? 'string') {
      case 'integer':
      case 'number':
        return schema.minimum ?? 1;
      case 'boolean':
        return true;
      case 'array':
        return schema.minItems ? [sample(name, schema.items, depth + 1)] : [];
      case 'object': {
        if (depth > 3) return {};
        const body: Record<string, unknown> = {};
        for (const key of schema.required ?? []) body[key] = sample(key, schema.properties?.[key], depth + 1);
        return body;
      }
      default:
        return 'Tekst'.padEnd(schema.minLength ?? 1, 'x');
    }
  };

  /** The most valid body this test can make, so each bad value is the request's only fault. */
  const baseBody = (method: string, path: string, schema: Schema): Record<string, unknown> => {
    const known: Record<string, () => Record<string, unknown>> = {
      'post /api/employers': () => employerInput(other),
      'post /api/vacancies': () => vacancyInput(ids.employerId, { unitId: ids.unitId }),
      'post /api/candidates': () => makeCandidate(),
    };
    const body = known[`${method} ${path}`]?.() ?? (sample('body', schema) as Record<string, unknown>);
    if (schema.properties?.version) body.version = versions[path] ?? 1;
    return body;
  };

  const pathFor = (path: string): string =>
    path.replace(/\{(\w+)\}/g, (_match, name: string) => {
      if (name === 'period') return '2026-Q4';
      const kind = /^\/api\/(\w+)/.exec(path)?.[1];
      const fixture = name === 'id' ? ids[`${kind}:id`] : ids[name];
      return fixture ?? randomUUID();
    });

  const tableSnapshot = async (): Promise<Record<string, string>> => {
    const dataSource = test.app.get(DataSource);
    const tables: Array<{ name: string }> = await dataSource.query(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const snapshot: Record<string, string> = {};
    for (const { name } of tables) {
      const [row]: Array<{ n: string; sum: string | null }> = await dataSource.query(
        `SELECT count(*)::text AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS sum FROM "${name}" t`,
      );
      snapshot[name] = `${row.n}:${row.sum ?? ''}`;
    }
    return snapshot;
  };

  beforeAll(async () => {
    test = await startTestApp({ LOGIN_MAX_FAILURES_PER_IP: '100000', LOGIN_MAX_FAILURES_PER_EMAIL: '100000' });
    await test.app.get(PlacesService).importFrom(resolve(__dirname, '..', 'fixtures', 'geo', 'valid'));
    // One user with every role passes every role guard; the candidate's pool (WW) belongs to UWV.
    actor = await createUser(test, Object.values(Role), Organisation.UWV);
    other = await createUser(test, [Role.SALES, Role.ADVISER], Organisation.UWV);
    ids.unitId = actor.unitId;
    ids['units:id'] = actor.unitId;
    ids['users:id'] = other.id;
    ids.accountManagerId = other.id;
    ids.adviserId = other.id;
    ids.userId = other.id;
    const post = async (url: string, body: object) => {
      const response = await test.http.post(url).set(actor.headers).send(body);
      if (response.status >= 300)
        throw new Error(`fixture ${url}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    };
    const employer = await post('/api/employers', employerInput(other));
    ids.employerId = ids['employers:id'] = employer.id;
    const vacancy = await post('/api/vacancies', vacancyInput(employer.id));
    ids.vacancyId = ids['vacancies:id'] = vacancy.id;
    const candidate = await post('/api/candidates', makeCandidate());
    ids.candidateId = ids['candidates:id'] = candidate.id;
    const certificate = await post('/api/certificates', { code: 'BAD_INPUT_TEST', name: 'Proefcertificaat' });
    ids['certificates:id'] = certificate.id;
    const consent = await post(`/api/candidates/${candidate.id}/consents`, {
      organisation: 'MUNICIPALITY',
      signedOn: '2026-11-02',
      documentReference: 'DMS-1',
    });
    ids.consentId = consent.id;
    Object.assign(versions, {
      '/api/users/{id}': (await test.http.get(`/api/users/${other.id}`).set(actor.headers)).body.version,
      '/api/units/{id}': (await test.http.get(`/api/units/${actor.unitId}`).set(actor.headers)).body.version,
      '/api/employers/{id}': employer.version,
      '/api/vacancies/{id}': vacancy.version,
      '/api/vacancies/{id}/status': vacancy.version,
      '/api/candidates/{id}': candidate.version,
      '/api/candidates/{id}/jobready': candidate.version,
      '/api/certificates/{id}': certificate.version,
    });
    doc = (await test.http.get('/docs-json').expect(200)).body;
  });
  afterAll(() => test.close());

  it('answers every bad value with a 4xx and changes no table', async () => {
    const before = await tableSnapshot();
    const failures: string[] = [];
    const cases: Array<() => Promise<void>> = [];
    const expect4xx = (label: string, status: number, body: unknown) => {
      if (status < 400 || status >= 500) failures.push(`${label} → ${status} ${JSON.stringify(body).slice(0, 200)}`);
    };

    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (method === 'get') {
          for (const parameter of (operation.parameters ?? []).filter((p) => p.in === 'query')) {
            for (const value of urlValuesFor(resolveSchema(parameter.schema) ?? {})) {
              cases.push(async () => {
                const response = await test.http
                  .get(`${pathFor(path)}?${parameter.name}=${value}`)
                  .set(actor.headers)
                  .timeout(REQUEST_TIMEOUT_MS);
                if (response.status >= 500)
                  failures.push(`GET ${path}?${parameter.name}=${JSON.stringify(value)} → ${response.status}`);
              });
            }
          }
          continue;
        }
        const label = `${method.toUpperCase()} ${path}`;
        const send = (url: string) =>
          test.http[method as 'post' | 'patch' | 'put' | 'delete'](url)
            .set(actor.headers)
            .set('Idempotency-Key', randomUUID())
            .timeout(REQUEST_TIMEOUT_MS);
        const content = operation.requestBody?.content ?? {};
        // Any body, JSON or not: one nested far too deep is refused before it is parsed.
        cases.push(async () => {
          const response = await send(pathFor(path))
            .set('content-type', 'application/json')
            .send('['.repeat(5000) + ']'.repeat(5000));
          if (response.status !== 400) failures.push(`${label} 5000 deep → ${response.status}`);
        });
        if (content['multipart/form-data']) {
          const broken: Array<[string, string, string]> = [
            [
              'no boundary',
              'multipart/form-data',
              '--x\r\nContent-Disposition: form-data; name="pool"\r\n\r\nWW\r\n--x--',
            ],
            [
              'wrong boundary',
              'multipart/form-data; boundary=other',
              '--x\r\nContent-Disposition: form-data; name="pool"\r\n\r\nWW\r\n--x--',
            ],
            [
              'truncated',
              'multipart/form-data; boundary=x',
              '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nbsn;naam\r\n1;',
            ],
          ];
          for (const [what, type, body] of broken) {
            cases.push(async () => {
              const response = await send(pathFor(path)).set('content-type', type).send(body);
              if (response.status !== 400) failures.push(`${label} multipart ${what} → ${response.status}`);
            });
          }
          continue;
        }
        // Path parameters that are no id: refused before anything is looked up.
        for (const parameter of (operation.parameters ?? []).filter((p) => p.in === 'path')) {
          for (const bad of ['a%00b', 'a%ED%B0%80b', '100000000000000000000']) {
            cases.push(async () => {
              const url = pathFor(path.replace(`{${parameter.name}}`, bad));
              const response = await send(url).send({});
              expect4xx(`${label} path ${parameter.name}=${JSON.stringify(bad)}`, response.status, response.body);
            });
          }
        }
        const schema = resolveSchema(content['application/json']?.schema);
        if (!schema?.properties) continue; // no body: only the checks above (a valid call would change data)
        const base = baseBody(method, path, schema);
        const sendBody = (body: unknown) =>
          send(pathFor(path)).set('content-type', 'application/json').send(JSON.stringify(body));
        for (const whole of [[], 'text', 12, { 'a\u0000': 1 }]) {
          cases.push(async () => {
            const response = await sendBody(whole);
            expect4xx(`${label} body ${JSON.stringify(whole)}`, response.status, response.body);
          });
        }
        for (const [field, rawFieldSchema] of Object.entries(schema.properties)) {
          const fieldSchema = resolveSchema(rawFieldSchema) ?? {};
          for (const [what, value] of valuesFor(fieldSchema, FIELD_VALUES)) {
            cases.push(async () => {
              const response = await sendBody({ ...base, [field]: value });
              expect4xx(`${label} ${field}=${what}`, response.status, response.body);
            });
          }
          if (schema.required?.includes(field)) {
            cases.push(async () => {
              const { [field]: _left, ...without } = base;
              const response = await sendBody(without);
              expect4xx(`${label} without ${field}`, response.status, response.body);
            });
          }
          // One level down: the properties of a nested object, or of a list's first item.
          const inner = fieldSchema.type === 'array' ? resolveSchema(fieldSchema.items) : fieldSchema;
          if (!inner?.properties) continue;
          const innerBase = (sample(field, inner) ?? {}) as Record<string, unknown>;
          const baseValue = base[field];
          const validInner =
            fieldSchema.type === 'array'
              ? ((Array.isArray(baseValue) && baseValue[0]) as Record<string, unknown>) || innerBase
              : (baseValue as Record<string, unknown>) || innerBase;
          for (const [innerField, rawInnerSchema] of Object.entries(inner.properties)) {
            const innerSchema = resolveSchema(rawInnerSchema) ?? {};
            for (const [what, value] of valuesFor(innerSchema, NESTED_VALUES)) {
              const item = { ...validInner, [innerField]: value };
              cases.push(async () => {
                const response = await sendBody({ ...base, [field]: fieldSchema.type === 'array' ? [item] : item });
                expect4xx(`${label} ${field}.${innerField}=${what}`, response.status, response.body);
              });
            }
          }
        }
      }
    }

    // A few at a time: the answers are what matters, not the load.
    const queue = [...cases];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          // A request left unanswered is a failure too (and must not hang the run).
          await next().catch((error: Error) => failures.push(`unanswered: ${error.message}`));
        }
      }),
    );
    const after = await tableSnapshot();
    const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
    expect({ failures, changed }).toEqual({ failures: [], changed: [] });
    expect(cases.length).toBeGreaterThan(2000); // the document was walked, not skipped
    // About 2,500 requests: 12 s on an idle 2-core machine; the margin is for a busy one.
  }, 180_000);
});
