import { DataSource } from 'typeorm';
import { Organisation, Role } from '@identity/organisation';
import { PlacesService } from '@sales/places/places.service';
import { createUser, TestUser } from '@test/support/auth';
import { captureLog, LogCapture } from '@test/support/log-capture';
import { startTestApp, TestApp } from '@test/support/test-app';
import { GEO_DIR, makeCandidate } from '../matching/candidate-factory';

describe('logs', () => {
  let test: TestApp;
  let adviser: TestUser;
  let log: LogCapture;

  beforeAll(async () => {
    test = await startTestApp({ LOG_LEVEL: 'debug' });
    await test.app.get(PlacesService).importFrom(GEO_DIR);
    adviser = await createUser(test, [Role.ADVISER], Organisation.UWV);
  });
  afterAll(() => test.close());
  beforeEach(() => (log = captureLog()));
  afterEach(() => log.stop());

  describe('personal data', () => {
    const person = {
      name: 'Marijke Vlieland-Oosterhout',
      phone: '06 1357 9246',
      email: 'marijke.vlieland@example.org',
      dateOfBirth: '1983-04-17',
      postcode: '3311 AB',
    };

    it('logs a failing candidate write without any value of the person: not from detail, parameters or query', async () => {
      const created = await test.http
        .post('/api/candidates')
        .set(adviser.headers)
        .send(makeCandidate(person))
        .expect(201);
      const dataSource = test.app.get(DataSource);
      const [stored] = await dataSource.query<Array<{ bsn_ciphertext: string }>>(
        'SELECT bsn_ciphertext FROM candidates WHERE id = $1',
        [created.body.id],
      );
      // Every later write of a candidate row fails, as when a constraint or trigger refuses it: PostgreSQL
      // then puts the whole row in the error's detail ("Failing row contains (…)").
      await dataSource.query('ALTER TABLE candidates ADD CONSTRAINT logs_test_refuses_writes CHECK (false) NOT VALID');
      try {
        const edit = await test.http
          .patch(`/api/candidates/${created.body.id}`)
          .set(adviser.headers)
          .send({ version: created.body.version, phone: '06 2468 1357', email: 'm.vlieland@example.net' });
        expect(edit.status).toBe(500);
        const second = await test.http
          .post('/api/candidates')
          .set(adviser.headers)
          .send(makeCandidate({ name: 'Johannes Terschelling', email: 'jterschelling@example.org', bsn: '123456782' }));
        expect(second.status).toBe(500);
      } finally {
        await dataSource.query('ALTER TABLE candidates DROP CONSTRAINT logs_test_refuses_writes');
      }

      const lines = log.lines();
      // The failure is logged, by the exception filter and by TypeORM, with what says where it broke.
      const unhandled = lines.filter((line) => line.msg === 'Unhandled error');
      expect(unhandled).toHaveLength(2);
      expect(unhandled[0].err).toMatchObject({
        type: 'QueryFailedError',
        code: '23514',
        constraint: 'logs_test_refuses_writes',
        detail: '[redacted]',
        parameters: '[redacted]',
      });
      const queryFailures = lines.filter((line) => line.msg === 'Query failed');
      expect(queryFailures.length).toBeGreaterThanOrEqual(2);
      // Lines written while the request was handled name it.
      expect(queryFailures.every((line) => typeof line.requestId === 'string')).toBe(true);

      const text = log.text();
      for (const value of [
        'Vlieland',
        'Oosterhout',
        '1357',
        '2468',
        'marijke',
        'example.net',
        'Terschelling',
        'jterschelling',
        '1983-04-17',
        '111222333',
        '123456782',
        stored.bsn_ciphertext,
        stored.bsn_ciphertext.slice(0, 16),
      ]) {
        expect({ value, found: text.includes(value) }).toEqual({ value, found: false });
      }
    });
  });

  describe('the request log', () => {
    const requestLines = () => log.lines().filter((line) => line.msg === 'request');

    it('writes one line per request: method, route pattern, status, duration, request id and user, no values', async () => {
      const list = await test.http
        .get('/api/candidates?q=Vlieland&limit=5')
        .set(adviser.headers)
        .set('X-Request-Id', 'req-list-1')
        .expect(200);
      const one = await test.http
        .get('/api/candidates/00000000-0000-4000-8000-000000000000')
        .set(adviser.headers)
        .set('X-Request-Id', 'req-one-1');
      await test.http
        .post('/api/auth/login')
        .set('X-Request-Id', 'req-login-1')
        .send({ email: 'geheim.adres@example.org', password: 'not-the-password-123' })
        .expect(401);
      await test.http.get('/api/no-such-thing/4711?name=Terschelling').set('X-Request-Id', 'req-missing-1').expect(404);
      await test.http
        .post('/api/candidates')
        .set(adviser.headers)
        .set('content-type', 'application/json')
        .set('X-Request-Id', 'req-bad-json-1')
        .send('{"name": "Vlieland",')
        .expect(400);

      const lines = requestLines();
      expect(lines.map((line) => line.requestId)).toEqual([
        'req-list-1',
        'req-one-1',
        'req-login-1',
        'req-missing-1',
        'req-bad-json-1',
      ]);
      expect(lines[0]).toMatchObject({
        level: 30,
        method: 'GET',
        route: '/api/candidates',
        status: 200,
        userId: adviser.id,
        requestId: list.headers['x-request-id'],
      });
      expect(typeof lines[0].durationMs).toBe('number');
      expect(lines[1]).toMatchObject({ route: '/api/candidates/:id', status: one.status, userId: adviser.id });
      expect(lines[2]).toMatchObject({ method: 'POST', route: '/api/auth/login', status: 401, userId: null });
      expect(lines[3]).toMatchObject({ method: 'GET', route: null, status: 404, userId: null });
      expect(lines[4]).toMatchObject({ method: 'POST', route: '/api/candidates', status: 400 });

      const text = log.text();
      for (const value of ['Vlieland', 'limit=5', 'geheim.adres', 'not-the-password', 'Terschelling', '4711']) {
        expect({ value, found: text.includes(value) }).toEqual({ value, found: false });
      }
    });

    it('logs many concurrent requests once each', async () => {
      const ids = Array.from({ length: 60 }, (_, index) => `req-many-${index}`);
      await Promise.all(ids.map((id) => test.http.get('/api/auth/me').set(adviser.headers).set('X-Request-Id', id)));
      expect(
        requestLines()
          .map((line) => line.requestId)
          .sort(),
      ).toEqual([...ids].sort());
    });

    it('puts health checks at debug, so they are left out at info', async () => {
      await test.http.get('/health').set('X-Request-Id', 'req-health-1').expect(200);
      expect(requestLines()).toEqual([expect.objectContaining({ requestId: 'req-health-1', level: 20 })]);
    });
  });
});

describe('LOG_LEVEL', () => {
  it('is honoured: at warn, neither request lines nor info lines are written', async () => {
    const log = captureLog();
    const test = await startTestApp({ LOG_LEVEL: 'warn' });
    try {
      await test.http.get('/api/auth/me').expect(401);
      await test.http.get('/health').expect(200);
      const levels = log.lines().map((line) => line.level as number);
      expect(levels.filter((level) => level < 40)).toEqual([]);
      expect(log.lines().filter((line) => line.msg === 'request')).toEqual([]);
    } finally {
      await test.close();
      log.stop();
    }
  });

  it('is honoured: at info, every request line is there', async () => {
    const log = captureLog();
    const test = await startTestApp({ LOG_LEVEL: 'info' });
    try {
      await test.http.get('/api/auth/me').set('X-Request-Id', 'req-info-1').expect(401);
      expect(log.lines().filter((line) => line.msg === 'request')).toEqual([
        expect.objectContaining({ requestId: 'req-info-1', route: '/api/auth/me', status: 401 }),
      ]);
    } finally {
      await test.close();
      log.stop();
    }
  });
});
