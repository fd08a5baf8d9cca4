import { Organisation, Role } from '@identity/organisation';
import { createUser, TestUser } from '@test/support/auth';
import { recordStatement } from '@test/support/confidentiality';
import { startTestApp, TestApp } from '@test/support/test-app';
import { employerInput, importPlaces, vacancyInput } from '../sales/sales-factories';
import { BSNS, makeCandidate } from './candidate-factory';

const CHECKLIST = {
  ownTransport: true,
  childcareArranged: true,
  hoursAvailable: true,
  certificatesValid: true,
  motivated: true,
};

/** The profile of "Heftruckchauffeur m/v 32-40 uur" in Dordrecht, as the intake form sends it. */
const FORKLIFT_PROFILE = {
  certificates: ['HEFTRUCK'],
  hoursMin: 32,
  hoursMax: 40,
  workplacePostcode: '3311 AB',
  maxTravelKm: 20,
  startDate: '2026-12-01',
};

describe('supply preview of an unsaved vacancy profile', () => {
  let test: TestApp;
  let uwvAdviser: TestUser;
  let municipalityAdviser: TestUser;
  let uwvMatcher: TestUser;
  let municipalityMatcher: TestUser;
  let staffingMatcher: TestUser;
  let sales: TestUser;
  let employerId: string;
  const candidateIds: string[] = [];
  let wwForklift: string;

  const create = async (adviser: TestUser, body: Record<string, unknown>, jobready = 'YES') => {
    const created = (
      await test.http
        .post('/api/candidates')
        .set(adviser.headers)
        .send(makeCandidate({ adviserId: adviser.id, ...body }))
        .expect(201)
    ).body;
    await test.http
      .put(`/api/candidates/${created.id}/jobready`)
      .set(adviser.headers)
      .send({ jobready, checklist: CHECKLIST, version: created.version })
      .expect(200);
    candidateIds.push(created.id);
    return created.id as string;
  };
  const preview = (user: TestUser, body: Record<string, unknown> = FORKLIFT_PROFILE) =>
    test.http.post('/api/vacancies/supply-preview').set(user.headers).send(body);

  /** The same profile saved as an open vacancy, and its ranked list as `user` sees it. */
  const rankedListOf = async (user: TestUser, profile: Record<string, unknown>) => {
    const vacancy = (
      await test.http
        .post('/api/vacancies')
        .set(sales.headers)
        .send(vacancyInput(employerId, { title: 'Heftruckchauffeur m/v 32-40 uur', ...profile }))
        .expect(201)
    ).body;
    await test.http
      .post(`/api/vacancies/${vacancy.id}/status`)
      .set(sales.headers)
      .send({ status: 'OPEN', version: vacancy.version })
      .expect(200);
    return (await test.http.get(`/api/vacancies/${vacancy.id}/matches?limit=200`).set(user.headers).expect(200)).body;
  };

  beforeAll(async () => {
    test = await startTestApp();
    await importPlaces(test);
    uwvAdviser = await createUser(test, [Role.ADVISER], Organisation.UWV);
    municipalityAdviser = await createUser(test, [Role.ADVISER], Organisation.MUNICIPALITY);
    uwvMatcher = await createUser(test, [Role.MATCHER], Organisation.UWV);
    municipalityMatcher = await createUser(test, [Role.MATCHER], Organisation.MUNICIPALITY);
    staffingMatcher = await createUser(test, [Role.MATCHER], Organisation.STAFFING_FIRM);
    // The staffing firm sees UWV's clients under a confidentiality statement (for the advisers' unit).
    await recordStatement(test, staffingMatcher, { scope: 'UNIT', unitId: uwvAdviser.unitId });
    sales = await createUser(test, [Role.SALES], Organisation.STAFFING_FIRM);
    employerId = (await test.http.post('/api/employers').set(sales.headers).send(employerInput(sales)).expect(201)).body
      .id;

    wwForklift = await create(uwvAdviser, { pool: 'WW', bsn: BSNS[0], certificates: ['HEFTRUCK'], hoursMax: 40 });
    await create(uwvAdviser, { pool: 'WW', bsn: BSNS[1], hoursMax: 40 });
    await create(municipalityAdviser, { pool: 'BIJSTAND', bsn: BSNS[2], certificates: ['HEFTRUCK'], hoursMax: 40 });
    await create(municipalityAdviser, { pool: 'BIJSTAND', bsn: BSNS[3], hoursMax: 40 });
    await create(municipalityAdviser, { pool: 'BIJSTAND', bsn: BSNS[4], hoursMin: 8, hoursMax: 16 });
    // Not jobready: never counted as supply, whatever the profile.
    await create(uwvAdviser, { pool: 'WW', bsn: BSNS[5], certificates: ['HEFTRUCK'], hoursMax: 40 }, 'NO');
  }, 120_000);
  afterAll(() => test.close());

  it('counts who meets the profile now, per pool, what each requirement excludes and what relaxing adds', async () => {
    const body = (await preview(staffingMatcher).expect(200)).body;
    // Staffing firm sees both pools: 6 candidates; 2 with a forklift certificate, jobready, 32-40 h.
    expect(body).toMatchObject({
      considered: 6,
      eligible: 2,
      byPool: { WW: 1, BIJSTAND: 1 },
      excluded: { JOBREADY: 1, CERTIFICATE: 3, HOURS: 1 },
    });
    const withoutForklift = body.relaxations.find(
      (relaxation: { kind: string }) => relaxation.kind === 'WITHOUT_CERTIFICATE',
    );
    // Without the certificate the two jobready ones without it join (the 8-16 h one still misses the hours).
    expect(withoutForklift).toEqual({
      requirement: 'CERTIFICATE',
      kind: 'WITHOUT_CERTIFICATE',
      value: 'HEFTRUCK',
      label: 'zonder Heftruckcertificaat',
      adds: 2,
    });
    expect(body.relaxations[0]).toBe(withoutForklift); // most added first
    expect(body.relaxations.map((relaxation: { kind: string }) => relaxation.kind)).toEqual(
      expect.arrayContaining(['LARGER_TRAVEL_LIMIT', 'FEWER_HOURS', 'LATER_START', 'OPEN_TO_REDUCED_WAGE_VALUE']),
    );
    expect(
      body.relaxations.find((relaxation: { kind: string }) => relaxation.kind === 'LARGER_TRAVEL_LIMIT').label,
    ).toBe('30 km in plaats van 20');
    // Counts only: no candidate id anywhere in the answer.
    for (const id of candidateIds) expect(JSON.stringify(body)).not.toContain(id);

    const without = (await preview(staffingMatcher, { ...FORKLIFT_PROFILE, certificates: [] }).expect(200)).body;
    expect(without.eligible).toBe(body.eligible + withoutForklift.adds);
  });

  it.each([
    ['UWV matcher', () => uwvMatcher],
    ['municipal matcher', () => municipalityMatcher],
    ['staffing-firm matcher', () => staffingMatcher],
    ['salesmanager of the unit', () => sales],
  ])('gives a %s the counts of the ranked list of the same profile saved as a vacancy', async (_who, user) => {
    for (const profile of [FORKLIFT_PROFILE, { ...FORKLIFT_PROFILE, certificates: [], hoursMin: 8 }]) {
      const counts = (await preview(user(), profile).expect(200)).body;
      const ranked = await rankedListOf(user(), profile);
      expect(counts.eligible).toBe(ranked.eligible);
      expect(counts.eligible).toBe(ranked.items.length);
      expect(counts.considered).toBe(ranked.considered);
      expect(counts.excluded).toEqual(ranked.excluded);
    }
  });

  it('never counts a WW client the municipality may not see, until a consent and not after its withdrawal', async () => {
    const before = (await preview(municipalityMatcher).expect(200)).body;
    // Only the Bijstand pool exists for the municipality: 3 candidates, one with the certificate.
    expect(before).toMatchObject({ considered: 3, eligible: 1, byPool: { WW: 0, BIJSTAND: 1 } });
    expect(before.excluded.JOBREADY).toBe(0); // the WW client who is not jobready is not even counted as excluded

    const consent = (
      await test.http
        .post(`/api/candidates/${wwForklift}/consents`)
        .set(uwvAdviser.headers)
        .send({ organisation: 'MUNICIPALITY', signedOn: '2026-11-01', documentReference: 'DMS-7' })
        .expect(201)
    ).body;
    expect((await preview(municipalityMatcher).expect(200)).body).toMatchObject({
      considered: 4,
      eligible: 2,
      byPool: { WW: 1, BIJSTAND: 1 },
    });
    await test.http
      .post(`/api/candidates/${wwForklift}/consents/${consent.id}/withdraw`)
      .set(uwvAdviser.headers)
      .expect(200);
    const after = (await preview(municipalityMatcher).expect(200)).body;
    expect(after).toEqual(before);
  });

  it('is for salesmanagers of the unit, matchers and managers only', async () => {
    await preview(sales, { ...FORKLIFT_PROFILE, unitId: sales.unitId }).expect(200);
    const elsewhere = await createUser(test, [Role.SALES], Organisation.STAFFING_FIRM, {
      unitName: 'Zorg & schoonmaak',
    });
    await preview(elsewhere).expect(200); // their own unit by default
    const refused = await preview(elsewhere, { ...FORKLIFT_PROFILE, unitId: sales.unitId }).expect(403);
    expect(refused.body.code).toBe('ROLE_REQUIRED');
    const manager = await createUser(test, [Role.MANAGER], Organisation.MUNICIPALITY);
    await preview(manager, { ...FORKLIFT_PROFILE, unitId: sales.unitId }).expect(200);
    await preview(municipalityAdviser).expect(403);
    await preview(await createUser(test, [Role.AFTERSALES], Organisation.UWV)).expect(403);
    await preview(await createUser(test, [Role.ADMIN], Organisation.UWV)).expect(403);
    await test.http.post('/api/vacancies/supply-preview').send(FORKLIFT_PROFILE).expect(401);
  });

  it('refuses bad input field by field with 422', async () => {
    const bad = async (body: Record<string, unknown>) =>
      (await preview(staffingMatcher, body).expect(422)).body.errors as Record<string, string>;
    expect(await bad({ ...FORKLIFT_PROFILE, hoursMin: 40, hoursMax: 32 })).toEqual({
      hoursMax: 'must be at least hoursMin',
    });
    expect(Object.keys(await bad({ ...FORKLIFT_PROFILE, certificates: ['NO_SUCH_CERTIFICATE'] }))).toEqual([
      'certificates',
    ]);
    expect(Object.keys(await bad({ ...FORKLIFT_PROFILE, workplacePostcode: '0000 AA' }))).toEqual([
      'workplacePostcode',
    ]);
    expect(Object.keys(await bad({ ...FORKLIFT_PROFILE, workplacePostcode: 'Dordrecht' }))).toEqual([
      'workplacePostcode',
    ]);
    const missing = await bad({ certificates: ['HEFTRUCK'] });
    expect(Object.keys(missing).sort()).toEqual(['hoursMax', 'hoursMin', 'startDate', 'workplacePostcode']);
    expect(Object.keys(await bad({ ...FORKLIFT_PROFILE, maxTravelKm: 0, drivingLicences: ['Z'] })).sort()).toEqual([
      'drivingLicences',
      'maxTravelKm',
    ]);
    expect(Object.keys(await bad({ ...FORKLIFT_PROFILE, pools: ['WW', 'ELSEWHERE'] }))).toEqual(['pools']);
    // Not a vacancy: the fields that do not change who meets it are not taken.
    expect(Object.keys(await bad({ ...FORKLIFT_PROFILE, title: 'Heftruckchauffeur' }))).toEqual(['title']);
  });
});
