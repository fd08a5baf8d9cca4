import { DataSource } from 'typeorm';
import { Organisation, Role } from '@identity/organisation';
import { createUser, TestUser } from '@test/support/auth';
import { recordStatement } from '@test/support/confidentiality';
import { startTestApp, TestApp } from '@test/support/test-app';
import { recordOutflow, reportsWorld, ReportsWorld } from './reports-world';

/** A loosely typed JSON body row; the assertions say what it holds. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

/** The world and its arithmetic: test/reports/reports-world.ts. Tests run in order; the outflow rules last. */
describe('targets, dashboard, wall board and placements register', () => {
  let test: TestApp;
  let world: ReportsWorld;
  let municipalityManager: TestUser;
  const db = () => test.app.get(DataSource);
  const get = async (url: string, user: TestUser = world.manager) =>
    (await test.http.get(url).set(user.headers).expect(200)).body;
  const ids = (items: Array<{ id: string }>) => items.map((item) => item.id);

  beforeAll(async () => {
    test = await startTestApp();
    world = await reportsWorld(test);
    const { base, p } = world;
    municipalityManager = await createUser(test, [Role.MANAGER], Organisation.MUNICIPALITY);
    for (const [placement, outflow, day, adviser] of [
      [p.p1, 'FULL', '2026-10-15', base.uwvAdviser],
      [p.p2, 'PARTIAL', '2026-11-01', base.uwvAdviser],
      [p.p3, 'NONE', undefined, base.uwvAdviser],
      [p.p4, 'FULL', '2026-11-16', base.municipalityAdviser],
      [p.p6, 'FULL', '2026-10-01', base.uwvAdviser],
      [p.p8, 'FULL', '2026-11-30', base.municipalityAdviser],
    ] as const) {
      await recordOutflow(test, adviser, placement, outflow, day).expect(200);
    }
    // U1's Q4 target: first 12, then changed to 10 with a split; and a year target of 30.
    const first = await test.http
      .put(`/api/targets/${world.u1}/2026-Q4`)
      .set(world.manager.headers)
      .send({ placements: 12 })
      .expect(200);
    expect(first.body.version).toBe(1);
    await test.http
      .put(`/api/targets/${world.u1}/2026-Q4`)
      .set(world.admin.headers)
      .send({
        placements: 10,
        byTargetGroup: [
          { targetGroup: 'WW', placements: 5 },
          { targetGroup: 'SDD 80-100', placements: 2 },
        ],
        version: 1,
      })
      .expect(200);
    await test.http
      .put(`/api/targets/${world.u1}/2026`)
      .set(world.manager.headers)
      .send({ placements: 30 })
      .expect(200);
  }, 240_000);
  afterAll(() => test.close());

  describe('targets', () => {
    it('keeps every version with who set it and when; the newest is the target', async () => {
      const history = await get(`/api/targets/${world.u1}/2026-Q4/history`);
      expect(
        history.versions.map((version: { version: number; placements: number }) => [
          version.version,
          version.placements,
        ]),
      ).toEqual([
        [2, 10],
        [1, 12],
      ]);
      expect(history.versions[0]).toMatchObject({
        periodStart: '2026-10-01',
        periodEnd: '2026-12-31',
        byTargetGroup: [
          { targetGroup: 'WW', placements: 5 },
          { targetGroup: 'SDD 80-100', placements: 2 },
        ],
        setBy: { id: world.admin.id, name: expect.stringContaining('ADMIN') },
        setAt: '2026-11-21T23:30:00.000Z',
      });
      expect(history.versions[1].setBy.id).toBe(world.manager.id);
    });

    it('shows each unit against its target with the forecast, as worked out by hand', async () => {
      const overview = await get('/api/targets?period=2026-Q4', await createUser(test, [Role.MATCHER]));
      expect(overview).toMatchObject({ period: '2026-Q4', today: '2026-11-22' });
      const u1 = overview.units.find((row: { unit: { id: string } }) => row.unit.id === world.u1);
      // U1 in Q4: P1–P5 = 5 (P5 registered for 1 December counts); 53 of 92 days begun;
      // forecast 5 × 92 / 53 = 8.68 → 9 < 10; progress 5 / 10 = 50%; expected 10 × 53 / 92 = 5.76 → 5.8.
      expect(u1.target).toMatchObject({ version: 2, placements: 10 });
      expect(u1.progress).toMatchObject({
        period: '2026-Q4',
        kind: 'QUARTER',
        target: 10,
        counted: 5,
        periodDays: 92,
        elapsedDays: 53,
        elapsedShare: 0.5761,
        expectedSoFar: 5.8,
        progressPct: 50,
        forecast: 9,
        onTrack: false,
      });
      // WW: P1 P2 P5 = 3 → 3 × 92 / 53 = 5.21 → 5 ≥ 5; SDD 80-100: P4 = 1 → 1.74 → 2 ≥ 2; MAX WW: P3, no target.
      expect(
        u1.progress.byTargetGroup.map((group: Record<string, unknown>) => [
          group.targetGroup,
          group.target,
          group.counted,
          group.forecast,
          group.onTrack,
        ]),
      ).toEqual([
        ['WW', 5, 3, 5, true],
        ['MAX WW', null, 1, 2, null],
        ['WAJONG', null, 0, 0, null],
        ['SDD 80-100', 2, 1, 2, true],
        ['SDD 50-80', null, 0, 0, null],
      ]);
      // The quarter before: P6 only, no target, over (forecast = the count).
      expect(u1.previous).toMatchObject({ period: '2026-Q3', target: null, counted: 1, elapsedShare: 1, forecast: 1 });
      // U2: P8 P9 = 2 without a target; 2 × 92 / 53 = 3.47 → 3.
      const u2 = overview.units.find((row: { unit: { id: string } }) => row.unit.id === world.u2);
      expect(u2.target).toBeNull();
      expect(u2.progress).toMatchObject({ target: null, counted: 2, forecast: 3, onTrack: null, progressPct: null });
    });

    it('refuses a stale version, a split over the total, a bad period and an unknown unit', async () => {
      const put = (url: string, body: Record<string, unknown>) =>
        test.http.put(url).set(world.manager.headers).send(body);
      expect(
        (await put(`/api/targets/${world.u1}/2026-Q4`, { placements: 11, version: 1 }).expect(409)).body.code,
      ).toBe('STALE_VERSION');
      // Changing an existing target without saying which version you read is stale too.
      await put(`/api/targets/${world.u1}/2026-Q4`, { placements: 11 }).expect(409);
      expect(
        (
          await put(`/api/targets/${world.u1}/2027-Q1`, {
            placements: 5,
            byTargetGroup: [
              { targetGroup: 'WW', placements: 4 },
              { targetGroup: 'WAJONG', placements: 2 },
            ],
          }).expect(422)
        ).body.errors,
      ).toEqual({ byTargetGroup: 'must not add up to more than placements (5)' });
      expect((await put(`/api/targets/${world.u1}/2026-Q5`, { placements: 5 }).expect(422)).body.errors).toEqual({
        period: 'must be a year (2026) or a quarter (2026-Q3)',
      });
      expect((await put(`/api/targets/${world.u1}/2027`, { placements: -1 }).expect(422)).body.errors).toEqual({
        placements: 'must be at least 0',
      });
      await put('/api/targets/7b0c6a4e-4f59-4b8e-9a57-1f2b3c4d5e6f/2027', { placements: 5 }).expect(404);
      const [{ count }] = await db().query(`SELECT count(*)::int AS count FROM unit_targets`);
      expect(count).toBe(3);
    });
  });

  describe('dashboard', () => {
    it('counts placements per month, unit and target group with the SROI share, as worked out by hand', async () => {
      const body = await get('/api/reports/dashboard?from=2026-10-01&to=2026-11-22');
      expect(body).toMatchObject({ from: '2026-10-01', to: '2026-11-22', today: '2026-11-22', unitId: null });
      expect(body.targetGroups).toEqual(['WW', 'MAX WW', 'WAJONG', 'SDD 80-100', 'SDD 50-80']);
      // Starting 1 Oct – 22 Nov: P1 P2 P3 P4 (U1), P8 P9 (U2) = 6; P5 starts 1 December, after `to`.
      // SROI: P1 P4 P9 = 3 of 6 = 50% (above 15%); no outflow record: P9 only.
      expect(body.placements.total).toEqual({
        total: 6,
        byTargetGroup: [
          { targetGroup: 'WW', placements: 2 },
          { targetGroup: 'MAX WW', placements: 1 },
          { targetGroup: 'WAJONG', placements: 1 },
          { targetGroup: 'SDD 80-100', placements: 2 },
          { targetGroup: 'SDD 50-80', placements: 0 },
        ],
        sroi: { placements: 6, sroi: 3, sroiPct: 50, band: 'ABOVE' },
        outflowUnrecorded: 1,
      });
      // October: P1 P2 P8, SROI P1 → 1 / 3 = 33.3%; November: P3 P4 P9, SROI P4 P9 → 66.7%.
      expect(body.placements.byMonth.map((month: Row) => [month.month, month.total, month.sroi.sroiPct])).toEqual([
        ['2026-10', 3, 33.3],
        ['2026-11', 3, 66.7],
      ]);
      const byUnit = Object.fromEntries(
        body.placements.byUnit.map((unit: Row) => [unit.unit.id, [unit.total, unit.sroi.sroi]]),
      );
      expect(byUnit).toEqual({ [world.u1]: [4, 2], [world.u2]: [2, 1] });
      expect(body.sroiReference).toEqual({ minPct: 10, maxPct: 15 });
    });

    it('counts outflow by the day the benefit changed, per unit and target group', async () => {
      const { outflow } = await get('/api/reports/dashboard?from=2026-10-01&to=2026-11-22');
      // FULL on a day in the period: P1 (15 Oct), P4 (16 Nov), P6 (1 Oct, a Q3 placement) = 3; PARTIAL: P2 = 1.
      // P3 is NONE; P8's benefit stops on 30 November, after the period.
      expect(outflow.total).toEqual({ full: 3, partial: 1 });
      expect(outflow.byUnit.map((unit: Row) => [unit.unit.id, unit.full, unit.partial])).toEqual(
        expect.arrayContaining([
          [world.u1, 3, 1],
          [world.u2, 0, 0],
        ]),
      );
      // WW: P1 P6 full, P2 partial; SDD 80-100: P4 full.
      expect(outflow.byTargetGroup).toEqual([
        { targetGroup: 'WW', full: 2, partial: 1 },
        { targetGroup: 'MAX WW', full: 0, partial: 0 },
        { targetGroup: 'WAJONG', full: 0, partial: 0 },
        { targetGroup: 'SDD 80-100', full: 1, partial: 0 },
        { targetGroup: 'SDD 50-80', full: 0, partial: 0 },
      ]);
    });

    it('puts placements against target per unit for the years and quarters the period touches', async () => {
      const { targets } = await get('/api/reports/dashboard?from=2026-10-01&to=2026-11-22');
      const u1 = targets.find((row: Row) => row.unit.id === world.u1);
      expect(u1.periods.map((period: Row) => period.period)).toEqual(['2026', '2026-Q4']);
      // The year: P1–P7 = 7 of 30; 326 of 365 days; 7 × 365 / 326 = 7.84 → 8.
      expect(u1.periods[0]).toMatchObject({ target: 30, counted: 7, elapsedDays: 326, forecast: 8, onTrack: false });
      expect(u1.periods[1]).toMatchObject({ target: 10, counted: 5, forecast: 9 });
    });

    it('gives proposals per placement per unit, matcher and target group, and the durability cohorts', async () => {
      const body = await get('/api/reports/dashboard?from=2026-10-01&to=2026-11-22');
      // Nine proposals, all proposed "now" (22 November) on U1's vacancies, each hired: 9 / 9 = 1.
      expect(body.proposalQuality).toMatchObject({
        aim: 2,
        total: { proposals: 9, interviews: 9, placements: 9, proposalsPerPlacement: 1 },
        perUnit: [{ unit: { id: world.u1 }, proposals: 9 }],
        perMatcher: [{ matcherId: world.base.matcher.id, organisation: 'STAFFING_FIRM', proposals: 9 }],
      });
      // By the candidate's group on the day of proposing (not the placement's, set by hand here):
      // WW candidates (WW ends 2027-06-30, not Max-WW) P1 P2 P3 P5 P6 P9 = 6; Bijstand 80-100 P4 P7 P8 = 3.
      expect(body.proposalQuality.perTargetGroup.map((group: Row) => [group.targetGroup, group.proposals])).toEqual([
        ['SDD 80-100', 3],
        ['WW', 6],
      ]);
      expect(body.durability.cohorts.map((cohort: Row) => [cohort.month, cohort.placements])).toEqual([
        ['2026-10', 3],
        ['2026-11', 3],
      ]);
    });

    it('narrows every figure to one unit', async () => {
      const body = await get(`/api/reports/dashboard?from=2026-10-01&to=2026-11-22&unitId=${world.u2}`);
      expect(body.units).toEqual([{ id: world.u2, name: 'Zorg & welzijn' }]);
      expect(body.placements.total.total).toBe(2);
      expect(body.outflow.total).toEqual({ full: 0, partial: 0 });
      expect(body.targets.map((row: Row) => row.unit.id)).toEqual([world.u2]);
      expect(body.durability.total.placements).toBe(2);
      // The proposals were on U1's vacancies.
      expect(body.proposalQuality.total.proposals).toBe(0);
    });

    it('answers for this year to date without from and to, like every report', async () => {
      const dashboard = await get('/api/reports/dashboard');
      expect([dashboard.from, dashboard.to]).toEqual(['2026-01-01', '2026-11-22']);
      // P5 starts 1 December: after today.
      expect(dashboard.placements.total.total).toBe(8);
      const durability = await get('/api/reports/durability');
      expect([durability.from, durability.to, durability.total.placements]).toEqual(['2026-01-01', '2026-11-22', 8]);
      const quality = await get('/api/reports/proposal-quality');
      expect([quality.from, quality.to, quality.total.proposals]).toEqual(['2026-01-01', '2026-11-22', 9]);
    });

    it('refuses a bad period or unit with 422 and an unknown unit with 404', async () => {
      const refused = async (query: string) =>
        (await test.http.get(`/api/reports/dashboard?${query}`).set(world.manager.headers).expect(422)).body.errors;
      expect(await refused('from=2026-02-30')).toEqual({ from: 'must be a real calendar date' });
      expect(await refused('from=2026-12-01&to=2026-11-01')).toEqual({ to: 'must not be before from' });
      expect(await refused('to=2025-05-31&from=2026-01-01')).toEqual({ to: 'must not be before from' });
      expect(await refused('unitId=zorg')).toEqual({ unitId: 'must be a unit id' });
      expect(await refused('from=2020-01-01&to=2026-01-01')).toEqual({
        to: 'must be less than 5 years after from (before 2025-01-01)',
      });
      await test.http
        .get('/api/reports/dashboard?unitId=7b0c6a4e-4f59-4b8e-9a57-1f2b3c4d5e6f')
        .set(world.manager.headers)
        .expect(404);
    });
  });

  describe('wall board', () => {
    it("shows a unit's quarter and year against target, outflow and SROI, for anyone in the room", async () => {
      const board = await get(`/api/reports/wall-board/${world.u1}`, await createUser(test, [Role.AFTERSALES]));
      expect(board).toMatchObject({
        unit: { id: world.u1 },
        today: '2026-11-22',
        refreshSeconds: 60,
        quarter: { period: '2026-Q4', target: 10, counted: 5, forecast: 9 },
        year: { period: '2026', target: 30, counted: 7, forecast: 8 },
        // Q4 as its progress counts: P1–P5; SROI P1 P4 = 2 of 5 = 40%.
        quarterPlacements: { total: 5, sroi: { sroi: 2, sroiPct: 40 } },
        // 2026: P1–P7; SROI 2 of 7 = 28.6%.
        yearPlacements: { total: 7, sroi: { sroi: 2, sroiPct: 28.6, band: 'ABOVE' } },
        // Benefit changes with a day in Q4: P1 P4 P6 full, P2 partial.
        quarterOutflow: { full: 3, partial: 1 },
        durability: { from: '2025-12-01', to: '2026-11-22', placements: 6 },
      });
    });
  });

  describe('placements register', () => {
    const register = (query: string, user?: TestUser) =>
      get(`/api/placements?from=2026-01-01&to=2026-12-31&${query}`, user);

    it('lists the placements of the period newest first, paged, with everything a manager filters on', async () => {
      const { p } = world;
      const all = await register('');
      expect(all.total).toBe(9);
      expect(ids(all.items)).toEqual([p.p5, p.p9, p.p4, p.p3, p.p2, p.p8, p.p1, p.p6, p.p7]);
      const page = await register('limit=3&offset=3');
      expect([page.total, page.limit, page.offset, ids(page.items)]).toEqual([9, 3, 3, [p.p3, p.p2, p.p8]]);
      const p2 = all.items.find((item: { id: string }) => item.id === p.p2);
      expect(p2).toMatchObject({
        startDate: '2026-10-20',
        endDate: '2026-11-10',
        ended: true,
        candidate: { id: world.candidateOf[p.p2], name: expect.any(String) },
        pool: 'WW',
        targetGroup: 'WW',
        unit: { id: world.u1 },
        employer: { id: world.base.employerId },
        matcher: { id: world.base.matcher.id, organisation: 'STAFFING_FIRM' },
        contractType: 'FIXED_TERM',
        contractMonths: 6,
        instruments: [],
        sroi: false,
        sroiTenderReference: null,
        outflow: { outflow: 'PARTIAL', benefitChangedOn: '2026-11-01' },
      });
      expect(Object.keys(p2.candidate)).toEqual(['id', 'name']);
    });

    it('filters by unit, target group, pool, instrument, contract, SROI, matcher organisation, ended and outflow', async () => {
      const { p } = world;
      const listed = async (query: string) => ids((await register(query)).items);
      expect(await listed(`unitId=${world.u2}`)).toEqual([p.p9, p.p8]);
      expect(await listed(`targetGroup=${encodeURIComponent('SDD 80-100')}`)).toEqual([p.p4, p.p8]);
      expect(await listed('pool=BIJSTAND')).toEqual([p.p4, p.p8, p.p7]);
      expect(await listed('instrument=PROEFPLAATSING')).toEqual([p.p3]);
      expect(await listed('contractType=FIXED_TERM')).toEqual([p.p2]);
      expect(await listed('sroi=true')).toEqual([p.p9, p.p4, p.p1]);
      expect(await listed('sroi=false')).toHaveLength(6);
      expect(await listed('matcherOrganisation=STAFFING_FIRM')).toHaveLength(9);
      expect(await listed('matcherOrganisation=UWV')).toEqual([]);
      expect(await listed('ended=true')).toEqual([p.p2]);
      expect(await listed('ended=false')).toHaveLength(8);
      expect(await listed('outflow=UNRECORDED')).toEqual([p.p5, p.p9, p.p7]);
      expect(await listed('outflow=FULL')).toEqual([p.p4, p.p8, p.p1, p.p6]);
      expect(await listed('pool=WW&sroi=true&unitId=' + world.u1)).toEqual([p.p1]);
      // Without a period: this year up to today (P5 starts 1 December).
      expect((await get('/api/placements')).total).toBe(8);
    });

    it('sorts by start date, unit or client, ties by id', async () => {
      const { p } = world;
      expect(ids((await register('sort=startDate&limit=2')).items)).toEqual([p.p7, p.p6]);
      // "Testunit" before "Zorg & welzijn"; within a unit by id.
      const byUnit = (await register('sort=unit')).items.map((item: Row) => item.unit.id);
      expect(byUnit).toEqual([...Array(7).fill(world.u1), world.u2, world.u2]);
      const byName = (await register('sort=candidate')).items.map((item: Row) => item.candidate.name as string);
      expect(byName).toEqual([...byName].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    });

    it('lists only clients the user may see, in SQL, and counts the others apart', async () => {
      const { p } = world;
      // The municipality sees its Bijstand clients; the WW clients have given no consent.
      const municipality = await register('', municipalityManager);
      expect([municipality.total, municipality.notVisible]).toEqual([3, 6]);
      expect(ids(municipality.items)).toEqual([p.p4, p.p8, p.p7]);
      const uwv = await register('', world.base.uwvAdviser);
      expect([uwv.total, uwv.notVisible]).toEqual([6, 3]);
    });

    it('writes every client listed to the audit log', async () => {
      const user = await createUser(test, [Role.MANAGER], Organisation.MUNICIPALITY);
      await register('', user);
      const rows: Array<{ subjectId: string }> = await db().query(
        `SELECT subject_id AS "subjectId" FROM audit_log WHERE actor_id = $1 AND action = 'list'
           AND subject_type = 'candidate' AND purpose = 'placements register'`,
        [user.id],
      );
      expect(rows.map((row) => row.subjectId).sort()).toEqual(
        [world.p.p4, world.p.p8, world.p.p7].map((id) => world.candidateOf[id]).sort(),
      );
    });

    it('refuses bad filters with 422, field by field', async () => {
      const refused = async (query: string) =>
        (await test.http.get(`/api/placements?${query}`).set(world.manager.headers).expect(422)).body.errors;
      expect(await refused('targetGroup=BIJSTAND')).toEqual({
        targetGroup: 'must be one of WW, MAX WW, WAJONG, SDD 80-100, SDD 50-80',
      });
      expect(Object.keys(await refused('sort=name&sroi=maybe&limit=0&pool=ww&unitId=u1'))).toEqual(
        expect.arrayContaining(['sort', 'sroi', 'limit', 'pool', 'unitId']),
      );
      expect(await refused('from=2026-13-01')).toEqual({ from: 'must be a real calendar date' });
      expect(await refused('outflow=SOME')).toEqual({ outflow: 'must be one of FULL, PARTIAL, NONE, UNRECORDED' });
      expect(await refused('colour=red')).toEqual({ colour: expect.any(String) });
    });
  });

  describe('register export', () => {
    it('is a CSV for a Dutch Excel with the same rows, no BSN and no contact details, and an audited export', async () => {
      const response = await test.http
        .get('/api/placements/export?from=2026-01-01&to=2026-12-31&sort=startDate')
        .set(world.manager.headers)
        .expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="plaatsingen-2026-01-01-2026-12-31.csv"',
      );
      const csv = response.text;
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const lines = csv.slice(1).split('\r\n');
      expect(lines[0].split(';').slice(0, 4)).toEqual(['Plaatsing', 'Startdatum', 'Einddatum', 'Kandidaat']);
      expect(lines.slice(1, -1).map((line) => line.split(';')[0])).toEqual([
        world.p.p7,
        world.p.p6,
        world.p.p1,
        world.p.p8,
        world.p.p2,
        world.p.p3,
        world.p.p4,
        world.p.p9,
        world.p.p5,
      ]);
      // The clients' e-mail addresses and phone numbers, and anything like a BSN, are not in it.
      expect(csv).not.toContain('@example.org');
      expect(csv).not.toContain('12345678');
      expect(csv).not.toMatch(/\b\d{9}\b/);
      const [{ count }] = await db().query(
        `SELECT count(DISTINCT subject_id)::int AS count FROM audit_log WHERE actor_id = $1 AND action = 'export'
           AND subject_type = 'candidate' AND purpose = 'placements register export'`,
        [world.manager.id],
      );
      expect(count).toBe(9);
    });

    it('exports only the clients the user may see, and refuses bad filters with 422', async () => {
      const csv = (
        await test.http
          .get('/api/placements/export?from=2026-01-01&to=2026-12-31')
          .set(municipalityManager.headers)
          .expect(200)
      ).text;
      expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + 3);
      await test.http.get('/api/placements/export?sroi=ja').set(world.manager.headers).expect(422);
      // The register's paging is not the export's: it takes every row.
      await test.http.get('/api/placements/export?limit=10').set(world.manager.headers).expect(422);
    });
  });

  describe('outflow', () => {
    it("is recorded by an adviser of the pool's organisation, and every earlier record is kept", async () => {
      const { p, base } = world;
      await recordOutflow(test, base.uwvAdviser, p.p5, 'FULL', '2026-12-01').expect(200);
      const changed = (await recordOutflow(test, base.uwvAdviser, p.p5, 'NONE').expect(200)).body;
      expect(changed.current).toMatchObject({
        version: 2,
        outflow: 'NONE',
        benefitChangedOn: null,
        recordedBy: base.uwvAdviser.id,
      });
      expect(changed.history.map((record: Row) => [record.version, record.outflow, record.benefitChangedOn])).toEqual([
        [2, 'NONE', null],
        [1, 'FULL', '2026-12-01'],
      ]);
      const read = await get(`/api/placements/${p.p5}/outflow`, world.manager);
      expect(read.current.version).toBe(2);
      const [{ count }] = await db().query(
        `SELECT count(*)::int AS count FROM audit_log WHERE subject_id = $1 AND purpose = $2`,
        [world.candidateOf[p.p5], `placement ${p.p5}: outflow`],
      );
      expect(count).toBe(3); // two records and one read
    });

    it('is refused to another organisation (404 when it may not see the client, 403 when it may) and for bad days', async () => {
      const { p, base } = world;
      const before = await db().query(`SELECT count(*)::int AS count FROM placement_outflows`);
      // UWV may not see a Bijstand client without consent, nor the municipality a WW client.
      await recordOutflow(test, base.uwvAdviser, p.p7, 'FULL', '2026-04-01').expect(404);
      await recordOutflow(test, base.municipalityAdviser, p.p9, 'FULL', '2026-11-21').expect(404);
      // A staffing-firm adviser sees UWV's clients only under a confidentiality statement; with one
      // they see the client, but the benefit is not theirs to stop.
      const firmAdviser = await createUser(test, [Role.ADVISER], Organisation.STAFFING_FIRM);
      await recordOutflow(test, firmAdviser, p.p9, 'FULL', '2026-11-21').expect(404);
      await recordStatement(test, firmAdviser, { scope: 'UNIT', unitId: base.uwvAdviser.unitId });
      expect((await recordOutflow(test, firmAdviser, p.p9, 'FULL', '2026-11-21').expect(403)).body.code).toBe(
        'NOT_ALLOWED',
      );
      const refused = async (outflow: 'FULL' | 'PARTIAL' | 'NONE', day?: string) =>
        (await recordOutflow(test, base.uwvAdviser, p.p9, outflow, day).expect(422)).body.errors;
      expect(await refused('FULL', '2026-11-19')).toEqual({
        benefitChangedOn: "must not be before the placement's start (2026-11-20)",
      });
      expect(await refused('FULL', '2027-02-23')).toEqual({
        benefitChangedOn: 'must be at most 3 months ahead (2027-02-22)',
      });
      expect(await refused('PARTIAL')).toEqual({
        benefitChangedOn: 'is required: the day the benefit stopped or changed',
      });
      expect(
        (
          await test.http
            .put(`/api/placements/${p.p9}/outflow`)
            .set(base.uwvAdviser.headers)
            .send({ outflow: 'NONE', benefitChangedOn: '2026-12-01' })
            .expect(422)
        ).body.errors,
      ).toEqual({ benefitChangedOn: 'must be left out when the benefit goes on' });
      expect(
        (
          await test.http
            .put(`/api/placements/${p.p9}/outflow`)
            .set(base.uwvAdviser.headers)
            .send({ outflow: 'GONE' })
            .expect(422)
        ).body.errors,
      ).toEqual({ outflow: 'must be one of FULL, PARTIAL, NONE' });
      // An administrator may record for any pool.
      await recordOutflow(test, world.admin, p.p7, 'PARTIAL', '2026-04-01').expect(200);
      const after = await db().query(`SELECT count(*)::int AS count FROM placement_outflows`);
      expect(after[0].count).toBe(before[0].count + 1);
    });
  });

  describe('SROI on vacancies', () => {
    it('needs the tender with the flag, refuses it without, and drops it when the flag goes', async () => {
      const { base } = world;
      const post = (body: Record<string, unknown>) =>
        test.http
          .post('/api/vacancies')
          .set(base.sales.headers)
          .send({
            employerId: base.employerId,
            title: 'Schoonmaker (SROI)',
            hoursMin: 24,
            hoursMax: 32,
            workplacePostcode: '3311 AB',
            startDate: '2026-12-01',
            positions: 1,
            contractType: 'AGENCY',
            ...body,
          });
      expect((await post({ sroi: true }).expect(422)).body.errors).toEqual({
        sroiTenderReference: 'is required for an SROI vacancy',
      });
      expect((await post({ sroiTenderReference: 'AB-1' }).expect(422)).body.errors).toEqual({
        sroiTenderReference: 'applies to an SROI vacancy only (sroi: true)',
      });
      const created = (await post({ sroi: true, sroiTenderReference: '  AB-2026-0173 ' }).expect(201)).body;
      expect([created.sroi, created.sroiTenderReference]).toEqual([true, 'AB-2026-0173']);
      const changed = (
        await test.http
          .patch(`/api/vacancies/${created.id}`)
          .set(base.sales.headers)
          .send({ sroi: false, version: created.version })
          .expect(200)
      ).body;
      expect([changed.sroi, changed.sroiTenderReference]).toEqual([false, null]);
    });
  });
});
