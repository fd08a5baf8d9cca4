import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { Organisation, Role } from '@identity/organisation';
import { UnitsService } from '@identity/units/units.service';
import { Clock, ManualClock } from '@platform/clock/clock';
import { JobName, QueueName } from '@platform/queue/queue-names';
import { VacanciesService } from '@sales/vacancies/vacancies.service';
import { createUser, TestUser } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';
import { employerInput, importPlaces, vacancyInput } from './sales-factories';

const clock = new ManualClock('2026-03-02T08:00:00Z');

describe('vacancies', () => {
  let test: TestApp;
  let sales: TestUser;
  let otherSales: TestUser;
  let matcher: TestUser;
  let admin: TestUser;
  let employerId: string;
  let events: Queue;

  beforeAll(async () => {
    test = await startTestApp({}, []);
    // The clock is the application's own provider; moving it moves "now" for days open and openedAt.
    jest.spyOn(test.app.get(Clock), 'now').mockImplementation(() => clock.now());
    await importPlaces(test);
    sales = await createUser(test, [Role.SALES]);
    const otherUnit = await test.app.get(UnitsService).create({ name: 'Andere unit', focus: '' });
    otherSales = await createUser(test, [Role.SALES], Organisation.UWV, { unitId: otherUnit.id });
    matcher = await createUser(test, [Role.MATCHER], Organisation.UWV);
    admin = await createUser(test, [Role.ADMIN]);
    employerId = (await test.http.post('/api/employers').set(sales.headers).send(employerInput(sales)).expect(201)).body
      .id;
    events = test.app.get<Queue>(getQueueToken(QueueName.Events));
  });
  afterAll(() => test.close());

  const create = (overrides: Record<string, unknown> = {}, user = sales) =>
    test.http.post('/api/vacancies').set(user.headers).send(vacancyInput(employerId, overrides));
  const move = (id: string, status: string, version: number, user = sales) =>
    test.http.post(`/api/vacancies/${id}/status`).set(user.headers).send({ status, version });
  const vacancyEvents = async (vacancyId: string) =>
    (await events.getJobs(['waiting', 'active', 'completed', 'delayed', 'failed'])).filter(
      (job) => job.name === (JobName.VacancyChanged as string) && job.data.vacancyId === vacancyId,
    );

  it('creates a DRAFT with the workplace derived from the postcode (3311 AB → Dordrecht, Drechtsteden)', async () => {
    const response = await create({
      drivingLicences: ['B', 'C'],
      certificates: ['HEFTRUCK', 'VCA_BASIS'],
      minDutchLevel: 'A2',
      minEducationLevel: 'mbo-2',
      shifts: ['DAY', 'NIGHT'],
      instruments: ['BAANBONUS', 'UITZENDEURO'],
      openToReducedWageValue: true,
      experienceYearsWish: 2,
      maxTravelKm: 25,
    }).expect(201);
    expect(response.body).toMatchObject({
      status: 'DRAFT',
      openedAt: null,
      positionsLeft: 2,
      occupationConfirmed: true,
      unitId: sales.unitId,
      employer: { id: employerId, name: 'Distributiecentrum Dordrecht B.V.' },
      workplace: {
        postcode: '3311 AB',
        pc4: '3311',
        municipality: 'Dordrecht',
        regionCode: 'AM23',
        region: 'Drechtsteden',
      },
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['hours min above max', { hoursMin: 40, hoursMax: 32 }, 'hoursMax'],
    ['hours above 60', { hoursMax: 61 }, 'hoursMax'],
    ['hours below 1', { hoursMin: 0 }, 'hoursMin'],
    ['0 positions', { positions: 0 }, 'positions'],
    ['FIXED_TERM without months', { contractType: 'FIXED_TERM' }, 'contractMonths'],
    ['months with a permanent contract', { contractType: 'PERMANENT', contractMonths: 6 }, 'contractMonths'],
    ['an unknown contract type', { contractType: 'ZZP' }, 'contractType'],
    ['an unknown driving licence', { drivingLicences: ['B', 'Z'] }, 'drivingLicences'],
    ['an unknown Dutch level', { minDutchLevel: 'B3' }, 'minDutchLevel'],
    ['an unknown education level', { minEducationLevel: 'mbo-5' }, 'minEducationLevel'],
    ['an unknown shift', { shifts: ['MORNING'] }, 'shifts'],
    ['an unknown instrument', { instruments: ['SUBSIDIE'] }, 'instruments'],
    ['a malformed workplace postcode', { workplacePostcode: '3311' }, 'workplacePostcode'],
    ['a malformed start date', { startDate: '01-12-2026' }, 'startDate'],
    ['an impossible start date', { startDate: '2026-02-30' }, 'startDate'],
    ['a travel distance of 0', { maxTravelKm: 0 }, 'maxTravelKm'],
    ['an occupation that is not an ESCO URI', { occupationUri: 'heftruckchauffeur' }, 'occupationUri'],
    ['a skill that is not an ESCO URI', { requiredSkillUris: ['http://example.org/skill/1'] }, 'requiredSkillUris'],
    ['a negative experience wish', { experienceYearsWish: -1 }, 'experienceYearsWish'],
    ['an employer id that is not a uuid', { employerId: 'x' }, 'employerId'],
  ])('refuses %s with a field error (422)', async (_case, overrides, field) => {
    const response = await create(overrides).expect(422);
    expect(Object.keys(response.body.errors)).toEqual([field]);
  });

  it('refuses an unknown certificate (422 CERTIFICATE_NOT_SELECTABLE)', async () => {
    const response = await create({ certificates: ['HEFTRUCK', 'TOVENAAR'] }).expect(422);
    expect(response.body).toMatchObject({
      code: 'CERTIFICATE_NOT_SELECTABLE',
      errors: { certificates: expect.stringContaining('TOVENAAR') },
    });
  });

  it('refuses a workplace postcode area that does not exist (422 POSTCODE_UNKNOWN)', async () => {
    const response = await create({ workplacePostcode: '1000 AA' }).expect(422);
    expect(response.body).toMatchObject({
      code: 'POSTCODE_UNKNOWN',
      errors: { workplacePostcode: expect.any(String) },
    });
  });

  it('refuses an unknown employer (422 EMPLOYER_UNKNOWN)', async () => {
    const response = await create({ employerId: '00000000-0000-4000-8000-000000000000' }).expect(422);
    expect(response.body).toMatchObject({ code: 'EMPLOYER_UNKNOWN', errors: { employerId: expect.any(String) } });
  });

  it('refuses an edit that breaks a cross-field rule, and changes nothing', async () => {
    const vacancy = (await create()).body;
    const response = await test.http
      .patch(`/api/vacancies/${vacancy.id}`)
      .set(sales.headers)
      .send({ version: 1, hoursMin: 41 })
      .expect(422);
    expect(response.body.errors).toEqual({ hoursMax: 'must be at least hoursMin' });
    await test.http
      .patch(`/api/vacancies/${vacancy.id}`)
      .set(sales.headers)
      .send({ version: 1, positionsLeft: 3 })
      .expect(422);
    expect((await test.http.get(`/api/vacancies/${vacancy.id}`).set(matcher.headers)).body).toMatchObject({
      version: 1,
      hoursMin: 32,
      positionsLeft: 2,
    });
  });

  describe('status transitions', () => {
    it.each<[string, string[]]>([
      ['DRAFT → OPEN', ['OPEN']],
      ['DRAFT → CLOSED', ['CLOSED']],
      ['OPEN → ON_HOLD', ['OPEN', 'ON_HOLD']],
      ['OPEN → FILLED', ['OPEN', 'FILLED']],
      ['OPEN → CLOSED', ['OPEN', 'CLOSED']],
      ['ON_HOLD → OPEN', ['OPEN', 'ON_HOLD', 'OPEN']],
      ['ON_HOLD → CLOSED', ['OPEN', 'ON_HOLD', 'CLOSED']],
    ])('allows %s', async (_name, path) => {
      const vacancy = (await create()).body;
      let version = vacancy.version as number;
      for (const status of path) {
        const response = await move(vacancy.id, status, version).expect(200);
        expect(response.body.status).toBe(status);
        version = response.body.version;
      }
    });

    it.each<[string, string[], string]>([
      ['DRAFT → ON_HOLD', [], 'ON_HOLD'],
      ['DRAFT → FILLED', [], 'FILLED'],
      ['DRAFT → DRAFT', [], 'DRAFT'],
      ['OPEN → DRAFT', ['OPEN'], 'DRAFT'],
      ['OPEN → OPEN', ['OPEN'], 'OPEN'],
      ['ON_HOLD → FILLED', ['OPEN', 'ON_HOLD'], 'FILLED'],
      ['ON_HOLD → DRAFT', ['OPEN', 'ON_HOLD'], 'DRAFT'],
    ])('refuses %s with 409 VACANCY_TRANSITION_INVALID naming from and to', async (_name, path, to) => {
      const vacancy = (await create()).body;
      let version = vacancy.version as number;
      for (const status of path) version = (await move(vacancy.id, status, version).expect(200)).body.version;
      const from = path.at(-1) ?? 'DRAFT';
      const response = await move(vacancy.id, to, version).expect(409);
      expect(response.body).toMatchObject({ code: 'VACANCY_TRANSITION_INVALID', details: { from, to } });
    });

    it.each([['FILLED'], ['CLOSED']])(
      'treats %s as final: no status change, no edit (409 VACANCY_CLOSED)',
      async (final) => {
        const vacancy = (await create()).body;
        const opened = (await move(vacancy.id, 'OPEN', 1).expect(200)).body;
        const ended = (await move(vacancy.id, final, opened.version).expect(200)).body;
        expect((await move(vacancy.id, 'OPEN', ended.version).expect(409)).body.code).toBe('VACANCY_CLOSED');
        const edit = await test.http
          .patch(`/api/vacancies/${vacancy.id}`)
          .set(sales.headers)
          .send({ version: ended.version, title: 'x' })
          .expect(409);
        expect(edit.body.code).toBe('VACANCY_CLOSED');
      },
    );

    it('sets openedAt on the first opening and keeps it when reopened', async () => {
      clock.set('2026-03-02T08:00:00Z');
      const vacancy = (await create()).body;
      const opened = (await move(vacancy.id, 'OPEN', 1).expect(200)).body;
      expect(opened.openedAt).toBe('2026-03-02T08:00:00.000Z');
      clock.set('2026-03-09T08:00:00Z');
      const paused = (await move(vacancy.id, 'ON_HOLD', opened.version).expect(200)).body;
      const reopened = (await move(vacancy.id, 'OPEN', paused.version).expect(200)).body;
      expect(reopened.openedAt).toBe('2026-03-02T08:00:00.000Z');
    });
  });

  it('answers a stale version with 409 STALE_VERSION and changes nothing', async () => {
    const vacancy = (await create()).body;
    await test.http
      .patch(`/api/vacancies/${vacancy.id}`)
      .set(sales.headers)
      .send({ version: 1, hoursMin: 24 })
      .expect(200);
    const stale = await test.http
      .patch(`/api/vacancies/${vacancy.id}`)
      .set(sales.headers)
      .send({ version: 1, hoursMin: 36, title: 'Stale' })
      .expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    expect((await move(vacancy.id, 'OPEN', 1).expect(409)).body.code).toBe('STALE_VERSION');
    const current = (await test.http.get(`/api/vacancies/${vacancy.id}`).set(matcher.headers)).body;
    expect(current).toMatchObject({ version: 2, hoursMin: 24, title: 'Magazijnmedewerker', status: 'DRAFT' });
  });

  it("lets only salesmanagers of the vacancy's unit and administrators change it", async () => {
    const vacancy = (await create()).body;
    await test.http
      .patch(`/api/vacancies/${vacancy.id}`)
      .set(otherSales.headers)
      .send({ version: 1, title: 'x' })
      .expect(403);
    await move(vacancy.id, 'OPEN', 1, otherSales).expect(403);
    await create({ unitId: otherSales.unitId }).expect(403);
    await test.http
      .patch(`/api/vacancies/${vacancy.id}`)
      .set(sales.headers)
      .send({ version: 1, unitId: otherSales.unitId })
      .expect(403);
    await test.http.get(`/api/vacancies/${vacancy.id}`).set(otherSales.headers).expect(200);
    await test.http
      .patch(`/api/vacancies/${vacancy.id}`)
      .set(admin.headers)
      .send({ version: 1, title: 'Door admin' })
      .expect(200);
  });

  it('puts vacancy.changed on the events queue, with only the id, when it opens, its requirements change or its status changes', async () => {
    const vacancy = (await create()).body;
    expect(await vacancyEvents(vacancy.id)).toHaveLength(0);
    const opened = (await move(vacancy.id, 'OPEN', 1).expect(200)).body;
    const jobs = await vacancyEvents(vacancy.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].data).toEqual({ vacancyId: vacancy.id });

    // The title is not something matching reads: no event.
    const renamed = (
      await test.http
        .patch(`/api/vacancies/${vacancy.id}`)
        .set(sales.headers)
        .send({ version: opened.version, title: 'Magazijnmedewerker (m/v)' })
        .expect(200)
    ).body;
    expect(await vacancyEvents(vacancy.id)).toHaveLength(1);
    const required = (
      await test.http
        .patch(`/api/vacancies/${vacancy.id}`)
        .set(sales.headers)
        .send({ version: renamed.version, certificates: ['HEFTRUCK'] })
        .expect(200)
    ).body;
    expect(await vacancyEvents(vacancy.id)).toHaveLength(2);
    await move(vacancy.id, 'ON_HOLD', required.version).expect(200);
    expect(await vacancyEvents(vacancy.id)).toHaveLength(3);
  });

  it('maps vacancies to the profile matching reads, and lists the open ones', async () => {
    const vacancy = (
      await create({ certificates: ['VCA_BASIS'], drivingLicences: ['CE'], minDutchLevel: 'B1', maxTravelKm: 20 })
    ).body;
    const service = test.app.get(VacanciesService);
    expect(await service.profile(vacancy.id)).toEqual({
      id: vacancy.id,
      status: 'DRAFT',
      occupationUri: 'http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f',
      requiredSkillUris: [],
      preferredSkillUris: [],
      drivingLicences: ['CE'],
      certificates: ['VCA_BASIS'],
      minDutchLevel: 'B1',
      minEducationLevel: null,
      hoursMin: 32,
      hoursMax: 40,
      pc4: '3311',
      maxTravelKm: 20,
      startDate: '2026-12-01',
      openToReducedWageValue: false,
      experienceYearsWish: null,
    });
    expect((await service.openProfiles()).map((profile) => profile.id)).not.toContain(vacancy.id);
    await move(vacancy.id, 'OPEN', 1).expect(200);
    const open = await service.openProfiles();
    expect(open.find((profile) => profile.id === vacancy.id)?.status).toBe('OPEN');
    expect(open.every((profile) => profile.status === 'OPEN')).toBe(true);
  });

  it("gives the stand-up list: the unit's open vacancies, newest first, with days open and positions left", async () => {
    const unit = await test.app.get(UnitsService).create({ name: 'Stand-up', focus: '' });
    const standUpSales = await createUser(test, [Role.SALES], Organisation.STAFFING_FIRM, { unitId: unit.id });
    clock.set('2026-03-02T08:00:00Z');
    const older = (await create({ title: 'Ouder' }, standUpSales)).body;
    await move(older.id, 'OPEN', 1, standUpSales).expect(200);
    clock.set('2026-03-05T08:00:00Z');
    const newer = (await create({ title: 'Nieuwer', positions: 3 }, standUpSales)).body;
    const openedNewer = (await move(newer.id, 'OPEN', 1, standUpSales).expect(200)).body;
    await test.http
      .patch(`/api/vacancies/${newer.id}`)
      .set(standUpSales.headers)
      .send({ version: openedNewer.version, positionsLeft: 1 })
      .expect(200);
    await create({ title: 'Concept' }, standUpSales); // a draft is not on the list

    clock.set('2026-03-10T09:00:00Z');
    const response = await test.http
      .get('/api/vacancies/open')
      .query({ unitId: unit.id })
      .set(matcher.headers)
      .expect(200);
    // 2 → 10 March is 8 days; 5 → 10 March is 5.
    expect(response.body).toEqual([
      expect.objectContaining({ id: newer.id, title: 'Nieuwer', daysOpen: 5, positions: 3, positionsLeft: 1 }),
      expect.objectContaining({ id: older.id, title: 'Ouder', daysOpen: 8, positions: 2, positionsLeft: 2 }),
    ]);
    const own = await test.http.get('/api/vacancies/open').set(standUpSales.headers).expect(200);
    expect(own.body).toHaveLength(2);
  });

  it('filters the list on status, unit, employer, occupation, region and text', async () => {
    const otherEmployer = (
      await test.http
        .post('/api/employers')
        .set(sales.headers)
        .send(employerInput(sales, { name: 'Zorgcentrum Papendrecht' }))
        .expect(201)
    ).body.id;
    const care = (
      await create({
        employerId: otherEmployer,
        title: 'Helpende zorg',
        workplacePostcode: '3351 AA',
        occupationUri: 'http://data.europa.eu/esco/occupation/1391bdf9-bd61-4fb5-91ca-c29036ab2b60',
      })
    ).body;
    const query = (params: Record<string, string>) =>
      test.http
        .get('/api/vacancies')
        .query(params)
        .set(matcher.headers)
        .expect(200)
        .then((r) => r.body.items.map((v: { id: string }) => v.id));
    expect(await query({ employerId: otherEmployer })).toEqual([care.id]);
    expect(await query({ occupationUri: care.occupationUri })).toEqual([care.id]);
    expect(await query({ q: 'zorgcentrum' })).toEqual([care.id]);
    expect(await query({ q: 'helpende', status: 'DRAFT', unitId: sales.unitId, regionCode: 'AM23' })).toEqual([
      care.id,
    ]);
    expect(await query({ q: 'helpende', status: 'OPEN' })).toEqual([]);
    expect(await query({ q: 'helpende', regionCode: 'AM01' })).toEqual([]);
    await test.http.get('/api/vacancies').query({ status: 'GONE' }).set(matcher.headers).expect(422);
    await test.http.get('/api/vacancies').query({ regionCode: 'Drechtsteden' }).set(matcher.headers).expect(422);
  });
});
