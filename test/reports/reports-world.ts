import { DataSource } from 'typeorm';
import { Organisation, Role } from '@identity/organisation';
import { UnitsService } from '@identity/units/units.service';
import { Clock, ManualClock } from '@platform/clock/clock';
import { createUser, TestUser } from '@test/support/auth';
import { recordStatement } from '@test/support/confidentiality';
import { TestApp } from '@test/support/test-app';
import { proposalWorld, ProposalWorld } from '../matching/proposals/proposal-world';

/**
 * A small partnership worked out by hand for the reports. Now is Sunday 22 November 2026, 00:30 Dutch
 * time (23:30 UTC the day before): Q4 2026 (1 October – 31 December, 92 days) has 53 days begun, the
 * year (365 days) 326.
 *
 * | P  | unit | start      | group      | pool     | vacancy | notes                                 |
 * | -- | ---- | ---------- | ---------- | -------- | ------- | ------------------------------------- |
 * | P1 | U1   | 2026-10-05 | WW         | WW       | SROI    | outflow FULL 2026-10-15               |
 * | P2 | U1   | 2026-10-20 | WW         | WW       |         | FIXED_TERM 6; ended 2026-11-10; PARTIAL 2026-11-01 |
 * | P3 | U1   | 2026-11-02 | MAX WW     | WW       |         | PROEFPLAATSING; outflow NONE          |
 * | P4 | U1   | 2026-11-15 | SDD 80-100 | BIJSTAND | SROI    | outflow FULL 2026-11-16               |
 * | P5 | U1   | 2026-12-01 | WW         | WW       |         | registered, starts later in Q4        |
 * | P6 | U1   | 2026-07-10 | WW         | WW       |         | Q3; outflow FULL 2026-10-01           |
 * | P7 | U1   | 2026-03-03 | SDD 50-80  | BIJSTAND |         | Q1                                    |
 * | P8 | U2   | 2026-10-10 | SDD 80-100 | BIJSTAND |         | outflow FULL 2026-11-30 (ahead)       |
 * | P9 | U2   | 2026-11-20 | WAJONG     | WW       | SROI    | no outflow record                     |
 *
 * Every client has a phone number and an e-mail address (that the register must never show). Proposals
 * are all made "now" (22 November, Dutch time) on vacancies of U1; P8 and P9 are moved to U2 afterwards,
 * as is each placement's target group (the candidates themselves are WW, or Bijstand 80-100).
 */
export const NOW = '2026-11-21T23:30:00Z';

export interface ReportsWorld {
  base: ProposalWorld;
  clock: ManualClock;
  u1: string;
  u2: string;
  manager: TestUser;
  admin: TestUser;
  p: Record<'p1' | 'p2' | 'p3' | 'p4' | 'p5' | 'p6' | 'p7' | 'p8' | 'p9', string>;
  candidateOf: Record<string, string>;
}

export async function reportsWorld(test: TestApp): Promise<ReportsWorld> {
  const clock = new ManualClock(NOW);
  jest.spyOn(test.app.get(Clock), 'now').mockImplementation(() => clock.now());
  const base = await proposalWorld(test);
  const db = test.app.get(DataSource);
  const u1 = base.sales.unitId;
  const u2 = (await test.app.get(UnitsService).create({ name: 'Zorg & welzijn', focus: 'care' })).id;
  const manager = await createUser(test, [Role.MANAGER], Organisation.STAFFING_FIRM, { unitId: u1 });
  // Most placed clients are UWV's: the staffing firm's manager reads them in the register under a
  // confidentiality statement for the unit of their UWV adviser.
  await recordStatement(test, manager, { scope: 'UNIT', unitId: base.uwvAdviser.unitId });
  const admin = await createUser(test, [Role.ADMIN], Organisation.STAFFING_FIRM);
  const plain = await base.openVacancy({ positions: 30 });
  const sroi = await base.openVacancy({ positions: 30, sroi: true, sroiTenderReference: 'AB-2026-0173' });
  const candidateOf: Record<string, string> = {};

  const placement = async (
    startDate: string,
    targetGroup: string,
    options: {
      unitId?: string;
      sroi?: boolean;
      pool?: string;
      contract?: Record<string, unknown>;
      instruments?: string[];
    } = {},
  ): Promise<string> => {
    const candidateId = await base.readyCandidate({
      phone: '06 12345678',
      email: `klant.${Object.keys(candidateOf).length}@example.org`,
      ...(options.pool ? { pool: options.pool } : {}),
    });
    const interview = await base.toInterview(options.sroi ? sroi : plain, candidateId);
    const placed = await test.http
      .post('/api/placements')
      .set(base.matcher.headers)
      .send({
        proposalId: interview.id,
        startDate,
        contractType: 'PERMANENT',
        hoursPerWeek: 32,
        instruments: options.instruments ?? [],
        ...options.contract,
      })
      .expect(201);
    const id = (placed.body as { id: string }).id;
    await db.query(`UPDATE placements SET target_group = $2, unit_id = coalesce($3, unit_id) WHERE id = $1`, [
      id,
      targetGroup,
      options.unitId ?? null,
    ]);
    candidateOf[id] = candidateId;
    return id;
  };

  const p = {
    p1: await placement('2026-10-05', 'WW', { sroi: true }),
    p2: await placement('2026-10-20', 'WW', { contract: { contractType: 'FIXED_TERM', contractMonths: 6 } }),
    p3: await placement('2026-11-02', 'MAX WW', { instruments: ['PROEFPLAATSING'] }),
    p4: await placement('2026-11-15', 'SDD 80-100', { sroi: true, pool: 'BIJSTAND' }),
    p5: await placement('2026-12-01', 'WW'),
    p6: await placement('2026-07-10', 'WW'),
    p7: await placement('2026-03-03', 'SDD 50-80', { pool: 'BIJSTAND' }),
    p8: await placement('2026-10-10', 'SDD 80-100', { unitId: u2, pool: 'BIJSTAND' }),
    p9: await placement('2026-11-20', 'WAJONG', { unitId: u2, sroi: true }),
  };
  await test.http
    .post(`/api/placements/${p.p2}/end`)
    .set(base.matcher.headers)
    .send({ endDate: '2026-11-10', reason: 'Contract niet verlengd' })
    .expect(200);
  return { base, clock, u1, u2, manager, admin, p, candidateOf };
}

/** Records an outflow as the pool's adviser would. */
export function recordOutflow(
  test: TestApp,
  user: TestUser,
  placementId: string,
  outflow: 'FULL' | 'PARTIAL' | 'NONE',
  benefitChangedOn?: string,
) {
  return test.http
    .put(`/api/placements/${placementId}/outflow`)
    .set(user.headers)
    .send(benefitChangedOn ? { outflow, benefitChangedOn } : { outflow });
}
