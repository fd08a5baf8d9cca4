import { DataSource } from 'typeorm';
import { FollowUpsDemoSeeder } from '@aftersales/follow-ups/follow-ups-demo-seeder';
import { PlacementsDemoSeeder } from '@aftersales/placements/placements-demo-seeder';
import { PlacementsHistoryDemoSeeder } from '@aftersales/placements/placements-history-demo-seeder';
import { IdentityDemoSeeder } from '@identity/cli/demo-seeder';
import { demoEmail } from '@identity/cli/demo-users';
import { Organisation, Role } from '@identity/organisation';
import { UsersService } from '@identity/users/users.service';
import { CandidatesDemoSeeder } from '@matching/candidates/candidates-demo-seeder';
import { TargetsDemoSeeder } from '@reports/targets/targets-demo-seeder';
import { SalesDemoSeeder } from '@sales/sales-demo.seeder';
import { startTestApp, TestApp } from '@test/support/test-app';
import { importPlaces } from '../sales/sales-factories';

/** seed:demo as the CLI runs it, in its order. */
async function seedDemo(test: TestApp): Promise<void> {
  const identity = await test.app.get(IdentityDemoSeeder).seed('demo-password-2026');
  const accountManager = await test.app
    .get(UsersService)
    .findByEmail(demoEmail(Role.SALES, Organisation.STAFFING_FIRM));
  await test.app.get(SalesDemoSeeder).seed(identity.unitIds, accountManager!.id);
  await test.app.get(CandidatesDemoSeeder).seed();
  await test.app.get(PlacementsDemoSeeder).seed();
  await test.app.get(PlacementsHistoryDemoSeeder).seed();
  await test.app.get(FollowUpsDemoSeeder).seed();
  await test.app.get(TargetsDemoSeeder).seed();
}

const COUNTS = `SELECT (SELECT count(*) FROM placements)::int AS placements, (SELECT count(*) FROM proposals)::int AS proposals,
  (SELECT count(*) FROM follow_up_calls)::int AS calls, (SELECT count(*) FROM placement_outflows)::int AS outflows,
  (SELECT count(*) FROM unit_targets)::int AS targets, (SELECT count(*) FROM vacancies)::int AS vacancies,
  (SELECT count(*) FROM candidates)::int AS candidates`;

describe('demo year for the dashboards', () => {
  let test: TestApp;
  let headers: Record<string, string>;
  const db = () => test.app.get(DataSource);
  beforeAll(async () => {
    test = await startTestApp();
    await importPlaces(test);
    await seedDemo(test);
    const login = await test.http
      .post('/api/auth/login')
      .send({ email: demoEmail(Role.MANAGER, Organisation.STAFFING_FIRM), password: 'demo-password-2026' })
      .expect(200);
    headers = { Authorization: `Bearer ${login.body.accessToken}` };
  }, 300_000);
  afterAll(() => test.close());

  it('has a few hundred placements of both units over the past twelve months and every target group', async () => {
    const dashboard = (await test.http.get('/api/reports/dashboard').set(headers).expect(200)).body;
    const [spread] = await db().query(
      `SELECT count(*)::int AS placements, count(DISTINCT unit_id)::int AS units,
              count(DISTINCT to_char(start_date, 'YYYY-MM'))::int AS months, count(DISTINCT target_group)::int AS groups
       FROM placements WHERE start_date > now()::date - 366`,
    );
    expect(spread.placements).toBeGreaterThanOrEqual(200);
    expect(spread.placements).toBeLessThanOrEqual(400);
    expect([spread.units, spread.groups]).toEqual([2, 5]);
    expect(spread.months).toBeGreaterThanOrEqual(12);
    expect(dashboard.placements.total.total).toBeGreaterThan(0);
  });

  it('shows SROI at 10–15%, durability near 80%, outflow, and about two to three proposals per placement', async () => {
    const year = (
      await test.http
        .get(`/api/reports/dashboard?from=${new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10)}`)
        .set(headers)
        .expect(200)
    ).body;
    expect(year.placements.total.sroi.band).toBe('WITHIN');
    for (const milestone of year.durability.total.milestones) {
      expect(milestone.stillWorkingPct).toBeGreaterThanOrEqual(70);
      expect(milestone.stillWorkingPct).toBeLessThanOrEqual(90);
    }
    expect(year.outflow.total.full).toBeGreaterThan(50);
    expect(year.outflow.total.partial).toBeGreaterThan(10);
    expect(year.proposalQuality.total.proposalsPerPlacement).toBeGreaterThan(1.5);
    expect(year.proposalQuality.total.proposalsPerPlacement).toBeLessThan(3.5);
    expect(year.proposalQuality.perMatcher.length).toBeGreaterThanOrEqual(3);
  });

  it('has a target for every unit and quarter of the past year, with its who and when', async () => {
    const targets = (await test.http.get('/api/targets').set(headers).expect(200)).body;
    expect(targets.units).toHaveLength(2);
    for (const unit of targets.units) {
      expect(unit.target).toMatchObject({ placements: expect.any(Number), setBy: { name: 'Manager Staffing firm' } });
      expect(unit.target.byTargetGroup.length).toBeGreaterThan(0);
      expect(unit.previous.target).toEqual(expect.any(Number));
      expect(unit.previous.counted).toBeGreaterThan(0);
    }
  });

  it('opens each demo vacancy before its first proposal, so days open fit the placements', async () => {
    const [{ misfits }] = await db().query(
      `SELECT count(*)::int AS misfits FROM vacancies v
       WHERE v.opened_at > (SELECT min(p.created_at) FROM proposals p WHERE p.vacancy_id = v.id)`,
    );
    expect(misfits).toBe(0);
    const units = (await test.http.get('/api/units').set(headers).expect(200)).body as Array<{ id: string }>;
    const open = (await test.http.get(`/api/vacancies/open?unitId=${units[0].id}`).set(headers).expect(200)).body;
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((vacancy: { daysOpen: number }) => vacancy.daysOpen > 0)).toBe(true);
    expect(Math.max(...open.map((vacancy: { daysOpen: number }) => vacancy.daysOpen))).toBeGreaterThan(30);
  });

  it('changes nothing when run again', async () => {
    const before = await db().query(COUNTS);
    await seedDemo(test);
    expect(await db().query(COUNTS)).toEqual(before);
  }, 120_000);
});
