import { DataSource } from 'typeorm';
import { Organisation, Role } from '@identity/organisation';
import { CandidatesService } from '@matching/candidates/candidates.service';
import { CandidateProfile } from '@matching/profiles';
import { createUser } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';
import { importPlaces } from '../sales/sales-factories';
import { BSNS, makeCandidate } from './candidate-factory';

/**
 * The index build reads every candidate through its own query (COPY in page ranges on several
 * connections, parsed from text; one cursor on the embedded PGlite), arrays sent as joined text,
 * consents and notes joined as aggregates; a change re-reads candidates by id through another. Both
 * must give the same profile, or an index built at start would differ from one kept current.
 */
describe('the index build reads the profiles a change reads', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp({ WORKERS_ENABLED: 'false' });
    await importPlaces(test);
  });
  afterAll(() => test.close());

  it('gives every live candidate with the same consents, last note, arrays and dates as the read by id', async () => {
    const adviser = await createUser(test, [Role.ADVISER], Organisation.UWV);
    const create = async (overrides: Record<string, unknown>) =>
      (await test.http.post('/api/candidates').set(adviser.headers).send(makeCandidate(overrides)).expect(201))
        .body as {
        id: string;
      };
    const plain = await create({ bsn: BSNS[0] });
    const consented = await create({ bsn: BSNS[1], drivingLicences: ['B', 'BE'], transport: ['BIKE', 'CAR'] });
    const noted = await create({ bsn: BSNS[2] });
    await test.http
      .post(`/api/candidates/${consented.id}/consents`)
      .set(adviser.headers)
      .send({ organisation: 'MUNICIPALITY', signedOn: '2026-01-05', documentReference: 'DMS-1' })
      .expect(201);
    await test.http
      .post(`/api/candidates/${consented.id}/consents`)
      .set(adviser.headers)
      .send({ organisation: 'STAFFING_FIRM', signedOn: '2026-01-06', documentReference: 'DMS-2' })
      .expect(201);
    for (const text of ['Eerste gesprek', 'Tweede gesprek'])
      await test.http.post(`/api/candidates/${noted.id}/notes`).set(adviser.headers).send({ text }).expect(201);

    // Enough copies (SQL, as the benches grow their pools) that the table spans several pages, so
    // every page range holds candidates; one is erased and must be left out; one has a backslash and
    // a tab in its work experience's JSON (COPY escapes both) and no travel limit.
    const db = test.app.get(DataSource);
    const columns = (
      await db.query<Array<{ name: string }>>(
        `SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'candidates' ORDER BY ordinal_position`,
      )
    ).map((row) => row.name);
    const varied: Record<string, string> = {
      id: 'gen_random_uuid()',
      person_id: 'p.id',
      source_reference: `'COPY-' || p.n`,
      hours_max: '(36 + p.n % 5)::smallint',
      max_travel_km: `CASE WHEN p.n = 9 THEN NULL ELSE 25 END`,
      work_experience: `CASE WHEN p.n = 9 THEN jsonb_build_array(jsonb_build_object('occupationUri', E'urn:test:a\\\\b', 'years', 2)) ELSE t.work_experience END`,
      skill_uris: `CASE WHEN p.n = 9 THEN ARRAY[E'urn:test:tab\\there', 'urn:test:plain'] ELSE t.skill_uris END`,
    };
    await db.query(
      `WITH people AS (
         INSERT INTO persons (bsn_hash) SELECT encode(sha256(convert_to('copy-' || n, 'UTF8')), 'hex') FROM generate_series(1, 80) n RETURNING id
       ), numbered AS (SELECT id, row_number() OVER () AS n FROM people)
       INSERT INTO candidates (${columns.join(', ')})
       SELECT ${columns.map((column) => varied[column] ?? `t.${column}`).join(', ')} FROM numbered p, candidates t WHERE t.id = $1`,
      [consented.id],
    );
    // Erased as CandidatesRepository.erase does (the personal fields go with it).
    await db.query(
      `UPDATE candidates SET bsn_ciphertext = NULL, name = NULL, phone = NULL, email = NULL, date_of_birth = NULL,
         postcode = NULL, status = 'INACTIVE', erased_at = now() WHERE source_reference = 'COPY-7'`,
    );
    const [{ pages }] = await db.query<Array<{ pages: number }>>(
      `SELECT (pg_relation_size('candidates') / current_setting('block_size')::int)::int AS pages`,
    );
    expect(pages).toBeGreaterThan(3);

    const candidates = test.app.get(CandidatesService);
    const built: CandidateProfile[] = [];
    // Batches of two: each part's stream, or the cursor, is handed on in several batches.
    for await (const batch of candidates.profiles(2)) built.push(...batch);
    const live = (await db.query<Array<{ id: string }>>(`SELECT id FROM candidates WHERE erased_at IS NULL`)).map(
      (row) => row.id,
    );
    const byId = (profiles: CandidateProfile[]) => [...profiles].sort((a, b) => a.id.localeCompare(b.id));
    const read = await candidates.profilesOf(live);

    expect(live).toEqual(expect.arrayContaining([plain.id, consented.id, noted.id]));
    expect(live).toHaveLength(3 + 79);
    expect(byId(built)).toEqual(byId(read));
    expect(built.filter((profile) => profile.maxTravelKm === 25)).toHaveLength(78);
    const escaped = built.find((profile) => profile.maxTravelKm === null && profile.skillUris.length === 2)!;
    expect(escaped.workExperience).toEqual([{ occupationUri: 'urn:test:a\\b', years: 2 }]);
    expect(escaped.skillUris).toEqual(['urn:test:tab\there', 'urn:test:plain']);
    const consentedProfile = built.find((profile) => profile.id === consented.id)!;
    expect(consentedProfile.consentOrganisations).toEqual(['MUNICIPALITY', 'STAFFING_FIRM']);
    expect(consentedProfile.drivingLicences).toEqual(['B', 'BE']);
    expect(built.find((profile) => profile.id === plain.id)!.drivingLicences).toEqual([]);
    expect(built.find((profile) => profile.id === noted.id)!.lastContactAt).not.toBeNull();
  });
});
