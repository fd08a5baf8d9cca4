import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { Role } from '@identity/organisation';
import { signIn } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';
import { until } from '@test/support/until';

jest.setTimeout(240_000);

// The demo's employers and candidates live in real postcode areas: the places beside the repository
// (../shared/data/geo), as the set-up page imports them.
const GEO = resolve(__dirname, '../../../shared/data/geo');
const ESCO = resolve(__dirname, '../fixtures/esco/valid');

/**
 * The embedded database (npm start without DATABASE_URL) is one connection. A read through the data source
 * inside a transaction then waits for a second connection that never comes: the request hangs. This runs
 * the set-up page's whole path, reference data and the demo data, on a pool of one.
 */
describe('the set-up on one database connection, as on the embedded database', () => {
  let test: TestApp;
  let admin: Record<string, string>;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'one-connection-'));
    test = await startTestApp({ DATA_DIR: dataDir, DATABASE_POOL_SIZE: '1' });
    admin = await signIn(test, [Role.ADMIN]);
  });
  afterAll(async () => {
    await test.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const finished = async (path: string) => {
    let body: { status: string; summary?: string[]; error: unknown } | undefined;
    await until(
      async () => {
        body = (await test.http.get(path).set(admin).timeout(30_000)).body;
        return ['done', 'succeeded', 'failed'].includes(body?.status ?? '');
      },
      120_000,
      `job ${path} did not finish`,
    );
    return body!;
  };

  it('imports ESCO and the places, then loads the demo data, without waiting for a second connection', async () => {
    const esco = await test.http.post('/api/taxonomy/imports').set(admin).send({ folder: ESCO }).timeout(30_000);
    expect(esco.status).toBe(202);
    expect(await finished(`/api/taxonomy/imports/${esco.body.id}`)).toMatchObject({ status: 'succeeded' });
    const places = await test.http.post('/api/places/imports').set(admin).send({ folder: GEO }).timeout(30_000);
    expect(places.status).toBe(202);
    expect(await finished(`/api/places/imports/${places.body.id}`)).toMatchObject({ status: 'done', error: null });

    // Before the fix this request never answered (the statements' transaction read the users outside it).
    const demo = await test.http
      .post('/api/demo-data')
      .set(admin)
      .send({ password: 'demo-password-2026' })
      .timeout(60_000);
    expect(demo.status).toBe(202);
    const status = await finished(`/api/demo-data/${demo.body.id}`);
    expect(status).toMatchObject({ status: 'done', error: null });
    expect(status.summary).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Demo candidates: \d+ in both pools/)]),
    );
    await test.http
      .post('/api/auth/login')
      .send({ email: 'matcher.staffing-firm@example.org', password: 'demo-password-2026' })
      .expect(200);
  });
});
