import { DataSource } from 'typeorm';
import { Organisation, Role } from '@identity/organisation';
import { CandidatesService } from '@matching/candidates/candidates.service';
import { SqlParams, statementCoversSql } from '@matching/candidates/visibility';
import { createUser, TestUser } from '@test/support/auth';
import { recordStatement } from '@test/support/confidentiality';
import { startTestApp, TestApp } from '@test/support/test-app';
import { importPlaces } from '../sales/sales-factories';
import { BSNS, makeCandidate } from './candidate-factory';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The WW clients a staffing-firm user's confidentiality statements lend to the ranked list
 * (coveredByStatements, read from the statements down) are exactly those the rule every other read
 * applies (statementCoversSql, tested per client) lets the user see.
 */
describe('WW clients covered by confidentiality statements', () => {
  let test: TestApp;
  let clients: Record<string, string>;
  let unitA: TestUser; // a UWV adviser in unit A
  const db = () => test.app.get(DataSource);

  /** What the rule says, client by client: the reference for the statement-driven read. */
  const byTheRule = async (user: TestUser): Promise<string[]> => {
    const sql = new SqlParams();
    const rows = await db().query<Array<{ id: string }>>(
      `SELECT c.id FROM candidates c WHERE c.pool = 'WW' AND c.erased_at IS NULL AND ${statementCoversSql(user, sql)}`,
      sql.values,
    );
    return rows.map((row) => row.id).sort();
  };
  const covered = async (user: TestUser): Promise<string[]> =>
    [...((await test.app.get(CandidatesService).coveredByStatements(user)) ?? [])].sort();
  const named = (...names: string[]) => names.map((name) => clients[name]).sort();

  beforeAll(async () => {
    test = await startTestApp();
    await importPlaces(test);
    unitA = await createUser(test, [Role.ADVISER], Organisation.UWV, { unitName: 'Unit A' });
    const unitB = await createUser(test, [Role.ADVISER], Organisation.UWV, { unitName: 'Unit B' });
    const municipality = await createUser(test, [Role.ADVISER], Organisation.MUNICIPALITY, { unitName: 'Unit A' });
    const create = async (adviser: TestUser, body: Record<string, unknown>) => {
      const response = await test.http.post('/api/candidates').set(adviser.headers).send(makeCandidate(body));
      if (response.status !== 201) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
      return response.body.id as string;
    };
    const far = inDays(300); // the WW ends long after the Max-WW window (3 months)
    clients = {
      unitAFar: await create(unitA, { pool: 'WW', bsn: BSNS[0], adviserId: unitA.id, wwEndDate: far }),
      unitASoon: await create(unitA, { pool: 'WW', bsn: BSNS[1], adviserId: unitA.id, wwEndDate: inDays(30) }),
      unitBSoon: await create(unitB, { pool: 'WW', bsn: BSNS[2], adviserId: unitB.id, wwEndDate: inDays(45) }),
      invited: await create(unitB, { pool: 'WW', bsn: BSNS[3], adviserId: unitB.id, wwEndDate: far }),
      routed: await create(unitB, { pool: 'WW', bsn: BSNS[4], adviserId: unitB.id, wwEndDate: far }),
      mediated: await create(unitB, { pool: 'WW', bsn: BSNS[5], adviserId: unitB.id, wwEndDate: far }),
      ended: await create(unitB, { pool: 'WW', bsn: '100000046', adviserId: unitB.id, wwEndDate: inDays(-10) }),
      noAdviser: await create(unitB, { pool: 'WW', bsn: '100000058', wwEndDate: far }),
      lapsed: await create(unitB, { pool: 'WW', bsn: '100000101', adviserId: unitB.id, wwEndDate: far }),
      erased: await create(unitA, { pool: 'WW', bsn: '100000071', adviserId: unitA.id, wwEndDate: inDays(20) }),
      bijstand: await create(municipality, { pool: 'BIJSTAND', bsn: '100000083', adviserId: municipality.id }),
    };
    // The Max-WW route's tables belong to the Max-WW module; written here as its fixture.
    const [{ id: meetingId }] = await db().query<Array<{ id: string }>>(
      `INSERT INTO max_ww_meetings (unit_id, starts_at, place, capacity, created_by)
       VALUES ($1, now() + interval '7 days', 'Dordrecht', 15, $2) RETURNING id`,
      [unitB.unitId, unitB.id],
    );
    await db().query(
      `INSERT INTO max_ww_invitations (meeting_id, candidate_id, attempt, channel, invited_on, invited_by)
       VALUES ($1, $2, 1, 'WORK_FOLDER', $3, $4)`,
      [meetingId, clients.invited, inDays(0), unitB.id],
    );
    // Invited to a meeting that was then cancelled: the invitation lapsed, it counts as none (migration 1796670000000).
    const [{ id: cancelledId }] = await db().query<Array<{ id: string }>>(
      `INSERT INTO max_ww_meetings (unit_id, starts_at, place, capacity, created_by, cancelled_at, cancelled_by, cancel_reason)
       VALUES ($1, now() + interval '8 days', 'Zwijndrecht', 15, $2, now(), $2, 'Zaal niet beschikbaar') RETURNING id`,
      [unitB.unitId, unitB.id],
    );
    await db().query(
      `INSERT INTO max_ww_invitations (meeting_id, candidate_id, attempt, channel, invited_on, invited_by, cancelled_at)
       VALUES ($1, $2, 1, 'WORK_FOLDER', $3, $4, now())`,
      [cancelledId, clients.lapsed, inDays(0), unitB.id],
    );
    await db().query(
      `INSERT INTO max_ww_routes (candidate_id, route, basis, decided_by) VALUES ($1, 'UWV_ADVISER', 'TRIAGE', $2)`,
      [clients.routed, unitB.id],
    );
    await db().query(
      `INSERT INTO max_ww_mediations (candidate_id, adviser_id, started_on, client_agreed_on, planned_end_on, created_by)
       VALUES ($1, $2, $3, $3, $4, $2)`,
      [clients.mediated, unitB.id, inDays(-5), inDays(85)],
    );
    const admin = await createUser(test, [Role.ADMIN], Organisation.UWV);
    await test.http.post(`/api/candidates/${clients.erased}/erase`).set(admin.headers).expect(204);
  }, 120_000);
  afterAll(() => test.close());

  const staffingMatcher = () => createUser(test, [Role.MATCHER], Organisation.STAFFING_FIRM);

  it('covers nobody without a statement, and never for users outside the staffing firm', async () => {
    const none = await staffingMatcher();
    expect(await covered(none)).toEqual([]);
    expect(await byTheRule(none)).toEqual([]);
    const uwv = await createUser(test, [Role.MATCHER], Organisation.UWV);
    expect(await test.app.get(CandidatesService).coveredByStatements(uwv)).toBeUndefined();
  });

  it("covers a unit statement's clients through their adviser's unit, not the erased", async () => {
    const matcher = await staffingMatcher();
    await recordStatement(test, matcher, { scope: 'UNIT', unitId: unitA.unitId });
    expect(await covered(matcher)).toEqual(named('unitAFar', 'unitASoon'));
    expect(await covered(matcher)).toEqual(await byTheRule(matcher));
  });

  it('covers the Max-WW programme: the WW ends within the window, or invited, routed or in mediation', async () => {
    // Not the client whose only invitation lapsed with its cancelled meeting (below: by the rule too).
    const matcher = await staffingMatcher();
    await recordStatement(test, matcher, { scope: 'MAX_WW' });
    expect(await covered(matcher)).toEqual(named('unitASoon', 'unitBSoon', 'invited', 'routed', 'mediated'));
    expect(await covered(matcher)).toEqual(await byTheRule(matcher));
  });

  it('covers both scopes together, and nothing once the statements are revoked', async () => {
    const matcher = await staffingMatcher();
    const unitStatement = await recordStatement(test, matcher, { scope: 'UNIT', unitId: unitA.unitId });
    const maxWwStatement = await recordStatement(test, matcher, { scope: 'MAX_WW' });
    expect(await covered(matcher)).toEqual(
      named('unitAFar', 'unitASoon', 'unitBSoon', 'invited', 'routed', 'mediated'),
    );
    expect(await covered(matcher)).toEqual(await byTheRule(matcher));

    const admin = await createUser(test, [Role.ADMIN], Organisation.UWV);
    await test.http.post(`/api/confidentiality-statements/${maxWwStatement}/revoke`).set(admin.headers).expect(200);
    expect(await covered(matcher)).toEqual(named('unitAFar', 'unitASoon'));
    await test.http.post(`/api/confidentiality-statements/${unitStatement}/revoke`).set(admin.headers).expect(200);
    expect(await covered(matcher)).toEqual([]);
    expect(await byTheRule(matcher)).toEqual([]);
  });
});
