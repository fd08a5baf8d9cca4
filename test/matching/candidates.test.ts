import { DataSource } from 'typeorm';
import { Organisation, Role } from '@identity/organisation';
import { CandidatesService } from '@matching/candidates/candidates.service';
import { PlacesService } from '@sales/places/places.service';
import { createUser, TestUser } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';
import { BSNS, GEO_DIR, makeCandidate, WAREHOUSE } from './candidate-factory';

describe('candidates', () => {
  let test: TestApp;
  let uwvAdviser: TestUser;
  let uwvMatcher: TestUser;
  let municipalAdviser: TestUser;
  let municipalMatcher: TestUser;
  let staffingMatcher: TestUser;

  beforeAll(async () => {
    test = await startTestApp();
    await test.app.get(PlacesService).importFrom(GEO_DIR);
    uwvAdviser = await createUser(test, [Role.ADVISER], Organisation.UWV);
    uwvMatcher = await createUser(test, [Role.MATCHER], Organisation.UWV);
    municipalAdviser = await createUser(test, [Role.ADVISER], Organisation.MUNICIPALITY);
    municipalMatcher = await createUser(test, [Role.MATCHER], Organisation.MUNICIPALITY);
    staffingMatcher = await createUser(test, [Role.MATCHER], Organisation.STAFFING_FIRM);
  });
  afterAll(() => test.close());

  const create = async (by: TestUser, overrides: Record<string, unknown> = {}) =>
    (await test.http.post('/api/candidates').set(by.headers).send(makeCandidate(overrides)).expect(201)).body as {
      id: string;
      personId: string;
      version: number;
      sourceReference: string;
      name: string;
    };

  it('refuses a BSN that fails the elfproef with 422 naming the field bsn, and stores nothing', async () => {
    const body = makeCandidate({ bsn: '123456789' });
    const response = await test.http.post('/api/candidates').set(uwvAdviser.headers).send(body).expect(422);
    expect(response.body.errors).toEqual({ bsn: 'must be a BSN of 9 digits that passes the elfproef' });
    expect(JSON.stringify(response.body)).not.toContain('123456789');
    const [{ count }] = await test.app
      .get(DataSource)
      .query<[{ count: number }]>('SELECT count(*)::int AS count FROM candidates WHERE source_reference = $1', [
        body.sourceReference,
      ]);
    expect(count).toBe(0);
  });

  it('refuses hours with min above max, and a classification for a WW candidate', async () => {
    const hours = await test.http
      .post('/api/candidates')
      .set(uwvAdviser.headers)
      .send(makeCandidate({ hoursMin: 30, hoursMax: 20 }))
      .expect(422);
    expect(hours.body.errors).toEqual({ hoursMax: 'must be at least hoursMin' });
    const classification = await test.http
      .post('/api/candidates')
      .set(uwvAdviser.headers)
      .send(makeCandidate({ classification: '80-100' }))
      .expect(422);
    expect(Object.keys(classification.body.errors)).toEqual(['classification']);
  });

  it('shows the BSN only masked, resolves the postcode and lets only the owning organisation create', async () => {
    const created = await create(uwvAdviser, { bsn: '1234 56 782', postcode: '3311ab' });
    const read = await test.http.get(`/api/candidates/${created.id}`).set(uwvMatcher.headers).expect(200);
    expect(read.body).toMatchObject({
      bsn: '*****6782',
      postcode: '3311 AB',
      pc4: '3311',
      municipality: 'Dordrecht',
      pool: 'WW',
      jobready: 'TO_ASSESS',
      status: 'ACTIVE',
      targetGroup: 'WW',
    });
    expect(JSON.stringify(read.body)).not.toContain('123456782');

    // A municipal adviser may not put a candidate in the WW pool, which UWV owns.
    await test.http.post('/api/candidates').set(municipalAdviser.headers).send(makeCandidate()).expect(403);
  });

  it('hides a WW candidate from the municipality until consent is signed, and again at once on withdrawal', async () => {
    const bsn = BSNS[2];
    const candidate = await create(uwvAdviser, { bsn, name: 'Zichtbaar Pas Na Toestemming' });
    const canSee = async (user: TestUser): Promise<boolean[]> => {
      const read = await test.http.get(`/api/candidates/${candidate.id}`).set(user.headers);
      const list = await test.http.get('/api/candidates?pool=WW&limit=200').set(user.headers).expect(200);
      const search = await test.http
        .get(`/api/candidates?q=${encodeURIComponent('Pas Na Toestemming')}`)
        .set(user.headers)
        .expect(200);
      const lookup = await test.http.post('/api/candidates/lookup').set(user.headers).send({ bsn }).expect(200);
      const ids = (body: { items: Array<{ id: string }> }) => body.items.map((item) => item.id);
      expect([200, 404]).toContain(read.status);
      return [
        read.status === 200,
        ids(list.body).includes(candidate.id),
        ids(search.body).includes(candidate.id),
        ids(lookup.body).includes(candidate.id),
      ];
    };

    expect(await canSee(municipalMatcher)).toEqual([false, false, false, false]);
    // The staffing firm sees a WW client only under a confidentiality statement or a consent naming it
    // (every way of seeing, statement by statement: test/authorization/matrix.test.ts).
    expect(await canSee(staffingMatcher)).toEqual([false, false, false, false]);
    expect(await canSee(uwvMatcher)).toEqual([true, true, true, true]);

    // Only an adviser of the owning organisation records consent.
    await test.http
      .post(`/api/candidates/${candidate.id}/consents`)
      .set(municipalAdviser.headers)
      .send({ organisation: 'MUNICIPALITY', signedOn: '2026-01-05', documentReference: 'DMS-1' })
      .expect(404);
    const consent = await test.http
      .post(`/api/candidates/${candidate.id}/consents`)
      .set(uwvAdviser.headers)
      .send({ organisation: 'MUNICIPALITY', signedOn: '2026-01-05', documentReference: 'DMS-1' })
      .expect(201);
    expect(consent.body).toMatchObject({ organisation: 'MUNICIPALITY', purpose: 'MEDIATION', active: true });
    expect(await canSee(municipalMatcher)).toEqual([true, true, true, true]);
    // Seeing is not editing: the municipality's adviser still may not change a WW candidate.
    await test.http
      .patch(`/api/candidates/${candidate.id}`)
      .set(municipalAdviser.headers)
      .send({ version: candidate.version, hoursMax: 40 })
      .expect(403);

    await test.http
      .post(`/api/candidates/${candidate.id}/consents/${consent.body.id}/withdraw`)
      .set(uwvAdviser.headers)
      .expect(200);
    expect(await canSee(municipalMatcher)).toEqual([false, false, false, false]);
    const consents = await test.http
      .get(`/api/candidates/${candidate.id}/consents`)
      .set(uwvAdviser.headers)
      .expect(200);
    expect(consents.body).toEqual([expect.objectContaining({ id: consent.body.id, active: false })]);
  });

  it('links the same BSN in both pools to one person', async () => {
    const bsn = BSNS[3];
    const ww = await create(uwvAdviser, { bsn });
    const bijstand = await create(municipalAdviser, { pool: 'BIJSTAND', bsn });
    const other = await create(uwvAdviser, { bsn: BSNS[4] });
    expect(bijstand.personId).toBe(ww.personId);
    expect(other.personId).not.toBe(ww.personId);
    const profile = await test.app.get(CandidatesService).profile(bijstand.id);
    expect(profile?.personId).toBe(ww.personId);
  });

  it('answers 409 STALE_VERSION for an edit on an old version and changes nothing, its audit trail neither', async () => {
    const candidate = await create(uwvAdviser, { hoursMax: 32 });
    // The update and its audit row are one statement: one row for the edit, none for the refused one.
    const updatesOnRecord = async () =>
      test.app.get(DataSource).query<Array<{ actor: string; purpose: string }>>(
        `SELECT actor_id AS actor, purpose FROM audit_log
            WHERE action = 'update' AND subject_type = 'candidate' AND subject_id = $1`,
        [candidate.id],
      );
    const first = await test.http
      .patch(`/api/candidates/${candidate.id}`)
      .set(uwvAdviser.headers)
      .send({ version: candidate.version, hoursMax: 38 })
      .expect(200);
    expect(first.body).toMatchObject({ hoursMax: 38, version: candidate.version + 1 });
    const stale = await test.http
      .patch(`/api/candidates/${candidate.id}`)
      .set(uwvAdviser.headers)
      .send({ version: candidate.version, hoursMax: 30, name: 'Overschreven' })
      .expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const read = await test.http.get(`/api/candidates/${candidate.id}`).set(uwvAdviser.headers).expect(200);
    expect(read.body).toMatchObject({ hoursMax: 38, name: candidate.name, version: candidate.version + 1 });
    expect(await updatesOnRecord()).toEqual([{ actor: uwvAdviser.id, purpose: 'candidate profile' }]);
  });

  it('keeps notes newest first, and the newest note is the profile’s lastContactAt', async () => {
    const candidate = await create(uwvAdviser);
    expect((await test.app.get(CandidatesService).profile(candidate.id))?.lastContactAt).toBeNull();
    await test.http
      .post(`/api/candidates/${candidate.id}/notes`)
      .set(uwvAdviser.headers)
      .send({ text: 'Eerste gesprek' })
      .expect(201);
    const newest = await test.http
      .post(`/api/candidates/${candidate.id}/notes`)
      .set(uwvAdviser.headers)
      .send({ text: 'Heftruckcertificaat behaald' })
      .expect(201);
    const read = await test.http.get(`/api/candidates/${candidate.id}`).set(uwvMatcher.headers).expect(200);
    expect(read.body.notes.map((note: { text: string }) => note.text)).toEqual([
      'Heftruckcertificaat behaald',
      'Eerste gesprek',
    ]);
    expect(read.body.notes[0].authorId).toBe(uwvAdviser.id);
    const profile = await test.app.get(CandidatesService).profile(candidate.id);
    expect(profile?.lastContactAt).toBe(newest.body.notedAt);
  });

  it('records a jobready assessment with date, assessor and checklist, and maps the profile', async () => {
    const candidate = await create(uwvAdviser, { drivingLicences: ['B'], certificates: [] });
    const checklist = {
      ownTransport: true,
      childcareArranged: true,
      hoursAvailable: true,
      certificatesValid: true,
      motivated: true,
    };
    const assessed = await test.http
      .put(`/api/candidates/${candidate.id}/jobready`)
      .set(uwvAdviser.headers)
      .send({ jobready: 'YES', checklist, version: candidate.version })
      .expect(200);
    expect(assessed.body).toMatchObject({
      jobready: 'YES',
      jobreadyAssessment: { assessedBy: uwvAdviser.id, assessedByName: 'Test ADVISER', checklist },
    });
    const profile = await test.app.get(CandidatesService).profile(candidate.id);
    expect(profile).toEqual({
      id: candidate.id,
      personId: candidate.personId,
      pool: 'WW',
      consentOrganisations: [],
      status: 'ACTIVE',
      jobready: 'YES',
      classification: null,
      wwEndDate: '2027-06-30',
      pc4: '3311',
      maxTravelKm: null,
      transport: ['BIKE'],
      hoursMin: 24,
      hoursMax: 36,
      availableFrom: '2026-12-01',
      drivingLicences: ['B'],
      certificates: [],
      dutchLevel: null,
      educationLevel: null,
      workExperience: [{ occupationUri: WAREHOUSE, years: 3 }],
      skillUris: [],
      wishedOccupationUris: [],
      acceptsBroodbaan: true,
      lastContactAt: null,
    });
    expect(JSON.stringify(profile)).not.toContain(candidate.name);
  });

  it('lists Max-WW candidates soonest first and streams every live profile', async () => {
    const today = new Date();
    const inDays = (days: number) => new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
    const later = await create(uwvAdviser, { wwEndDate: inDays(60) });
    const sooner = await create(uwvAdviser, { wwEndDate: inDays(20) });
    const notMax = await create(uwvAdviser, { wwEndDate: inDays(200) });
    const list = await test.http.get('/api/candidates/max-ww?limit=200').set(uwvMatcher.headers).expect(200);
    const ids = list.body.items.map((item: { id: string }) => item.id);
    expect(ids.indexOf(sooner.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(later.id));
    expect(ids).not.toContain(notMax.id);
    expect(list.body.items.find((item: { id: string }) => item.id === sooner.id)).toMatchObject({
      maxWw: true,
      targetGroup: 'MAX WW',
    });
    const filtered = await test.http.get('/api/candidates?maxWw=true&limit=200').set(uwvMatcher.headers).expect(200);
    expect(filtered.body.items.map((item: { id: string }) => item.id)).toEqual(
      expect.arrayContaining([sooner.id, later.id]),
    );
    expect(filtered.body.items.map((item: { id: string }) => item.id)).not.toContain(notMax.id);

    const streamed: string[] = [];
    for await (const batch of test.app.get(CandidatesService).profiles(2)) {
      expect(batch.length).toBeLessThanOrEqual(2);
      streamed.push(...batch.map((profile) => profile.id));
    }
    expect(streamed).toEqual(expect.arrayContaining([later.id, sooner.id, notMax.id]));
    expect(new Set(streamed).size).toBe(streamed.length);
  });

  it('filters by occupation, skill-free region and adviser, and audits every candidate it lists', async () => {
    const adviserCandidate = await create(uwvAdviser, { adviserId: uwvAdviser.id, postcode: '3351 AA' });
    const byAdviser = await test.http
      .get(`/api/candidates?adviserId=${uwvAdviser.id}&region=AM23&occupation=${encodeURIComponent(WAREHOUSE)}`)
      .set(uwvMatcher.headers)
      .expect(200);
    expect(byAdviser.body.items.map((item: { id: string }) => item.id)).toEqual([adviserCandidate.id]);
    const elsewhere = await test.http.get('/api/candidates?region=AM18').set(uwvMatcher.headers).expect(200);
    expect(elsewhere.body.total).toBe(0);
    const [{ count }] = await test.app
      .get(DataSource)
      .query<[{ count: number }]>(
        `SELECT count(*)::int AS count FROM audit_log WHERE subject_type = 'candidate' AND subject_id = $1 AND actor_id = $2`,
        [adviserCandidate.id, uwvMatcher.id],
      );
    expect(count).toBe(1);
  });

  it('keeps realistic search behaviour on the checklist, and refuses a checklist item that is not true or false', async () => {
    const candidate = await create(uwvAdviser);
    const checklist = {
      ownTransport: true,
      childcareArranged: true,
      hoursAvailable: true,
      certificatesValid: false,
      motivated: true,
      realisticSearch: false,
    };
    const refused = await test.http
      .put(`/api/candidates/${candidate.id}/jobready`)
      .set(uwvAdviser.headers)
      .send({ jobready: 'NO', checklist: { ...checklist, realisticSearch: 'ja' }, version: candidate.version })
      .expect(422);
    expect(JSON.stringify(refused.body)).toContain('realisticSearch');
    const unchanged = await test.http.get(`/api/candidates/${candidate.id}`).set(uwvAdviser.headers).expect(200);
    expect(unchanged.body).toMatchObject({ jobready: 'TO_ASSESS', version: candidate.version });

    const assessed = await test.http
      .put(`/api/candidates/${candidate.id}/jobready`)
      .set(uwvAdviser.headers)
      .send({ jobready: 'NO', checklist, version: candidate.version })
      .expect(200);
    expect(assessed.body.jobreadyAssessment.checklist).toEqual(checklist);
  });

  it('filters by target group as the placement would count today', async () => {
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const maxWw = await create(uwvAdviser, { wwEndDate: inDays(30) });
    const ww = await create(uwvAdviser, { wwEndDate: inDays(300) });
    const wajong = await create(uwvAdviser, { wwEndDate: inDays(30), wajong: true });
    const sdd = await create(municipalAdviser, { pool: 'BIJSTAND', wwEndDate: null, classification: '80-100' });
    const ids = async (group: string) =>
      (
        await test.http
          .get(`/api/candidates?limit=200&targetGroup=${encodeURIComponent(group)}`)
          .set(uwvAdviser.headers)
          .expect(200)
      ).body.items.map((item: { id: string }) => item.id) as string[];
    const maxWwIds = await ids('MAX WW');
    expect(maxWwIds).toContain(maxWw.id);
    expect(maxWwIds).not.toContain(ww.id);
    expect(maxWwIds).not.toContain(wajong.id);
    const wwIds = await ids('WW');
    expect(wwIds).toContain(ww.id);
    expect(wwIds).not.toContain(maxWw.id);
    expect(await ids('WAJONG')).toContain(wajong.id);
    const sddIds = (
      await test.http
        .get('/api/candidates?limit=200&targetGroup=SDD%2080-100')
        .set(municipalAdviser.headers)
        .expect(200)
    ).body.items.map((item: { id: string }) => item.id);
    expect(sddIds).toContain(sdd.id);
    expect(sddIds).not.toContain(maxWw.id);
    await test.http.get('/api/candidates?targetGroup=BIJSTAND').set(uwvAdviser.headers).expect(422);
  });
});
