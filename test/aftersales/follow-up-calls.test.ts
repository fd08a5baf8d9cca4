import { DataSource } from 'typeorm';
import { Organisation, Role } from '@identity/organisation';
import { createUser, TestUser } from '@test/support/auth';
import { recordStatement } from '@test/support/confidentiality';
import { startTestApp, TestApp } from '@test/support/test-app';
import { proposalWorld, ProposalWorld } from '../matching/proposals/proposal-world';
import { callList, todayInUtc } from './call-list';

/** The call list and outcomes over HTTP; milestone 1 comes due in a second, milestone 2 in an hour. */
describe('follow-up call list and outcomes', () => {
  let test: TestApp;
  let world: ProposalWorld;
  let aftersales: TestUser;
  let colleague: TestUser;
  let otherUnit: TestUser;
  let calls: ReturnType<typeof callList>;
  const today = todayInUtc;
  const db = () => test.app.get(DataSource);
  const placedAndDue = () => calls.placedAndDue();
  const list = (user: TestUser, query?: string) => calls.list(user, query);
  const callsOf = (user: TestUser, placementId: string, query?: string) => calls.callsOf(user, placementId, query);
  const outcome = (user: TestUser, id: string, body: Record<string, unknown>) => calls.outcome(user, id, body);
  const statuses = (placementId: string) => calls.statuses(placementId);

  beforeAll(async () => {
    test = await startTestApp({ FOLLOW_UP_OFFSETS: 'PT1S,PT1H', FOLLOW_UP_RECONCILE_SECONDS: '1' });
    world = await proposalWorld(test);
    calls = callList(test, world);
    // The vacancies, and so the placements, belong to the sales user's unit.
    aftersales = await createUser(test, [Role.AFTERSALES], Organisation.STAFFING_FIRM, { unitId: world.sales.unitId });
    colleague = await createUser(test, [Role.AFTERSALES], Organisation.STAFFING_FIRM, { unitId: world.sales.unitId });
    otherUnit = await createUser(test, [Role.AFTERSALES], Organisation.STAFFING_FIRM, { unitName: 'Elders' });
    // The placed clients are UWV's: the staffing firm's aftersales call them under a confidentiality
    // statement; the other unit's user signed one too, so what keeps them out below is the unit.
    for (const user of [aftersales, colleague, otherUnit]) {
      await recordStatement(test, user, { scope: 'UNIT', unitId: world.uwvAdviser.unitId });
    }
  }, 120_000);
  afterAll(() => test.close());

  it("lists the unit's DUE calls, overdue first, then by due moment; other units see none", async () => {
    const first = await placedAndDue();
    const second = await placedAndDue();
    // The second placement's client call was due yesterday: overdue, so it heads the list.
    await db().query(
      `UPDATE follow_ups SET due_at = due_at - interval '1 day', dispatched_at = dispatched_at - interval '1 day'
       WHERE placement_id = $1 AND party = 'CLIENT' AND milestone = 1`,
      [second.id],
    );
    const calls = (await list(aftersales)).filter((call) => [first.id, second.id].includes(call.placementId));
    expect(calls.map((call) => [call.placementId, call.party, call.overdue])).toEqual([
      [second.id, 'CLIENT', true],
      [first.id, expect.any(String), false],
      [first.id, expect.any(String), false],
      [second.id, 'EMPLOYER', false],
    ]);
    const dueMoments = calls.slice(1).map((call) => call.dueAt);
    expect([...dueMoments].sort()).toEqual(dueMoments);
    // Milestone 2 is an hour away: PLANNED, not on the DUE list.
    expect(calls.every((call) => call.milestone === 1 && call.status === 'DUE')).toBe(true);
    expect(await list(otherUnit)).toEqual([]);
  }, 40_000);

  it('lets one aftersales user claim a call; assignee=me lists it, a colleague cannot take it', async () => {
    const placement = await placedAndDue();
    const [call] = await callsOf(aftersales, placement.id);
    expect(await callsOf(aftersales, placement.id, 'status=DUE&assignee=me')).toEqual([]);

    const claimed = await test.http.post(`/api/follow-ups/${call.id}/claim`).set(aftersales.headers).expect(200);
    expect(claimed.body).toMatchObject({ id: call.id, assigneeId: aftersales.id });
    expect((await callsOf(aftersales, placement.id, 'status=DUE&assignee=me')).map((c) => c.id)).toEqual([call.id]);

    const taken = await test.http.post(`/api/follow-ups/${call.id}/claim`).set(colleague.headers).expect(409);
    expect(taken.body.code).toBe('FOLLOW_UP_CLAIMED');
    expect(
      (await outcome(colleague, call.id, { result: 'STILL_WORKING', contactedAt: new Date().toISOString() })).status,
    ).toBe(409);
    await test.http.post(`/api/follow-ups/${call.id}/claim`).set(otherUnit.headers).expect(404);
  }, 30_000);

  it('records STILL_WORKING once: the call is DONE, the placement runs on, a second outcome is refused', async () => {
    const placement = await placedAndDue();
    const [call] = await callsOf(aftersales, placement.id);
    const contactedAt = new Date(Date.now() - 60_000).toISOString();

    const done = await outcome(aftersales, call.id, { result: 'STILL_WORKING', contactedAt, note: 'Gaat goed' }).expect(
      200,
    );
    expect(done.body).toMatchObject({ status: 'DONE', result: 'STILL_WORKING', contactedAt });
    expect((await callsOf(aftersales, placement.id)).map((c) => c.id)).not.toContain(call.id);
    expect((await callsOf(aftersales, placement.id, 'status=DONE&assignee=unit')).map((c) => c.id)).toEqual([call.id]);

    const again = await outcome(aftersales, call.id, { result: 'STILL_WORKING', contactedAt }).expect(409);
    expect(again.body.code).toBe('FOLLOW_UP_NOT_DUE');
    const view = await test.http.get(`/api/placements/${placement.id}`).set(aftersales.headers).expect(200);
    expect(view.body.endDate).toBeNull();
    expect(await statuses(placement.id)).toEqual(['DONE', 'DUE', 'PLANNED', 'PLANNED']);
  }, 30_000);

  it('refuses an outcome for a call not yet due, and a contact in the future', async () => {
    const placement = await placedAndDue();
    const [planned]: Array<{ id: string }> = await db().query(
      `SELECT id FROM follow_ups WHERE placement_id = $1 AND status = 'PLANNED' LIMIT 1`,
      [placement.id],
    );
    const early = await outcome(aftersales, planned.id, {
      result: 'STILL_WORKING',
      contactedAt: new Date().toISOString(),
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('FOLLOW_UP_NOT_DUE');
    const [call] = await callsOf(aftersales, placement.id);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await outcome(aftersales, call.id, { result: 'STILL_WORKING', contactedAt: future })).status).toBe(422);
    expect(await statuses(placement.id)).toEqual(['DUE', 'DUE', 'PLANNED', 'PLANNED']);
  }, 30_000);

  it('records LEFT_JOB: the placement ends, the client is ACTIVE again, the other follow-ups are cancelled', async () => {
    const placement = await placedAndDue();
    const [call] = await callsOf(aftersales, placement.id);
    const contactedAt = new Date().toISOString();

    // LEFT_JOB needs the last day and the reason; without them nothing changes.
    const incomplete = await outcome(aftersales, call.id, { result: 'LEFT_JOB', contactedAt }).expect(422);
    expect(Object.keys(incomplete.body.errors ?? {}).sort()).toEqual(['endDate', 'note']);
    expect(await statuses(placement.id)).toEqual(['DUE', 'DUE', 'PLANNED', 'PLANNED']);

    const done = await outcome(aftersales, call.id, {
      result: 'LEFT_JOB',
      contactedAt,
      endDate: today(),
      note: 'Contract opgezegd in de proeftijd',
    }).expect(200);
    expect(done.body).toMatchObject({ status: 'DONE', result: 'LEFT_JOB' });

    const view = await test.http.get(`/api/placements/${placement.id}`).set(aftersales.headers).expect(200);
    expect(view.body).toMatchObject({ endDate: today(), endReason: 'Contract opgezegd in de proeftijd' });
    const candidate = await test.http
      .get(`/api/candidates/${placement.candidateId}`)
      .set(world.uwvAdviser.headers)
      .expect(200);
    expect(candidate.body.status).toBe('ACTIVE');
    const rows: Array<{ id: string; status: string }> = await db().query(
      `SELECT id, status FROM follow_ups WHERE placement_id = $1`,
      [placement.id],
    );
    expect(rows.map((row) => (row.id === call.id ? 'this' : row.status)).sort()).toEqual([
      'CANCELLED',
      'CANCELLED',
      'CANCELLED',
      'this',
    ]);
  }, 30_000);

  it('assigns a call to a colleague of the unit, also one claimed, and puts it back on the unit list', async () => {
    const placement = await placedAndDue();
    const [call] = await callsOf(aftersales, placement.id);
    await test.http.post(`/api/follow-ups/${call.id}/claim`).set(aftersales.headers).expect(200);
    const assign = (user: TestUser, assigneeId: string | null) =>
      test.http.post(`/api/follow-ups/${call.id}/assign`).set(user.headers).send({ assigneeId });

    // Only an aftersales user of the follow-up's unit can take it; nothing changes otherwise.
    const elsewhere = await assign(aftersales, otherUnit.id).expect(422);
    expect(elsewhere.body.errors).toEqual({ assigneeId: "must be an active aftersales user of the follow-up's unit" });
    expect((await assign(aftersales, world.matcher.id).expect(422)).body.errors.assigneeId).toBeDefined();
    await assign(otherUnit, colleague.id).expect(404);
    expect((await callsOf(aftersales, placement.id, 'status=DUE&assignee=me')).map((c) => c.id)).toEqual([call.id]);

    expect((await assign(aftersales, colleague.id).expect(200)).body.assigneeId).toBe(colleague.id);
    expect((await callsOf(colleague, placement.id, 'status=DUE&assignee=me')).map((c) => c.id)).toEqual([call.id]);
    expect(await callsOf(aftersales, placement.id, 'status=DUE&assignee=me')).toEqual([]);
    expect((await assign(colleague, null).expect(200)).body.assigneeId).toBeNull();
    await outcome(aftersales, call.id, { result: 'STILL_WORKING', contactedAt: new Date().toISOString() }).expect(200);
    expect((await assign(aftersales, colleague.id).expect(409)).body.code).toBe('FOLLOW_UP_NOT_DUE');
  }, 30_000);

  it("names the unit's active aftersales users to assign to, and opens a call only within the unit", async () => {
    const callers = (await test.http.get('/api/follow-ups/callers').set(aftersales.headers).expect(200)).body as Array<{
      id: string;
      name: string;
    }>;
    expect(callers.map((caller) => caller.id).sort()).toEqual([aftersales.id, colleague.id].sort());
    expect(callers.map((caller) => caller.name)).toEqual([...callers.map((caller) => caller.name)].sort());
    const elsewhere = (await test.http.get('/api/follow-ups/callers').set(otherUnit.headers).expect(200)).body;
    expect(elsewhere).toEqual([{ id: otherUnit.id, name: 'Test AFTERSALES' }]);

    const placement = await placedAndDue();
    const [call] = await callsOf(aftersales, placement.id);
    const opened = await test.http.get(`/api/follow-ups/${call.id}`).set(aftersales.headers).expect(200);
    expect(opened.body).toEqual(call);
    expect((await test.http.get(`/api/follow-ups/${call.id}`).set(otherUnit.headers).expect(404)).body.code).toBe(
      'FOLLOW_UP_NOT_FOUND',
    );
  }, 30_000);
});
