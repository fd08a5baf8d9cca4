import { DataSource } from 'typeorm';
import { Organisation, Role } from '@identity/organisation';
import { createUser, TestUser } from '@test/support/auth';
import { recordStatement } from '@test/support/confidentiality';
import { startTestApp, TestApp } from '@test/support/test-app';
import { employerInput, importPlaces, vacancyInput } from '../sales/sales-factories';
import { BSNS, makeCandidate, WAREHOUSE } from './candidate-factory';

const CHECKLIST = {
  ownTransport: true,
  childcareArranged: true,
  hoursAvailable: true,
  certificatesValid: true,
  motivated: true,
};

describe('ranked matches over HTTP', () => {
  let test: TestApp;
  let uwvAdviser: TestUser;
  let municipalityAdviser: TestUser;
  let uwvMatcher: TestUser;
  let municipalityMatcher: TestUser;
  let sales: TestUser;
  let vacancyId: string;
  let ww: { id: string; version: number };
  let bijstand: { id: string; version: number };
  let tooFewHours: { id: string; version: number };

  const create = async (adviser: TestUser, body: Record<string, unknown>) => {
    const created = (await test.http.post('/api/candidates').set(adviser.headers).send(makeCandidate(body)).expect(201))
      .body;
    const ready = await test.http
      .put(`/api/candidates/${created.id}/jobready`)
      .set(adviser.headers)
      .send({ jobready: 'YES', checklist: CHECKLIST, version: created.version })
      .expect(200);
    return { id: created.id as string, version: ready.body.version as number };
  };
  const matches = (user: TestUser, query = '') =>
    test.http.get(`/api/vacancies/${vacancyId}/matches${query}`).set(user.headers);
  const ids = (body: { items: Array<{ candidate: { id: string } }> }) => body.items.map((item) => item.candidate.id);

  beforeAll(async () => {
    test = await startTestApp();
    await importPlaces(test);
    uwvAdviser = await createUser(test, [Role.ADVISER], Organisation.UWV);
    municipalityAdviser = await createUser(test, [Role.ADVISER], Organisation.MUNICIPALITY);
    uwvMatcher = await createUser(test, [Role.MATCHER], Organisation.UWV);
    municipalityMatcher = await createUser(test, [Role.MATCHER], Organisation.MUNICIPALITY);
    sales = await createUser(test, [Role.SALES], Organisation.STAFFING_FIRM);
    const employer = (await test.http.post('/api/employers').set(sales.headers).send(employerInput(sales)).expect(201))
      .body;
    const vacancy = (
      await test.http
        .post('/api/vacancies')
        .set(sales.headers)
        .send(vacancyInput(employer.id, { hoursMin: 24, hoursMax: 36 }))
        .expect(201)
    ).body;
    await test.http
      .post(`/api/vacancies/${vacancy.id}/status`)
      .set(sales.headers)
      .send({ status: 'OPEN', version: vacancy.version })
      .expect(200);
    vacancyId = vacancy.id;

    ww = await create(uwvAdviser, {
      pool: 'WW',
      bsn: BSNS[0],
      adviserId: uwvAdviser.id,
      workExperience: [{ occupationUri: WAREHOUSE, years: 3 }],
    });
    bijstand = await create(municipalityAdviser, {
      pool: 'BIJSTAND',
      bsn: BSNS[1],
      adviserId: municipalityAdviser.id,
      workExperience: [],
    });
    tooFewHours = await create(uwvAdviser, {
      pool: 'WW',
      bsn: BSNS[2],
      adviserId: uwvAdviser.id,
      hoursMin: 8,
      hoursMax: 16,
    });
  }, 120_000);
  afterAll(() => test.close());

  it('ranks only the candidates the user may see, with the reasons, exclusions and near misses', async () => {
    const response = await matches(uwvMatcher).expect(200);
    expect(ids(response.body)).toEqual([ww.id]); // the Bijstand candidate has no consent for UWV
    expect(response.body).toMatchObject({
      weightsVersion: '2026-11-v1',
      considered: 2,
      eligible: 1,
      excluded: { HOURS: 1 },
    });
    const [first] = response.body.items;
    expect(first.candidate).toMatchObject({ id: ww.id, pool: 'WW', targetGroup: 'WW', municipality: 'Dordrecht' });
    expect(JSON.stringify(first.candidate)).not.toMatch(/bsn|111222333/i);
    expect(first.components.map((component: { code: string }) => component.code)).toContain('OCCUPATION_SAME');
    expect(first.components.find((component: { code: string }) => component.code === 'DISTANCE').sentence).toBe(
      'Woont bij de werkplek',
    );
    expect(first.score).toBeCloseTo(
      first.components.reduce((sum: number, component: { points: number }) => sum + component.points, 0),
      5,
    );
    expect(response.body.nearMisses).toEqual([
      expect.objectContaining({
        candidate: expect.objectContaining({ id: tooFewHours.id }),
        requirement: 'HOURS',
        sentence: 'zoekt 8–16 uur, vacature 24–36 uur',
      }),
    ]);
  });

  it('shows a WW candidate to the municipality only under signed consent, at once, and not after withdrawal', async () => {
    expect(ids((await matches(municipalityMatcher).expect(200)).body)).toEqual([bijstand.id]);
    const consent = (
      await test.http
        .post(`/api/candidates/${ww.id}/consents`)
        .set(uwvAdviser.headers)
        .send({ organisation: 'MUNICIPALITY', signedOn: '2026-11-01', documentReference: 'DMS-42' })
        .expect(201)
    ).body;
    // Read-your-writes: no worker or delay between the consent and the list that shows its effect.
    expect(ids((await matches(municipalityMatcher).expect(200)).body).sort()).toEqual([ww.id, bijstand.id].sort());
    await test.http.get(`/api/candidates/${ww.id}/matches`).set(municipalityMatcher.headers).expect(200);

    await test.http
      .post(`/api/candidates/${ww.id}/consents/${consent.id}/withdraw`)
      .set(uwvAdviser.headers)
      .expect(200);
    const after = (await matches(municipalityMatcher).expect(200)).body;
    expect(ids(after)).toEqual([bijstand.id]);
    expect(JSON.stringify(after)).not.toContain(ww.id);
    await test.http.get(`/api/candidates/${ww.id}/matches`).set(municipalityMatcher.headers).expect(404);
  });

  it('names nobody the database no longer lets the user see, even while the index still does', async () => {
    // A consent withdrawn through another instance reaches this one's index only later (the stream):
    // in that window the engine still ranks the client for the municipality, but the summary read,
    // which names them, applies the visibility rule in SQL and so leaves them out.
    const consent = (
      await test.http
        .post(`/api/candidates/${ww.id}/consents`)
        .set(uwvAdviser.headers)
        .send({ organisation: 'MUNICIPALITY', signedOn: '2026-11-01', documentReference: 'DMS-43' })
        .expect(201)
    ).body;
    expect(ids((await matches(municipalityMatcher).expect(200)).body)).toContain(ww.id);
    const db = test.app.get(DataSource);
    await db.query(`UPDATE candidate_consents SET withdrawn_at = now() WHERE id = $1`, [consent.id]);
    const [{ name }] = await db.query(`SELECT name FROM candidates WHERE id = $1`, [ww.id]);
    const after = (await matches(municipalityMatcher).expect(200)).body;
    expect(JSON.stringify(after)).not.toContain(name);
    expect(ids(after)).toEqual([bijstand.id]);
  });

  it('drops a candidate from the list as soon as the adviser changes jobready', async () => {
    const current = (await test.http.get(`/api/candidates/${bijstand.id}`).set(municipalityAdviser.headers).expect(200))
      .body;
    await test.http
      .put(`/api/candidates/${bijstand.id}/jobready`)
      .set(municipalityAdviser.headers)
      .send({ jobready: 'NO', checklist: { ...CHECKLIST, motivated: false }, version: current.version })
      .expect(200);
    const response = (await matches(municipalityMatcher).expect(200)).body;
    expect(ids(response)).toEqual([]);
    expect(response.nearMisses.map((miss: { requirement: string }) => miss.requirement)).toEqual(['JOBREADY']);
    const again = (await test.http.get(`/api/candidates/${bijstand.id}`).set(municipalityAdviser.headers).expect(200))
      .body;
    await test.http
      .put(`/api/candidates/${bijstand.id}/jobready`)
      .set(municipalityAdviser.headers)
      .send({ jobready: 'YES', checklist: CHECKLIST, version: again.version })
      .expect(200);
  });

  it('pages with a cursor and filters on pools', async () => {
    const staffing = await createUser(test, [Role.MATCHER], Organisation.STAFFING_FIRM);
    // Under a confidentiality statement for the UWV adviser's unit the staffing firm sees both pools.
    await recordStatement(test, staffing, { scope: 'UNIT', unitId: uwvAdviser.unitId });
    const first = (await matches(staffing, '?limit=1').expect(200)).body;
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await matches(staffing, `?limit=1&cursor=${first.nextCursor}`).expect(200)).body;
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect([...ids(first), ...ids(second)].sort()).toEqual([ww.id, bijstand.id].sort());
    expect(ids((await matches(staffing, '?pools=BIJSTAND').expect(200)).body)).toEqual([bijstand.id]);

    const badCursor = await matches(staffing, '?cursor=bm90LWEtY3Vyc29y').expect(422);
    expect(badCursor.body.errors).toEqual({ cursor: 'must be the nextCursor of the previous page' });
    await matches(staffing, '?pools=WW,ELSEWHERE').expect(422);
  });

  it('lends the WW clients of a statement recorded or revoked since the sign-in, from the next list on', async () => {
    // Whether the user works under a statement is read with the user's facts on every request, never
    // kept with the sign-in: the same token sees the statement at once, and its revocation.
    const staffing = await createUser(test, [Role.MATCHER], Organisation.STAFFING_FIRM);
    expect(ids((await matches(staffing).expect(200)).body)).toEqual([bijstand.id]);
    const statement = await recordStatement(test, staffing, { scope: 'UNIT', unitId: uwvAdviser.unitId });
    expect(ids((await matches(staffing).expect(200)).body).sort()).toEqual([ww.id, bijstand.id].sort());
    const admin = await createUser(test, [Role.ADMIN], Organisation.UWV);
    await test.http.post(`/api/confidentiality-statements/${statement}/revoke`).set(admin.headers).expect(200);
    const after = (await matches(staffing).expect(200)).body;
    expect(ids(after)).toEqual([bijstand.id]);
    expect(JSON.stringify(after)).not.toContain(ww.id);
  });

  it('audits every candidate shown on a list', async () => {
    await matches(uwvMatcher).expect(200);
    const admin = await createUser(test, [Role.ADMIN]);
    const audit = await test.http
      .get(`/api/audit?subjectType=candidate&subjectId=${ww.id}&actorId=${uwvMatcher.id}`)
      .set(admin.headers)
      .expect(200);
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ action: 'match', purpose: `matching for vacancy ${vacancyId}` }),
    );
  });

  it('lets salesmanagers see matches for their own unit only', async () => {
    await matches(sales).expect(200);
    const elsewhere = await createUser(test, [Role.SALES], Organisation.STAFFING_FIRM, {
      unitName: 'Zorg & schoonmaak',
    });
    await matches(elsewhere).expect(403);
  });

  it('lists open vacancies for a candidate, from the candidate side', async () => {
    const response = (await test.http.get(`/api/candidates/${ww.id}/matches`).set(uwvAdviser.headers).expect(200)).body;
    expect(response.items.map((item: { vacancyId: string }) => item.vacancyId)).toEqual([vacancyId]);
    expect(response.items[0]).toMatchObject({ title: 'Magazijnmedewerker', employerName: expect.any(String) });
    const hours = (await test.http.get(`/api/candidates/${tooFewHours.id}/matches`).set(uwvAdviser.headers).expect(200))
      .body;
    expect(hours.items).toEqual([]);
    expect(hours.nearMisses).toEqual([expect.objectContaining({ vacancyId, requirement: 'HOURS' })]);
  });

  // Last: it changes the vacancy's and a candidate's certificates.
  it('follows an edit of the certificate list at once (what a certificate implies)', async () => {
    const admin = await createUser(test, [Role.ADMIN]);
    const forklift = (
      await test.http
        .post('/api/certificates')
        .set(admin.headers)
        .send({ code: 'TEST_HEFTRUCK_PLUS', name: 'Heftruck plus' })
        .expect(201)
    ).body;
    await test.http
      .post('/api/certificates')
      .set(admin.headers)
      .send({ code: 'TEST_HEFTRUCK_BASIS', name: 'Heftruck basis' })
      .expect(201);
    const candidate = (await test.http.get(`/api/candidates/${ww.id}`).set(uwvAdviser.headers).expect(200)).body;
    await test.http
      .patch(`/api/candidates/${ww.id}`)
      .set(uwvAdviser.headers)
      .send({ certificates: ['TEST_HEFTRUCK_PLUS'], version: candidate.version })
      .expect(200);
    const vacancy = (await test.http.get(`/api/vacancies/${vacancyId}`).set(sales.headers).expect(200)).body;
    await test.http
      .patch(`/api/vacancies/${vacancyId}`)
      .set(sales.headers)
      .send({ certificates: ['TEST_HEFTRUCK_BASIS'], version: vacancy.version })
      .expect(200);

    const before = (await matches(uwvMatcher).expect(200)).body;
    expect(ids(before)).toEqual([]);
    expect(before.nearMisses).toContainEqual(
      expect.objectContaining({ requirement: 'CERTIFICATE', sentence: 'mist Heftruck basis' }),
    );

    await test.http
      .patch(`/api/certificates/${forklift.id}`)
      .set(admin.headers)
      .send({ implies: ['TEST_HEFTRUCK_BASIS'] })
      .expect(200);
    expect(ids((await matches(uwvMatcher).expect(200)).body)).toEqual([ww.id]);
  });
});
