import { Organisation, Role } from '@identity/organisation';
import { CandidatesService } from '@matching/candidates/candidates.service';
import { CandidateProfile } from '@matching/profiles';
import { createUser } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';
import { importPlaces } from '../sales/sales-factories';
import { BSNS, makeCandidate } from './candidate-factory';

/**
 * The index build reads every candidate through its own query (one cursor, arrays sent as joined
 * text, consents and notes joined as aggregates); a change re-reads candidates by id through another.
 * Both must give the same profile, or an index built at start would differ from one kept current.
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

    const candidates = test.app.get(CandidatesService);
    const built: CandidateProfile[] = [];
    // Batches of two: the cursor is read in several fetches.
    for await (const batch of candidates.profiles(2)) built.push(...batch);
    const ids = [plain.id, consented.id, noted.id];
    const byId = (profiles: CandidateProfile[]) => [...profiles].sort((a, b) => a.id.localeCompare(b.id));
    const read = await candidates.profilesOf(ids);

    expect(byId(built.filter((profile) => ids.includes(profile.id)))).toEqual(byId(read));
    const consentedProfile = built.find((profile) => profile.id === consented.id)!;
    expect(consentedProfile.consentOrganisations).toEqual(['MUNICIPALITY', 'STAFFING_FIRM']);
    expect(consentedProfile.drivingLicences).toEqual(['B', 'BE']);
    expect(built.find((profile) => profile.id === plain.id)!.drivingLicences).toEqual([]);
    expect(built.find((profile) => profile.id === noted.id)!.lastContactAt).not.toBeNull();
  });
});
