import fs from 'node:fs';
import { Queue } from 'bullmq';
import { getQueueToken } from '@nestjs/bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Organisation, Role } from '@identity/organisation';
import { BsnCipher } from '@matching/candidates/bsn-cipher';
import { CandidatesService } from '@matching/candidates/candidates.service';
import { EventsProcessor } from '@matching/engine/events.processor';
import { QueueName } from '@platform/queue/queue-names';
import { PlacesService } from '@sales/places/places.service';
import { createUser } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';
import { GEO_DIR, makeCandidate } from './candidate-factory';

const BSN = '100000046';
const NAME = 'Wilhelmina Zwanenburg-Privacytest';
const IMPORTED_BSN = '100000058';
const IMPORTED_NAME = 'Hendrikus Importpersoon-Logtest';

describe('candidate privacy: logs and erasure', () => {
  let test: TestApp;
  let captured = '';
  const restore: Array<() => void> = [];

  beforeAll(async () => {
    // pino writes to fd 1 through sonic-boom (fs.writeSync / fs.write), Nest's console through process.stdout.
    const capture = (chunk: unknown) => {
      captured += typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
    };
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (capture(chunk), true));
    const writeSync = fs.writeSync;
    const spySync = jest.spyOn(fs, 'writeSync').mockImplementation((fd: number, data: unknown, ...rest: unknown[]) => {
      if (fd === 1 || fd === 2) {
        capture(data);
        return typeof data === 'string' ? Buffer.byteLength(data) : (data as Buffer).length;
      }
      return (writeSync as (...args: unknown[]) => number)(fd, data, ...rest);
    });
    restore.push(
      () => stdout.mockRestore(),
      () => spySync.mockRestore(),
    );
    test = await startTestApp({ LOG_LEVEL: 'debug' });
    await test.app.get(PlacesService).importFrom(GEO_DIR);
  });
  afterAll(async () => {
    await test.close();
    restore.forEach((undo) => undo());
  });

  it('never writes a BSN or a name to the log, through creates, reads, look-ups, errors and imports', async () => {
    const adviser = await createUser(test, [Role.ADVISER], Organisation.UWV);
    const created = await test.http
      .post('/api/candidates')
      .set(adviser.headers)
      .send(makeCandidate({ bsn: BSN, name: NAME, sourceReference: 'UWV-PRIV-1' }))
      .expect(201);
    await test.http.get(`/api/candidates/${created.body.id}`).set(adviser.headers).expect(200);
    await test.http
      .get(`/api/candidates?q=${encodeURIComponent(NAME)}`)
      .set(adviser.headers)
      .expect(200);
    await test.http.post('/api/candidates/lookup').set(adviser.headers).send({ bsn: BSN }).expect(200);
    // Errors: a taken source reference, an unknown postcode area, a bad BSN, malformed JSON.
    await test.http
      .post('/api/candidates')
      .set(adviser.headers)
      .send(makeCandidate({ bsn: BSN, name: NAME, sourceReference: 'UWV-PRIV-1' }))
      .expect(409);
    await test.http
      .post('/api/candidates')
      .set(adviser.headers)
      .send(makeCandidate({ bsn: BSN, name: NAME, postcode: '1000 AA' }))
      .expect(422);
    await test.http
      .post('/api/candidates/lookup')
      .set(adviser.headers)
      .send({ bsn: `${BSN}0`, name: NAME })
      .expect(422);
    await test.http
      .post('/api/candidates')
      .set(adviser.headers)
      .set('content-type', 'application/json')
      .send(`{"bsn":"${BSN}","name":"${NAME}"`)
      .expect(400);
    const csv = [
      'klantnummer;bsn;naam;postcode;einddatum_ww;uren_min;uren_max',
      `UWV-PRIV-2;${IMPORTED_BSN};${IMPORTED_NAME};3312 AB;2027-05-01;20;30`,
      `UWV-PRIV-3;${IMPORTED_BSN.slice(0, 8)}9;${IMPORTED_NAME};3312 AB;2027-05-01;20;30`,
    ].join('\n');
    const started = await test.http
      .post('/api/candidates/imports')
      .set(adviser.headers)
      .field('pool', 'WW')
      .attach('file', Buffer.from(csv), 'export.csv')
      .expect(201);
    for (let attempt = 0; attempt < 100; attempt++) {
      const report = await test.http.get(`/api/candidates/imports/${started.body.id}`).set(adviser.headers).expect(200);
      if (report.body.status === 'DONE') break;
      await new Promise((wait) => setTimeout(wait, 50));
    }

    // The capture works: the request log lines are there (otherwise this test could not fail).
    expect(captured).toContain('/api/candidates/lookup');
    expect(captured).toContain('Candidate import done');
    for (const secret of [BSN, NAME, IMPORTED_BSN, IMPORTED_NAME, 'Zwanenburg', 'Importpersoon']) {
      expect(captured.includes(secret) ? secret : 'absent').toBe('absent');
    }
  });

  it('erases a candidate: no name, BSN or BSN hash left in any table or in Redis; pending jobs removed', async () => {
    // The events worker would consume the jobs at once; paused, they stay pending for erasure to remove.
    await test.app.get(EventsProcessor).worker.pause(true);
    const adviser = await createUser(test, [Role.ADVISER], Organisation.UWV);
    const admin = await createUser(test, [Role.ADMIN], Organisation.UWV);
    const name = 'Gerarda Vergeetmij-Wissen';
    const bsn = '100000071';
    const created = (
      await test.http
        .post('/api/candidates')
        .set(adviser.headers)
        .send(
          makeCandidate({ bsn, name, phone: '06 98765432', email: 'gerarda@example.org', dateOfBirth: '1979-05-04' }),
        )
        .expect(201)
    ).body as { id: string; personId: string };
    await test.http
      .post(`/api/candidates/${created.id}/notes`)
      .set(adviser.headers)
      .send({ text: `Gesprek met ${name}` })
      .expect(201);
    await test.http
      .post(`/api/candidates/${created.id}/consents`)
      .set(adviser.headers)
      .send({ organisation: 'MUNICIPALITY', signedOn: '2026-02-01', documentReference: 'DMS-9' })
      .expect(201);
    const hash = test.app.get(BsnCipher).hash(bsn);

    const exported = await test.http.get(`/api/candidates/${created.id}/export`).set(admin.headers).expect(200);
    expect(exported.body.candidate).toMatchObject({ bsn, name, phone: '06 98765432' });
    expect(exported.body.notes).toHaveLength(1);

    const events = test.app.get<Queue>(getQueueToken(QueueName.Events));
    const pendingFor = async () =>
      (await events.getJobs(['waiting', 'delayed', 'prioritized'])).filter((job) => job.data.candidateId === created.id)
        .length;
    expect(await pendingFor()).toBeGreaterThan(1);

    await test.http.post(`/api/candidates/${created.id}/erase`).set(admin.headers).expect(204);
    // The events of before are gone; the one left tells matching to drop the candidate.
    expect(await pendingFor()).toBe(1);
    await test.app.get(EventsProcessor).worker.resume();
    expect(await test.app.get(CandidatesService).profile(created.id)).toBeNull();

    const dataSource = test.app.get(DataSource);
    const columns = await dataSource.query<Array<{ table: string; column: string; type: string }>>(`
      SELECT table_name AS table, column_name AS column, data_type AS type FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY', 'bytea')`);
    expect(columns.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const { table, column, type } of columns) {
      const asText = type === 'bytea' ? `convert_from("${column}", 'UTF8')` : `"${column}"::text`;
      const [{ count }] = await dataSource.query<[{ count: number }]>(
        `SELECT count(*)::int AS count FROM "${table}" WHERE ${asText} LIKE ANY($1::text[])`,
        [[`%${name}%`, `%${bsn}%`, `%${hash}%`, '%Vergeetmij%']],
      );
      if (count > 0) found.push(`${table}.${column}`);
    }
    expect(found).toEqual([]);

    // What is left to read is that the candidate existed and was erased.
    const read = await test.http.get(`/api/candidates/${created.id}`).set(admin.headers).expect(200);
    expect(read.body).toEqual({ id: created.id, status: 'INACTIVE', erasedAt: expect.any(String) });
    const audit = await dataSource.query<Array<{ action: string }>>(
      `SELECT action FROM audit_log WHERE subject_type = 'candidate' AND subject_id = $1 ORDER BY at`,
      [created.id],
    );
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['create', 'export', 'erase']));

    const redis = new Redis(process.env.REDIS_URL!);
    try {
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, batch] = await redis.scan(cursor, 'MATCH', `${process.env.QUEUE_PREFIX}*`, 'COUNT', 1000);
        cursor = next;
        keys.push(...batch);
      } while (cursor !== '0');
      expect(keys.length).toBeGreaterThan(0);
      let everything = keys.join('\n');
      for (const key of keys) {
        const type = await redis.type(key);
        if (type === 'string') everything += await redis.get(key);
        else if (type === 'hash') everything += JSON.stringify(await redis.hgetall(key));
        else if (type === 'list') everything += JSON.stringify(await redis.lrange(key, 0, -1));
        else if (type === 'set') everything += JSON.stringify(await redis.smembers(key));
        else if (type === 'zset') everything += JSON.stringify(await redis.zrange(key, 0, -1));
        else if (type === 'stream') everything += JSON.stringify(await redis.xrange(key, '-', '+'));
      }
      expect(everything).toContain(created.id);
      for (const secret of [name, bsn, hash, 'Vergeetmij'])
        expect(everything.includes(secret) ? secret : 'absent').toBe('absent');
    } finally {
      redis.disconnect();
    }
  });
});
