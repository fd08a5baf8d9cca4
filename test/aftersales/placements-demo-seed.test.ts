import { DataSource } from 'typeorm';
import { FollowUpsDemoSeeder } from '@aftersales/follow-ups/follow-ups-demo-seeder';
import { PlacementsDemoSeeder } from '@aftersales/placements/placements-demo-seeder';
import { IdentityDemoSeeder } from '@identity/cli/demo-seeder';
import { demoEmail } from '@identity/cli/demo-users';
import { Organisation, Role } from '@identity/organisation';
import { UsersService } from '@identity/users/users.service';
import { CandidatesDemoSeeder } from '@matching/candidates/candidates-demo-seeder';
import { SalesDemoSeeder } from '@sales/sales-demo.seeder';
import { startTestApp, TestApp } from '@test/support/test-app';
import { importPlaces } from '../sales/sales-factories';

describe('demo proposals and placements', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp();
    await importPlaces(test);
  }, 120_000);
  afterAll(() => test.close());

  it('spreads proposals and placements over the past year, once', async () => {
    const identity = await test.app.get(IdentityDemoSeeder).seed('demo-password-2026');
    const accountManager = await test.app
      .get(UsersService)
      .findByEmail(demoEmail(Role.SALES, Organisation.STAFFING_FIRM));
    await test.app.get(SalesDemoSeeder).seed(identity.unitIds, accountManager!.id);
    await test.app.get(CandidatesDemoSeeder).seed();

    const seeder = test.app.get(PlacementsDemoSeeder);
    const first = await seeder.seed();
    expect(first).toMatchObject({ existing: false });
    if ('skipped' in first) throw new Error(first.skipped);
    expect(first.proposals).toBeGreaterThan(10);
    expect(first.placements).toBeGreaterThan(0);

    const db = test.app.get(DataSource);
    const [spread]: Array<{ oldest: number; newest: number; placements: number }> = await db.query(
      `SELECT max(now()::date - proposed_at::date) AS oldest, min(now()::date - proposed_at::date) AS newest,
              (SELECT count(*)::int FROM placements) AS placements
       FROM proposals WHERE proposed_at IS NOT NULL`,
    );
    expect(spread.newest).toBeGreaterThanOrEqual(14);
    expect(spread.oldest).toBeLessThanOrEqual(354);
    expect(spread.oldest - spread.newest).toBeGreaterThan(60);
    expect(spread.placements).toBe(first.placements);

    // Every seeded vacancy keeps a position open, so the demo still has vacancies to match.
    const [{ filled }]: Array<{ filled: number }> = await db.query(
      `SELECT count(*)::int AS filled FROM vacancies WHERE status = 'FILLED'`,
    );
    expect(filled).toBe(0);

    // The follow-ups count from the (moved) start date, so the older ones are overdue (DUE once the
    // reconciler ran, PLANNED until then). Started ≥ 14 days
    // after the moved registration, each is due at start + offset, Dutch midnight.
    const [followUps]: Array<{ open: number; overdue: number; offStart: number }> = await db.query(
      `SELECT count(*)::int AS open, count(*) FILTER (WHERE f.due_at < now())::int AS overdue,
              count(*) FILTER (WHERE f.due_at <> (pl.start_date::timestamp + f.offset_iso::interval)
                                                   AT TIME ZONE 'Europe/Amsterdam')::int AS "offStart"
       FROM follow_ups f JOIN placements pl ON pl.id = f.placement_id WHERE f.status IN ('PLANNED', 'DUE')`,
    );
    expect(followUps.open).toBeGreaterThan(0);
    expect(followUps.overdue).toBeGreaterThan(0);
    expect(followUps.offStart).toBe(0);

    // Aftersales work: calls due today, overdue ones still open, and older ones answered.
    const calls = await test.app.get(FollowUpsDemoSeeder).seed();
    if (!('outcomes' in calls)) throw new Error(JSON.stringify(calls));
    const [work]: Array<{ dueToday: number; overdue: number; done: number; working: number; answered: number }> =
      await db.query(
        // Today, or up to 3 days ago on the 29th to 31st, which no start date + P3M reaches.
        `SELECT count(*) FILTER (WHERE status = 'DUE' AND (due_at AT TIME ZONE 'Europe/Amsterdam')::date
                                   BETWEEN (now() AT TIME ZONE 'Europe/Amsterdam')::date - 3
                                       AND (now() AT TIME ZONE 'Europe/Amsterdam')::date)::int AS "dueToday",
                count(*) FILTER (WHERE status = 'DUE' AND due_at < date_trunc('day', now()))::int AS overdue,
                count(*) FILTER (WHERE status IN ('DONE', 'MISSED'))::int AS done,
                count(*) FILTER (WHERE result IN ('STILL_WORKING', 'AT_RISK'))::int AS working,
                count(*) FILTER (WHERE status = 'DONE')::int AS answered
         FROM follow_ups`,
      );
    expect(calls.dueToday).toBeGreaterThan(0);
    expect(work.dueToday).toBeGreaterThan(0);
    expect(work.overdue).toBeGreaterThan(0);
    expect(work.done).toBeGreaterThan(0);
    expect(work.working / work.answered).toBeGreaterThan(0.6);
    expect(await test.app.get(FollowUpsDemoSeeder).seed()).toEqual({ existing: expect.any(Number) });

    const second = await seeder.seed();
    expect(second).toMatchObject({ existing: true, proposals: first.proposals });
    const [{ count }]: Array<{ count: number }> = await db.query(`SELECT count(*)::int AS count FROM placements`);
    expect(count).toBe(first.placements);
  }, 180_000);
});
