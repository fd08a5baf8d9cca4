import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { Organisation, Role } from '@identity/organisation';
import { MatchingIndexService } from '@matching/engine/matching-index.service';
import { PlacesService } from '@sales/places/places.service';
import { signIn } from '@test/support/auth';
import { GEO_FOLDER } from '@test/support/reference-data';
import { startTestApp, TestApp } from '@test/support/test-app';
import { until } from '@test/support/until';

// The compiled commands, run as `npm run esco:import` / `npm run places:import` run them, in a process
// of their own beside the running service (`npm test` builds them first).
const DIST = resolve(__dirname, '..', '..', 'dist', 'src');
const ESCO_CLI = join(DIST, 'taxonomy', 'esco-import', 'esco-import.cli.js');
const PLACES_CLI = join(DIST, 'sales', 'places', 'places-import.cli.js');
const FIXTURES = resolve(__dirname, '..', 'fixtures');

function runCommand(cli: string, folder: string, environment: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [cli, folder], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...environment },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`${cli} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

async function searchLabels(test: TestApp, headers: Record<string, string>, q: string): Promise<string[]> {
  const response = await test.http.get('/api/occupations/search').query({ q }).set(headers).expect(200);
  return (response.body as Array<{ matchedLabel: string }>).map((hit) => hit.matchedLabel);
}

async function placesInDatabase(test: TestApp): Promise<number> {
  const [{ count }] = await test.app
    .get(DataSource)
    .query<[{ count: number }]>('SELECT count(*)::int AS count FROM places');
  return count;
}

// Two processes on one database need a PostgreSQL server: on the embedded default a second process is
// refused outright (one process owns DATA_DIR), so there is nothing to keep in step.
const withServer = process.env.TEST_ADMIN_DATABASE_URL ? describe : describe.skip;

withServer('reference data changed by another process', () => {
  jest.setTimeout(300_000);

  describe('announced over Redis', () => {
    let test: TestApp;
    let headers: Record<string, string>;
    beforeAll(async () => {
      // No periodic check during this test: only the announcement can bring the change in.
      test = await startTestApp({ REFERENCE_DATA_CHECK_SECONDS: '3600' });
      headers = await signIn(test, [Role.MATCHER], Organisation.UWV);
    });
    afterAll(() => test.close());

    it('reaches the occupation search within seconds of a command-line ESCO import', async () => {
      expect(await searchLabels(test, headers, 'heftruckchauffeur')).toEqual([]);
      runCommand(ESCO_CLI, join(FIXTURES, 'esco', 'valid'));
      await until(
        async () => (await searchLabels(test, headers, 'heftruckchauffeur')).includes('heftruckchauffeur'),
        15_000,
        'the search found the imported occupation',
      );
    });

    it('reaches the postcode areas and the matching index after a command-line places import', async () => {
      const places = test.app.get(PlacesService);
      const index = test.app.get(MatchingIndexService);
      expect(places.areas()).toHaveLength(0);
      runCommand(PLACES_CLI, join(FIXTURES, 'geo', 'valid'));
      await until(
        () => Promise.resolve(places.areas().length === 3),
        15_000,
        'the service loaded the 3 imported areas',
      );
      expect((await index.matchingKnowledge()).places.size).toBe(3);

      // The real areas replace them: the ranking's distances use them without a restart.
      runCommand(PLACES_CLI, GEO_FOLDER);
      const expected = await placesInDatabase(test);
      expect(expected).toBeGreaterThan(3000);
      await until(
        () => Promise.resolve(places.areas().length === expected),
        15_000,
        'the service loaded the real areas',
      );
      expect((await index.matchingKnowledge()).places.size).toBe(expected);
      expect(places.place('3311')?.municipality).toBe('Dordrecht');
    });

    it('reaches the matching index when another instance edits the certificate list', async () => {
      const other = await startTestApp({ REFERENCE_DATA_CHECK_SECONDS: '3600' });
      try {
        const admin = await signIn(other, [Role.ADMIN]);
        const [certificate] = (await other.http.get('/api/certificates').set(admin).expect(200)).body as Array<{
          id: string;
          code: string;
        }>;
        await other.http
          .patch(`/api/certificates/${certificate.id}`)
          .set(admin)
          .send({ name: 'Hernoemd certificaat' })
          .expect(200);
        const index = test.app.get(MatchingIndexService);
        await until(
          async () =>
            (await index.matchingKnowledge()).certificateNames.get(certificate.code) === 'Hernoemd certificaat',
          15_000,
          'the first instance uses the new certificate name',
        );
      } finally {
        await other.close();
      }
    });
  });

  describe('when the announcement is missed', () => {
    it('is picked up by the periodic version check', async () => {
      const test = await startTestApp({ REFERENCE_DATA_CHECK_SECONDS: '1' });
      try {
        const headers = await signIn(test, [Role.MATCHER], Organisation.UWV);
        runCommand(ESCO_CLI, join(FIXTURES, 'esco', 'valid'));
        await until(
          async () => (await searchLabels(test, headers, 'heftruckchauffeur')).includes('heftruckchauffeur'),
          15_000,
          'the first release is searchable',
        );
        // Announced under another queue prefix: this instance never hears of it.
        runCommand(ESCO_CLI, join(FIXTURES, 'esco', 'valid-changed'), {
          QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-elsewhere`,
        });
        await until(
          async () => (await searchLabels(test, headers, 'zijladerchauffeur')).includes('zijladerchauffeur'),
          15_000,
          'the changed release is searchable',
        );
      } finally {
        await test.close();
      }
    });
  });
});
