import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Role } from '@identity/organisation';
import { signIn } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';
import { ESCO_FOLDER, FIXTURES, IMPORT_TIMEOUT_MS, runImport as runImportOverApi } from './esco-data';

describe('ESCO import over the API', () => {
  let test: TestApp;
  let admin: Record<string, string>;
  beforeAll(async () => {
    test = await startTestApp();
    admin = await signIn(test, [Role.ADMIN]);
  });
  afterAll(() => test.close());

  const rowCounts = async () => {
    const [row] = await test.app.get(DataSource).query(
      `SELECT (SELECT count(*) FROM occupations)::int AS occupations, (SELECT count(*) FROM skills)::int AS skills,
              (SELECT count(*) FROM occupation_skills)::int AS relations, (SELECT count(*) FROM isco_groups)::int AS "iscoGroups"`,
    );
    return row;
  };

  const runImport = (folder: string) => runImportOverApi(test, admin, folder);

  it(
    'imports the full release in a background job, then a second import of it changes nothing',
    async () => {
      const first = await runImport(ESCO_FOLDER);
      expect(first).toMatchObject({ status: 'succeeded', progress: 100, releaseVersion: '1.1.1', error: null });
      expect(first.counts.occupations.total).toBe(3007);
      // Progress only moves forward while the job runs.
      expect(first.progressSeen).toEqual([...first.progressSeen].sort((a, b) => a - b));
      expect(first.counts.skills.total).toBe(13896);
      expect(first.counts.iscoGroups.total).toBe(619);
      // 123,855 relations in the file; 67 name occupations that are not in this release.
      expect(first.counts.relations.total).toBe(123788);
      expect(await rowCounts()).toEqual({ occupations: 3007, skills: 13896, relations: 123788, iscoGroups: 619 });

      const second = await runImport(ESCO_FOLDER);
      expect(second).toMatchObject({ status: 'succeeded', changed: false, releaseVersion: '1.1.1' });
      for (const table of Object.values<Record<string, number>>(second.counts))
        expect([table.inserted, table.updated, table.deleted]).toEqual([0, 0, 0]);

      // The search index was rebuilt from the imported data.
      const search = await test.http
        .get('/api/occupations/search')
        .query({ q: 'heftruckchauffeur' })
        .set(admin)
        .expect(200);
      expect(search.body[0]).toMatchObject({ code: '8344.1', label: 'heftruckchauffeur', score: 1 });
    },
    2 * IMPORT_TIMEOUT_MS,
  );

  it(
    'refuses a malformed release with the file, line and reason, and keeps the previous data',
    async () => {
      const before = await rowCounts();
      const result = await runImport(join(FIXTURES, 'malformed-occupation'));
      expect(result.status).toBe('failed');
      expect(result.error).toEqual({
        file: 'occupations_nl.csv',
        line: 5,
        reason: 'iscoGroup "83X4" is not a 4-digit ISCO-08 group',
      });
      expect(await rowCounts()).toEqual(before);
      expect(before.occupations).toBe(3007);
    },
    IMPORT_TIMEOUT_MS,
  );

  it(
    'applies a changed release as a diff in one go: removed occupations and their relations go',
    async () => {
      // The small valid fixture replaces the full release: everything else is deleted.
      const result = await runImport(join(FIXTURES, 'valid'));
      expect(result.status).toBe('succeeded');
      expect(result.changed).toBe(true);
      expect(result.counts.occupations).toEqual({ inserted: 2, updated: 0, deleted: 3007, total: 2 });
      expect(await rowCounts()).toEqual({ occupations: 2, skills: 2, relations: 3, iscoGroups: 4 });
    },
    IMPORT_TIMEOUT_MS,
  );

  it('answers 422 for a folder that does not exist and 404 for an unknown import', async () => {
    const missing = await test.http
      .post('/api/taxonomy/imports')
      .set(admin)
      .send({ folder: '/no/such/folder' })
      .expect(422);
    expect(missing.body).toMatchObject({
      code: 'ESCO_FOLDER_NOT_FOUND',
      errors: { folder: 'is not a folder on the server' },
    });
    const empty = await test.http.post('/api/taxonomy/imports').set(admin).send({}).expect(422);
    expect(Object.keys(empty.body.errors)).toEqual(['folder']);
    await test.http.get('/api/taxonomy/imports/00000000-0000-4000-8000-000000000000').set(admin).expect(404);
    const badId = await test.http.get('/api/taxonomy/imports/not-a-uuid').set(admin).expect(422);
    expect(badId.body.errors).toEqual({ id: 'must be a UUID' });
  });

  it('documents the taxonomy endpoints', async () => {
    const docs = await test.http.get('/docs-json').expect(200);
    for (const path of [
      '/api/taxonomy/imports',
      '/api/taxonomy/imports/{id}',
      '/api/occupations/search',
      '/api/occupations/{id}',
      '/api/skills/search',
    ])
      expect(docs.body.paths[path]).toBeDefined();
    expect(docs.body.components.schemas.OccupationMatchDto.properties).toHaveProperty('matchedLabel');
  });
});

describe('ESCO import with WORKERS_ENABLED=false', () => {
  it('queues the import and runs no worker in this process', async () => {
    const api = await startTestApp({ WORKERS_ENABLED: 'false' });
    try {
      const admin = await signIn(api, [Role.ADMIN]);
      const started = await api.http
        .post('/api/taxonomy/imports')
        .set(admin)
        .send({ folder: join(FIXTURES, 'valid') })
        .expect(202);
      await new Promise((wait) => setTimeout(wait, 1000));
      const queued = await api.http.get(`/api/taxonomy/imports/${started.body.id}`).set(admin).expect(200);
      expect(queued.body).toMatchObject({ status: 'queued', progress: 0 });
    } finally {
      await api.close();
    }
  });

  // Two instances at once need a real server: the embedded PGlite serves one connection at a time.
  const onServer = process.env.TEST_EMBEDDED_DATABASE ? it.skip : it;
  onServer('an API-only instance refreshes its search when a worker elsewhere finishes an import', async () => {
    const api = await startTestApp({ WORKERS_ENABLED: 'false' });
    try {
      const admin = await signIn(api, [Role.ADMIN]);
      const search = () =>
        api.http.get('/api/occupations/search').query({ q: 'zijladerchauffeur' }).set(admin).expect(200);
      expect((await search()).body[0]?.matchedLabel).not.toBe('zijladerchauffeur');
      await api.http
        .post('/api/taxonomy/imports')
        .set(admin)
        .send({ folder: join(FIXTURES, 'valid-changed') })
        .expect(202);

      // A worker instance (same database and queue prefix) picks up the queued jobs.
      const worker = await startTestApp({ WORKERS_ENABLED: 'true' });
      try {
        let hits: Array<{ code: string; matchedLabel: string }> = [];
        for (let attempt = 0; attempt < 150 && hits[0]?.matchedLabel !== 'zijladerchauffeur'; attempt++) {
          await new Promise((wait) => setTimeout(wait, 200));
          hits = (await search()).body;
        }
        expect(hits[0]).toMatchObject({ code: '8344.1.1', matchedLabel: 'zijladerchauffeur' });
      } finally {
        await worker.close();
      }
    } finally {
      await api.close();
    }
  });
});
