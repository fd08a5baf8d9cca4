import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { Organisation, Role } from '@identity/organisation';
import { PlacesService } from '@sales/places/places.service';
import { createUser, TestUser } from '@test/support/auth';
import { captureLog } from '@test/support/log-capture';
import { startTestApp, TestApp } from '@test/support/test-app';
import { employerInput, vacancyInput } from '@test/sales/sales-factories';
import { makeCandidate } from '@test/matching/candidate-factory';

/**
 * Each class of bad input that once answered 500 (issue 13), on a real endpoint, with the answer it
 * gets now. test/platform/bad-input.test.ts sends the same classes to every write operation.
 */
describe('bad input answers 4xx with the usual body', () => {
  let test: TestApp;
  let admin: TestUser;
  let employer: { id: string; version: number };
  let vacancy: { id: string; version: number };
  let candidate: { id: string; version: number };
  let certificate: { id: string; version: number };

  const json = (method: 'post' | 'patch' | 'put', url: string, body: unknown, headers = admin.headers) =>
    test.http[method](url).set(headers).set('content-type', 'application/json').send(JSON.stringify(body));
  const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const userVersion = async (id: string) => (await test.http.get(`/api/users/${id}`).set(admin.headers)).body.version;
  const unitVersion = async (id: string) => (await test.http.get(`/api/units/${id}`).set(admin.headers)).body.version;

  beforeAll(async () => {
    test = await startTestApp();
    await test.app.get(PlacesService).importFrom(resolve(__dirname, '..', 'fixtures', 'geo', 'valid'));
    admin = await createUser(test, Object.values(Role), Organisation.UWV);
    employer = (await json('post', '/api/employers', employerInput(admin)).expect(201)).body;
    vacancy = (await json('post', '/api/vacancies', vacancyInput(employer.id)).expect(201)).body;
    candidate = (await json('post', '/api/candidates', makeCandidate()).expect(201)).body;
    certificate = (await json('post', '/api/certificates', { code: 'PROEF', name: 'Proef' }).expect(201)).body;
  });
  afterAll(() => test.close());

  it('refuses JSON nested deeper than 32 with 400 JSON_TOO_DEEP, also without signing in (/api/auth/refresh, /logout)', async () => {
    for (const url of ['/api/auth/refresh', '/api/auth/logout', '/api/auth/login']) {
      const response = await test.http.post(url).set('content-type', 'application/json').send(deep(5000)).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'JSON_TOO_DEEP' });
      expect(response.body.requestId).toBe(response.headers['x-request-id']);
    }
    await test.http
      .post('/api/auth/refresh')
      .set('content-type', 'application/json')
      .send(`{"refreshToken":${deep(31)}}`)
      .expect(422); // 32 levels are read, and refused by the field's rule
    // Brackets inside a string are text, not nesting: the body is read (and the field's rule refuses it).
    const inString = await json('post', '/api/auth/refresh', { refreshToken: '['.repeat(5000) }).expect(422);
    expect(Object.keys(inString.body.errors)).toEqual(['refreshToken']);
  });

  it('refuses NUL and lone surrogates in any text, body or query, field by field (422)', async () => {
    const nul = await json('post', '/api/units', { name: 'Unit\u0000', focus: 'ok' }).expect(422);
    expect(nul.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { name: expect.stringContaining('NUL') } });
    const surrogate = await json('post', '/api/units', { name: 'Unit', focus: 'a\udc00' }).expect(422);
    expect(surrogate.body.errors).toEqual({ focus: expect.stringContaining('lone surrogate') });
    const nested = await json('post', '/api/employers', {
      ...employerInput(admin),
      address: { street: 'Straat\u0000', houseNumber: '1', postcode: '3311 AB', city: 'Dordrecht' },
    }).expect(422);
    expect(nested.body.errors).toEqual({ 'address.street': expect.stringContaining('NUL') });
    const query = await test.http.get('/api/users?q=a%00b').set(admin.headers).expect(422);
    expect(query.body.errors).toEqual({ q: expect.stringContaining('NUL') });
    const login = await json('post', '/api/auth/login', { email: 'a\udc00@example.org', password: 'x' }, {}).expect(
      422,
    );
    expect(Object.keys(login.body.errors)).toContain('email');
  });

  it('refuses null for a field a PATCH needs a value for (422), and still takes null where it clears', async () => {
    const other = await createUser(test, [Role.SALES], Organisation.UWV);
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [`/api/users/${other.id}`, { version: await userVersion(other.id), name: null }, 'name'],
      [`/api/units/${admin.unitId}`, { version: await unitVersion(admin.unitId), name: null }, 'name'],
      [`/api/certificates/${certificate.id}`, { version: certificate.version, name: null }, 'name'],
      [`/api/employers/${employer.id}`, { version: employer.version, accountManagerId: null }, 'accountManagerId'],
      [`/api/vacancies/${vacancy.id}`, { version: vacancy.version, title: null }, 'title'],
      [`/api/candidates/${candidate.id}`, { version: candidate.version, postcode: null }, 'postcode'],
    ];
    for (const [url, body, field] of cases) {
      const response = await json('patch', url, body);
      expect([url, response.status, Object.keys(response.body.errors ?? {})]).toEqual([url, 422, [field]]);
    }
    const cleared = await json('patch', `/api/candidates/${candidate.id}`, { version: candidate.version, phone: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.phone).toBeNull();
    candidate = cleared.body;
  });

  it('refuses integers beyond a 4-byte column (version 2147483648, 1e308; offset 10^20) with 422', async () => {
    for (const version of [2147483648, 1e308, -2147483649]) {
      const response = await json('patch', `/api/vacancies/${vacancy.id}`, { version, title: 'Heftruckchauffeur' });
      expect([version, response.status, response.body.errors]).toEqual([
        version,
        422,
        { version: 'must be between -2147483648 and 2147483647' },
      ]);
    }
    for (const offset of ['100000000000000000000', '1e20']) {
      const response = await test.http.get(`/api/candidates?offset=${offset}`).set(admin.headers).expect(422);
      expect(Object.keys(response.body.errors)).toEqual(['offset']);
    }
  });

  it('refuses dates that do not exist or lie outside 1900–2199 (year 0, 9999-12-31, 2026-02-30), body and query', async () => {
    const bodies: Array<[Record<string, unknown>, string]> = [
      [{ dateOfBirth: '0000-01-01' }, 'dateOfBirth'],
      [{ dateOfBirth: '9999-12-31' }, 'dateOfBirth'],
      [{ wwEndDate: '9999-12-31' }, 'wwEndDate'],
      [{ availableFrom: '9999-12-31' }, 'availableFrom'],
      [{ availableFrom: '2026-02-30' }, 'availableFrom'],
    ];
    for (const [fields, field] of bodies) {
      const response = await json('post', '/api/candidates', makeCandidate(fields));
      expect([fields, response.status, Object.keys(response.body.errors ?? {})]).toEqual([fields, 422, [field]]);
    }
    const start = await json('patch', `/api/vacancies/${vacancy.id}`, {
      version: vacancy.version,
      startDate: '9999-12-31',
    });
    expect([start.status, Object.keys(start.body.errors ?? {})]).toEqual([422, ['startDate']]);
    const consent = await json('post', `/api/candidates/${candidate.id}/consents`, {
      organisation: 'MUNICIPALITY',
      signedOn: '0000-01-01',
      documentReference: 'DMS-1',
    });
    expect([consent.status, Object.keys(consent.body.errors ?? {})]).toEqual([422, ['signedOn']]);
    const query = await test.http.get('/api/audit?from=2026-02-30').set(admin.headers).expect(422);
    expect(Object.keys(query.body.errors)).toEqual(['from']);
  });

  it("refuses an employer's address that is a list or missing (422 on address)", async () => {
    const list = await json('post', '/api/employers', { ...employerInput(admin), address: [] }).expect(422);
    expect(Object.keys(list.body.errors)).toEqual(['address']);
    const { address: _address, ...withoutAddress } = employerInput(admin);
    const missing = await json('post', '/api/employers', withoutAddress).expect(422);
    expect(Object.keys(missing.body.errors)).toEqual(['address']);
    const patch = await json('patch', `/api/employers/${employer.id}`, { version: employer.version, address: [] });
    expect([patch.status, Object.keys(patch.body.errors ?? {})]).toEqual([422, ['address']]);
  });

  it('answers an unknown foreign key with 422 REFERENCE_UNKNOWN on its field, and logs no value', async () => {
    const unknownUnit = randomUUID();
    const log = captureLog();
    try {
      const response = await json('post', '/api/vacancies', vacancyInput(employer.id, { unitId: unknownUnit })).expect(
        422,
      );
      expect(response.body).toMatchObject({ code: 'REFERENCE_UNKNOWN', errors: { unitId: 'does not exist' } });
      expect(JSON.stringify(response.body)).not.toContain(unknownUnit);
    } finally {
      log.stop();
    }
    expect(log.text()).not.toContain(unknownUnit);
    const listed = await test.http.get(`/api/vacancies?limit=200`).set(admin.headers).expect(200);
    expect(listed.body.total).toBe(1); // nothing written
  });

  it('answers a multipart body with no boundary, a wrong one or cut off with 400 MALFORMED_MULTIPART', async () => {
    const part = '--x\r\nContent-Disposition: form-data; name="pool"\r\n\r\nWW\r\n--x\r\n';
    const file =
      'Content-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nbsn;na';
    const bodies: Array<[string, string]> = [
      ['multipart/form-data', `${part}${file}\r\n--x--\r\n`],
      ['multipart/form-data; boundary=y', `${part}${file}\r\n--x--\r\n`],
      ['multipart/form-data; boundary=x', `${part}${file}`],
    ];
    for (const url of ['/api/candidates/imports', '/api/places/imports/upload', '/api/taxonomy/imports/upload']) {
      for (const [type, body] of bodies) {
        const response = await test.http.post(url).set(admin.headers).set('content-type', type).send(body);
        expect([url, type, response.status, response.body.code]).toEqual([url, type, 400, 'MALFORMED_MULTIPART']);
      }
    }
  });
});
