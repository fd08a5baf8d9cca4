import { DataSource } from 'typeorm';
import { Organisation, Role } from '@identity/organisation';
import { UnitsService } from '@identity/units/units.service';
import { Clock, ManualClock } from '@platform/clock/clock';
import { createUser, TestUser } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';
import { proposalWorld, ProposalWorld } from '../matching/proposals/proposal-world';

/**
 * The durability report against a small world worked out by hand. Default offsets (P3M, P6M); now is
 * Sunday 22 November 2026, 00:30 Dutch time (23:30 UTC the day before), so a milestone that falls on
 * 22 November has passed in the Netherlands though not yet in UTC.
 *
 * Placements of unit U unless said otherwise; "C"/"E" is the client's/employer's call; T1 = start + 3
 * months, T2 = start + 6 months (Dutch midnight). Categories: still = stillWorking, stop = stoppedWorking.
 *
 * | P   | start      | group  | end        | milestone 1 calls      | m1      | reached | milestone 2 calls     | m2      | reached |
 * | --- | ---------- | ------ | ---------- | ---------------------- | ------- | ------- | --------------------- | ------- | ------- |
 * | P0  | 2026-04-30 | WW     |            | C STILL_WORKING        | before the period: not counted                                      |
 * | P1  | 2026-05-01 | WW     |            | C STILL_WORKING        | still   | yes     | E AT_RISK             | still   | yes     |
 * | P2  | 2026-05-11 | MAX WW |            | C MISSED, E DUE        | still ¹ | no      | C STILL_WORKING       | still   | yes     |
 * | P3  | 2026-05-12 | WW     | 2026-07-01 | (cancelled)            | stop    | no      | (cancelled)           | stop    | no      |
 * | P4  | 2026-05-15 | MAX WW | 2026-09-30 | C MISSED               | still ² | no      | C LEFT_JOB            | stop    | yes     |
 * | P5  | 2026-05-20 | WW     |            | C MISSED, E DUE        | unknown | no      | C DUE, E DUE          | unknown | no      |
 * | P6  | 2026-05-22 | WW     |            | E STILL_WORKING        | still   | yes     | T2 = 22 Nov 00:00 NL  | unknown | no      |
 * | P7  | 2026-05-23 | WW     |            | C STILL_WORKING        | still   | yes     | T2 = 23 Nov: to come  | pending |         |
 * | P8  | 2026-08-03 | MAX WW | 2026-11-03 | C LEFT_JOB             | still ³ | yes     | T2 in 2027            | pending |         |
 * | P9  | 2026-08-10 | WW     |            | C DUE, E MISSED        | unknown | no      |                       | pending |         |
 * | P10 | 2026-08-31 | WW     |            | T1 = 30 Nov: to come   | pending |         |                       | pending |         |
 * | P11 | 2026-08-12 | SDD 80-100, unit U2 | | C and E STILL_WORKING | still  | yes (once) |                    | pending |         |
 * | P12 | 2026-09-01 | WW     |            |                        | after the period: not counted                                       |
 *
 * ¹ a later milestone's answer says it still ran at T1; ² ended 30 September, after T1 (15 August);
 * ³ ended on the day of T1 (3 November): it still ran at T1.
 *
 * Period 2026-05-01 … 2026-08-31, no filter (P1–P11):
 * - 2026-05 (P1–P7, 7): m1 still 5 (P1 P2 P4 P6 P7), stop 1 (P3), unknown 1 (P5), pending 0, reached 3
 *   (P1 P6 P7) → 5 / 6 = 83.3%; m2 still 2 (P1 P2), stop 2 (P3 P4), unknown 2 (P5 P6), pending 1 (P7),
 *   reached 3 (P1 P2 P4) → 2 / 4 = 50%.
 * - 2026-06 and 2026-07: no placements, zeros and no percentage.
 * - 2026-08 (P8–P11, 4): m1 still 2 (P8 P11), stop 0, unknown 1 (P9), pending 1 (P10), reached 2 (P8 P11)
 *   → 2 / 2 = 100%; m2 pending 4 → no percentage.
 * - total (11): m1 still 7, stop 1, unknown 2, pending 1, reached 5 → 7 / 8 = 87.5%;
 *   m2 still 2, stop 2, unknown 2, pending 5, reached 3 → 2 / 4 = 50%.
 * Unit U2: only P11. Target group MAX WW: P2, P4 (May) and P8 (August).
 */
const NOW = '2026-11-21T23:30:00Z';
const clock = new ManualClock(NOW);

type Party = 'CLIENT' | 'EMPLOYER';

interface MilestoneFigures {
  milestone: number;
  offset: string;
  pending: number;
  reached: number;
  stillWorking: number;
  stoppedWorking: number;
  unknown: number;
  stillWorkingPct: number | null;
}
interface DurabilityReport {
  from: string;
  to: string;
  unit: string | null;
  targetGroup: string | null;
  offsets: string[];
  reference: { source: string; stillWorkingPct: number };
  cohorts: Array<{ month: string; placements: number; milestones: MilestoneFigures[] }>;
  total: { placements: number; milestones: MilestoneFigures[] };
}

/** Figures of one milestone, in the order of the hand computation: still, stop, unknown, pending, reached. */
const figures = (
  milestone: number,
  [stillWorking, stoppedWorking, unknown, pending, reached]: [number, number, number, number, number],
  stillWorkingPct: number | null,
): MilestoneFigures => ({
  milestone,
  offset: milestone === 1 ? 'P3M' : 'P6M',
  pending,
  reached,
  stillWorking,
  stoppedWorking,
  unknown,
  stillWorkingPct,
});
const nothing = [figures(1, [0, 0, 0, 0, 0], null), figures(2, [0, 0, 0, 0, 0], null)];

describe('durability report', () => {
  let test: TestApp;
  let world: ProposalWorld;
  let manager: TestUser;
  let otherUnitId: string;
  let aftersalesId: string;
  let vacancyId: string;
  const db = () => test.app.get(DataSource);

  const report = async (query: string, user = manager): Promise<DurabilityReport> =>
    (await test.http.get(`/api/reports/durability?${query}`).set(user.headers).expect(200)).body as DurabilityReport;

  /** A placement registered over HTTP with this start date, then put in its target group (and unit). */
  const placement = async (startDate: string, targetGroup: string, unitId?: string): Promise<string> => {
    const interview = await world.toInterview(vacancyId, await world.readyCandidate());
    const placed = await test.http
      .post('/api/placements')
      .set(world.matcher.headers)
      .send({ proposalId: interview.id, startDate, contractType: 'PERMANENT', hoursPerWeek: 32, instruments: [] })
      .expect(201);
    const id = (placed.body as { id: string }).id;
    await db().query(`UPDATE placements SET target_group = $2, unit_id = coalesce($3, unit_id) WHERE id = $1`, [
      id,
      targetGroup,
      unitId ?? null,
    ]);
    return id;
  };

  /** Sets a follow-up as the call list would have left it, with the columns its checks require. */
  const call = async (
    placementId: string,
    party: Party,
    milestone: number,
    outcome: 'DUE' | 'MISSED' | 'STILL_WORKING' | 'AT_RISK' | 'LEFT_JOB',
    contactedAt?: string,
  ): Promise<void> => {
    const [status, result] =
      outcome === 'DUE' ? ['DUE', null] : outcome === 'MISSED' ? ['MISSED', 'UNREACHABLE'] : ['DONE', outcome];
    const [, changed]: [unknown, number] = await db().query(
      `UPDATE follow_ups SET status = $4, result = $5::text, dispatched_at = $6,
         contacted_at = CASE WHEN $5::text IS NULL THEN NULL ELSE $6::timestamptz END,
         outcome_by = CASE WHEN $5::text IS NULL THEN NULL ELSE $7::uuid END
       WHERE placement_id = $1 AND party = $2 AND milestone = $3`,
      [placementId, party, milestone, status, result, contactedAt ?? NOW, aftersalesId],
    );
    if (changed !== 1) throw new Error(`no follow-up ${party} ${milestone} for ${placementId}`);
  };

  /** Ends the placement through the API, which cancels its follow-ups still open. */
  const end = (placementId: string, endDate: string) =>
    test.http
      .post(`/api/placements/${placementId}/end`)
      .set(world.matcher.headers)
      .send({ endDate, reason: 'Contract niet verlengd' })
      .expect(200);

  beforeAll(async () => {
    test = await startTestApp();
    jest.spyOn(test.app.get(Clock), 'now').mockImplementation(() => clock.now());
    world = await proposalWorld(test);
    manager = await createUser(test, [Role.MANAGER], Organisation.STAFFING_FIRM, { unitId: world.sales.unitId });
    aftersalesId = (await createUser(test, [Role.AFTERSALES], Organisation.STAFFING_FIRM)).id;
    otherUnitId = (await test.app.get(UnitsService).create({ name: 'Zorg', focus: 'care' })).id;
    vacancyId = await world.openVacancy({ positions: 20 });

    const p0 = await placement('2026-04-30', 'WW');
    await call(p0, 'CLIENT', 1, 'STILL_WORKING', '2026-07-30T09:00:00Z');

    const p1 = await placement('2026-05-01', 'WW');
    await call(p1, 'CLIENT', 1, 'STILL_WORKING', '2026-08-03T09:00:00Z');
    await call(p1, 'EMPLOYER', 2, 'AT_RISK', '2026-11-02T09:00:00Z');

    const p2 = await placement('2026-05-11', 'MAX WW');
    await call(p2, 'CLIENT', 1, 'MISSED', '2026-08-20T09:00:00Z');
    await call(p2, 'EMPLOYER', 1, 'DUE');
    await call(p2, 'CLIENT', 2, 'STILL_WORKING', '2026-11-12T09:00:00Z');

    const p3 = await placement('2026-05-12', 'WW');
    await end(p3, '2026-07-01');

    const p4 = await placement('2026-05-15', 'MAX WW');
    await call(p4, 'CLIENT', 1, 'MISSED', '2026-08-25T09:00:00Z');
    await call(p4, 'CLIENT', 2, 'LEFT_JOB', '2026-11-16T09:00:00Z');
    await end(p4, '2026-09-30');

    const p5 = await placement('2026-05-20', 'WW');
    await call(p5, 'CLIENT', 1, 'MISSED', '2026-08-28T09:00:00Z');
    await call(p5, 'EMPLOYER', 1, 'DUE');
    await call(p5, 'CLIENT', 2, 'DUE');
    await call(p5, 'EMPLOYER', 2, 'DUE');

    const p6 = await placement('2026-05-22', 'WW');
    await call(p6, 'EMPLOYER', 1, 'STILL_WORKING', '2026-08-24T09:00:00Z');

    const p7 = await placement('2026-05-23', 'WW');
    await call(p7, 'CLIENT', 1, 'STILL_WORKING', '2026-08-24T09:00:00Z');

    const p8 = await placement('2026-08-03', 'MAX WW');
    await call(p8, 'CLIENT', 1, 'LEFT_JOB', '2026-11-04T09:00:00Z');
    await end(p8, '2026-11-03');

    const p9 = await placement('2026-08-10', 'WW');
    await call(p9, 'CLIENT', 1, 'DUE');
    await call(p9, 'EMPLOYER', 1, 'MISSED', '2026-11-13T09:00:00Z');

    await placement('2026-08-31', 'WW'); // P10

    const p11 = await placement('2026-08-12', 'SDD 80-100', otherUnitId);
    await call(p11, 'CLIENT', 1, 'STILL_WORKING', '2026-11-12T09:00:00Z');
    await call(p11, 'EMPLOYER', 1, 'STILL_WORKING', '2026-11-12T10:00:00Z');

    await placement('2026-09-01', 'WW'); // P12
  }, 180_000);
  afterAll(() => test.close());

  it('counts each start-month cohort by milestone as worked out by hand, and the total from the sums', async () => {
    const body = await report('from=2026-05-01&to=2026-08-31');
    expect(body).toEqual({
      from: '2026-05-01',
      to: '2026-08-31',
      unit: null,
      targetGroup: null,
      offsets: ['P3M', 'P6M'],
      reference: { source: 'Drechtsteden', stillWorkingPct: 80 },
      cohorts: [
        {
          month: '2026-05',
          placements: 7,
          // [still, stop, unknown, pending, reached]
          milestones: [figures(1, [5, 1, 1, 0, 3], 83.3), figures(2, [2, 2, 2, 1, 3], 50)],
        },
        { month: '2026-06', placements: 0, milestones: nothing },
        { month: '2026-07', placements: 0, milestones: nothing },
        {
          month: '2026-08',
          placements: 4,
          milestones: [figures(1, [2, 0, 1, 1, 2], 100), figures(2, [0, 0, 0, 4, 0], null)],
        },
      ],
      total: {
        placements: 11,
        milestones: [figures(1, [7, 1, 2, 1, 5], 87.5), figures(2, [2, 2, 2, 5, 3], 50)],
      },
    });
  });

  it('counts a milestone as passed from its Dutch midnight, not UTC midnight', async () => {
    // P6 (T2 = 22 November) and P7 (T2 = 23 November) alone. At 00:30 Dutch time on the 22nd (still the
    // 21st in UTC) P6's T2 has passed: unknown, since nobody called yet; P7's is to come.
    const after = await report('from=2026-05-22&to=2026-05-23');
    expect(after.total.milestones[1]).toEqual(figures(2, [0, 0, 1, 1, 0], null));
    // A minute before Dutch midnight both are still to come.
    clock.set('2026-11-21T22:59:00Z');
    try {
      const before = await report('from=2026-05-22&to=2026-05-23');
      expect(before.total.milestones[1]).toEqual(figures(2, [0, 0, 0, 2, 0], null));
    } finally {
      clock.set(NOW);
    }
  });

  it("filters by the placement's unit", async () => {
    const body = await report(`from=2026-05-01&to=2026-08-31&unit=${otherUnitId}`);
    expect(body.unit).toBe(otherUnitId);
    expect(body.cohorts.map((cohort) => [cohort.month, cohort.placements])).toEqual([
      ['2026-05', 0],
      ['2026-06', 0],
      ['2026-07', 0],
      ['2026-08', 1],
    ]);
    // P11 only: reached by both calls, counted once.
    expect(body.total).toEqual({
      placements: 1,
      milestones: [figures(1, [1, 0, 0, 0, 1], 100), figures(2, [0, 0, 0, 1, 0], null)],
    });
  });

  it('filters by target group', async () => {
    const body = await report(`from=2026-05-01&to=2026-08-31&targetGroup=${encodeURIComponent('MAX WW')}`);
    expect(body.targetGroup).toBe('MAX WW');
    // May: P2 (still at both) and P4 (still at T1, stopped before T2); August: P8 (still at T1, T2 to come).
    expect(body.cohorts[0]).toEqual({
      month: '2026-05',
      placements: 2,
      milestones: [figures(1, [2, 0, 0, 0, 0], 100), figures(2, [1, 1, 0, 0, 2], 50)],
    });
    expect(body.total).toEqual({
      placements: 3,
      milestones: [figures(1, [3, 0, 0, 0, 1], 100), figures(2, [1, 1, 0, 1, 2], 50)],
    });
  });

  it('refuses a bad period, unit or target group with 422 and says which field', async () => {
    const refused = async (query: string): Promise<Record<string, string>> => {
      const response = await test.http.get(`/api/reports/durability?${query}`).set(manager.headers).expect(422);
      return (response.body as { errors: Record<string, string> }).errors;
    };
    expect(await refused('from=2026-06-01&to=2026-05-31')).toEqual({ to: 'must not be before from' });
    expect(await refused('from=2026-02-30&to=2026-05-31')).toEqual({ from: 'must be a real calendar date' });
    expect(await refused('from=2026-01-01T00:00:00Z&to=2026-05-31')).toEqual({ from: 'must be a date (YYYY-MM-DD)' });
    // A missing from is 1 January of the year of to: a to in an earlier year than from is refused.
    expect(await refused('from=2026-01-01&to=2025-05-31')).toEqual({ to: 'must not be before from' });
    expect(await refused('from=2020-01-01&to=2026-12-31')).toEqual({
      to: 'must be less than 5 years after from (before 2025-01-01)',
    });
    expect(await refused('from=2026-01-01&to=2026-12-31&unit=zorg')).toEqual({ unit: 'must be a unit id' });
    expect(await refused('from=2026-01-01&to=2026-12-31&targetGroup=BIJSTAND')).toEqual({
      targetGroup: 'must be one of WW, MAX WW, WAJONG, SDD 80-100, SDD 50-80',
    });
  });

  it('answers for this calendar year up to today (Dutch time) without from and to', async () => {
    // Now is 22 November 2026 in the Netherlands: 2026-01-01 … 2026-11-22, P0–P12 (13 placements).
    const body = await report('');
    expect([body.from, body.to, body.total.placements, body.cohorts.length]).toEqual([
      '2026-01-01',
      '2026-11-22',
      13,
      11,
    ]);
    // Only to: from is 1 January of that year.
    const may = await report('to=2026-05-31');
    expect([may.from, may.to, may.total.placements]).toEqual(['2026-01-01', '2026-05-31', 8]);
  });

  it('is for managers and admins: a matcher or aftersales user gets 403', async () => {
    const admin = await createUser(test, [Role.ADMIN]);
    await report('from=2026-05-01&to=2026-08-31', admin);
    for (const role of [Role.MATCHER, Role.AFTERSALES]) {
      const user = await createUser(test, [role]);
      await test.http.get('/api/reports/durability?from=2026-05-01&to=2026-08-31').set(user.headers).expect(403);
    }
  });
});
