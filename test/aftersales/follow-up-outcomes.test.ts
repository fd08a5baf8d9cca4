import { Organisation, Role } from '@identity/organisation';
import { createUser, TestUser } from '@test/support/auth';
import { recordStatement } from '@test/support/confidentiality';
import { startTestApp, TestApp } from '@test/support/test-app';
import { proposalWorld, ProposalWorld } from '../matching/proposals/proposal-world';
import { CallDto, callList, todayInUtc } from './call-list';

interface MessageDto {
  id: string;
  kind: string;
  candidateId: string;
  candidateName: string;
  placementId: string;
  followUpId: string | null;
  reason: string | null;
  endDate: string | null;
  readAt: string | null;
}

interface PickUpDto {
  id: string;
  candidateId: string;
  candidateName: string;
  placementId: string;
  status: string;
  endDate: string;
  endReason: string;
}

/**
 * Every outcome of a follow-up call over HTTP, and what follows from it: the adviser's message, the
 * retry of an unanswered call until it is MISSED, and the client picked up again after LEFT_JOB.
 * Milestone 1 comes due a second after registration, a retry a second after the unanswered call.
 */
describe('follow-up outcomes', () => {
  let test: TestApp;
  let world: ProposalWorld;
  let aftersales: TestUser;
  let municipalAftersales: TestUser;
  let calls: ReturnType<typeof callList>;
  const now = () => new Date().toISOString();

  const messagesOf = async (user: TestUser, query = ''): Promise<MessageDto[]> =>
    (await test.http.get(`/api/advisers/me/messages${query}`).set(user.headers).expect(200)).body as MessageDto[];
  const pickUps = async (user: TestUser): Promise<PickUpDto[]> =>
    (await test.http.get('/api/pick-ups').set(user.headers).expect(200)).body as PickUpDto[];
  const auditCount = async (actorId: string, subjectId: string, action: string): Promise<number> => {
    const [{ count }]: Array<{ count: number }> = await calls
      .db()
      .query(`SELECT count(*)::int AS count FROM audit_log WHERE actor_id = $1 AND subject_id = $2 AND action = $3`, [
        actorId,
        subjectId,
        action,
      ]);
    return count;
  };
  const clientCall = async (placementId: string) =>
    (await calls.callsOf(aftersales, placementId)).find((call) => call.party === 'CLIENT')!;

  beforeAll(async () => {
    test = await startTestApp({
      FOLLOW_UP_OFFSETS: 'PT1S,PT1H',
      FOLLOW_UP_RECONCILE_SECONDS: '1',
      FOLLOW_UP_RETRY_AFTER: 'PT1S',
      FOLLOW_UP_MAX_TRIES: '3',
    });
    world = await proposalWorld(test);
    calls = callList(test, world);
    aftersales = await createUser(test, [Role.AFTERSALES], Organisation.STAFFING_FIRM, { unitId: world.sales.unitId });
    // The placed clients are UWV's: the staffing firm's aftersales user calls them under a confidentiality statement.
    await recordStatement(test, aftersales, { scope: 'UNIT', unitId: world.uwvAdviser.unitId });
    municipalAftersales = await createUser(test, [Role.AFTERSALES], Organisation.MUNICIPALITY, {
      unitId: world.sales.unitId,
    });
  }, 120_000);
  afterAll(() => test.close());

  it('shows the client, the employer contact and the placement on the call list, and audits the reads', async () => {
    const placement = await calls.placedAndDue();
    const call = await clientCall(placement.id);
    expect(call).toMatchObject({
      attempt: 1,
      maxTries: 3,
      client: { name: expect.stringMatching(/^Kandidaat /), pool: 'WW' },
      employer: {
        name: 'Distributiecentrum Dordrecht B.V.',
        contact: { name: 'J. de Vries', phone: '078 123 4567', email: 'j.devries@example.nl' },
      },
      placement: { startDate: todayInUtc(), endDate: null, hoursPerWeek: 32, vacancyTitle: expect.any(String) },
      calls: [],
    });
    expect(await auditCount(aftersales.id, placement.candidateId, 'list')).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it('shows a municipal aftersales user only the employer call of a WW client without consent', async () => {
    const placement = await calls.placedAndDue();
    const clientCallId = (await clientCall(placement.id)).id;
    // The client call is not theirs to work: claiming it or recording its outcome is as for an unknown call.
    const claimed = await test.http.post(`/api/follow-ups/${clientCallId}/claim`).set(municipalAftersales.headers);
    expect(claimed.status).toBe(404);
    await calls.outcome(municipalAftersales, clientCallId, { result: 'STILL_WORKING', contactedAt: now() }).expect(404);
    // A colleague who may see the client calls them; that call's result is about the client too.
    await calls
      .outcome(aftersales, clientCallId, { result: 'AT_RISK', contactedAt: now(), note: 'Twijfelt over het werk' })
      .expect(200);

    const seen = await calls.callsOf(municipalAftersales, placement.id);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      party: 'EMPLOYER',
      candidateId: null,
      client: null,
      placement: { targetGroup: null },
      calls: [],
    });
    expect(seen[0].employer.contact?.name).toBe('J. de Vries');
    expect(JSON.stringify(seen)).not.toMatch(/Kandidaat|AT_RISK|Twijfelt/);
    expect(JSON.stringify(seen)).not.toContain(placement.candidateId);
    // Not among the answered calls either.
    expect(await calls.callsOf(municipalAftersales, placement.id, 'status=DONE&assignee=unit')).toEqual([]);
    expect(await auditCount(municipalAftersales.id, placement.candidateId, 'list')).toBe(0);

    // The colleague who may see the client sees both calls, with the client and the call made.
    const full = await calls.callsOf(aftersales, placement.id, 'status=DONE&assignee=unit');
    expect(full.map((call) => [call.party, call.candidateId])).toEqual([['CLIENT', placement.candidateId]]);
  }, 30_000);

  it('opens one call as the list shows it, with the rule of the list: a client call they may not see is 404', async () => {
    const placement = await calls.placedAndDue();
    const clientCallId = (await clientCall(placement.id)).id;
    const employerCall = (await calls.callsOf(aftersales, placement.id)).find((call) => call.party === 'EMPLOYER')!;
    await calls.outcome(aftersales, clientCallId, { result: 'STILL_WORKING', contactedAt: now(), note: 'Gaat goed' });

    const open = (user: TestUser, id: string) => test.http.get(`/api/follow-ups/${id}`).set(user.headers);
    const answered = (await open(aftersales, clientCallId).expect(200)).body as CallDto & {
      calls: Array<{ calledByName: string }>;
      placement: { instruments: string[] | null };
    };
    expect(answered).toMatchObject({
      id: clientCallId,
      status: 'DONE',
      result: 'STILL_WORKING',
      client: { pool: 'WW' },
      placement: { instruments: [] },
      calls: [
        { followUpId: clientCallId, result: 'STILL_WORKING', note: 'Gaat goed', calledByName: 'Test AFTERSALES' },
      ],
    });
    expect(await auditCount(aftersales.id, placement.candidateId, 'read')).toBeGreaterThanOrEqual(1);

    expect((await open(municipalAftersales, clientCallId).expect(404)).body.code).toBe('FOLLOW_UP_NOT_FOUND');
    const employerSide = (await open(municipalAftersales, employerCall.id).expect(200)).body as CallDto & {
      placement: { instruments: string[] | null };
    };
    expect(employerSide).toMatchObject({
      candidateId: null,
      client: null,
      calls: [],
      placement: { instruments: null },
    });
    expect(JSON.stringify(employerSide)).not.toMatch(/Kandidaat|Gaat goed|STILL_WORKING/);
    await test.http.get('/api/follow-ups/not-a-uuid').set(aftersales.headers).expect(400);
  }, 30_000);

  it('records AT_RISK: the call is DONE, the placement runs on, and the adviser gets a message', async () => {
    const placement = await calls.placedAndDue();
    const call = await clientCall(placement.id);

    const noNote = await calls.outcome(aftersales, call.id, { result: 'AT_RISK', contactedAt: now() }).expect(422);
    expect(Object.keys(noNote.body.errors)).toEqual(['note']);

    const done = await calls
      .outcome(aftersales, call.id, { result: 'AT_RISK', contactedAt: now(), note: 'Conflict met leidinggevende' })
      .expect(200);
    expect(done.body).toMatchObject({ status: 'DONE', result: 'AT_RISK', calls: [{ result: 'AT_RISK', attempt: 1 }] });
    expect((await calls.statuses(placement.id)).sort()).toEqual(['DONE', 'DUE', 'PLANNED', 'PLANNED']);

    // The WW client's adviser (UWV) hears of it; nobody else does.
    const inbox = await messagesOf(world.uwvAdviser, '?unread=true');
    const message = inbox.find((m) => m.placementId === placement.id)!;
    expect(message).toMatchObject({
      kind: 'AT_RISK',
      candidateId: placement.candidateId,
      followUpId: call.id,
      reason: 'Conflict met leidinggevende',
      readAt: null,
    });
    expect((await messagesOf(world.municipalityAdviser)).some((m) => m.placementId === placement.id)).toBe(false);
    const read = await test.http
      .post(`/api/advisers/me/messages/${message.id}/read`)
      .set(world.uwvAdviser.headers)
      .expect(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await messagesOf(world.uwvAdviser, '?unread=true')).some((m) => m.id === message.id)).toBe(false);
    await test.http.post(`/api/advisers/me/messages/${message.id}/read`).set(world.matcher.headers).expect(404);
  }, 30_000);

  it('tries an unanswered call again after the wait, and marks it MISSED after the third try', async () => {
    const placement = await calls.placedAndDue();
    const call = await clientCall(placement.id);

    for (const attempt of [1, 2]) {
      const retried = await calls
        .outcome(aftersales, call.id, { result: 'UNREACHABLE', contactedAt: now(), note: `Voicemail ${attempt}` })
        .expect(200);
      expect(retried.body).toMatchObject({ status: 'PLANNED', attempt: attempt + 1, result: null });
      // Planned one second after the call, off the DUE list until the retry fires.
      expect((await calls.callsOf(aftersales, placement.id)).map((c) => c.id)).not.toContain(call.id);
      await calls.waitFor(placement.id, 'DUE', 2);
    }
    const again = await clientCall(placement.id);
    expect(again).toMatchObject({ id: call.id, attempt: 3 });
    expect(again.calls.map((c) => [c.attempt, c.result, c.note])).toEqual([
      [1, 'UNREACHABLE', 'Voicemail 1'],
      [2, 'UNREACHABLE', 'Voicemail 2'],
    ]);

    const missed = await calls.outcome(aftersales, call.id, { result: 'UNREACHABLE', contactedAt: now() }).expect(200);
    expect(missed.body).toMatchObject({ status: 'MISSED', result: 'UNREACHABLE', attempt: 3 });
    expect((await calls.statuses(placement.id)).sort()).toEqual(['DUE', 'MISSED', 'PLANNED', 'PLANNED']);
    // Each try came due once and was announced once; a MISSED call takes no further outcome.
    const notifications: Array<{ attempt: number }> = await calls
      .db()
      .query(`SELECT attempt FROM follow_up_notifications WHERE follow_up_id = $1 ORDER BY attempt`, [call.id]);
    expect(notifications.map((n) => n.attempt)).toEqual([1, 2, 3]);
    const late = await calls.outcome(aftersales, call.id, { result: 'STILL_WORKING', contactedAt: now() }).expect(409);
    expect(late.body.code).toBe('FOLLOW_UP_NOT_DUE');
    // Unreached is not an answer: the adviser is not alerted and the placement runs on.
    expect((await messagesOf(world.uwvAdviser)).some((m) => m.placementId === placement.id)).toBe(false);
    const view = await test.http.get(`/api/placements/${placement.id}`).set(aftersales.headers).expect(200);
    expect(view.body.endDate).toBeNull();
  }, 60_000);

  it('records LEFT_JOB: the client is matchable again, on the pick-up list, and the adviser is told', async () => {
    const candidateId = await world.readyCandidate();
    const placement = await calls.placedAndDue(candidateId);
    const employerCall = (await calls.callsOf(aftersales, placement.id)).find((c) => c.party === 'EMPLOYER')!;
    const vacancyId = await world.openVacancy();
    const matchIds = async () =>
      (
        (await test.http.get(`/api/vacancies/${vacancyId}/matches`).set(world.matcher.headers).expect(200)).body as {
          items: Array<{ candidate: { id: string } }>;
        }
      ).items.map((item) => item.candidate.id);
    expect(await matchIds()).not.toContain(candidateId);

    await calls
      .outcome(aftersales, employerCall.id, {
        result: 'LEFT_JOB',
        contactedAt: now(),
        endDate: todayInUtc(),
        note: 'Reorganisatie, contract beëindigd',
      })
      .expect(200);

    expect(await matchIds()).toContain(candidateId);
    // It ended before its last milestone (PT1H after the start day began): the position is back.
    const vacancy = await test.http.get(`/api/vacancies/${placement.vacancyId}`).set(world.sales.headers).expect(200);
    expect(vacancy.body).toMatchObject({ positions: 2, positionsLeft: 2, status: 'OPEN' });
    const listed = (await pickUps(world.matcher)).find((p) => p.placementId === placement.id)!;
    expect(listed).toMatchObject({
      candidateId,
      status: 'ACTIVE',
      endDate: todayInUtc(),
      endReason: 'Reorganisatie, contract beëindigd',
    });
    expect(await auditCount(world.matcher.id, candidateId, 'list')).toBeGreaterThanOrEqual(1);
    const [message] = (await messagesOf(world.uwvAdviser)).filter((m) => m.placementId === placement.id);
    expect(message).toMatchObject({ kind: 'LEFT_JOB', followUpId: employerCall.id, endDate: todayInUtc() });

    // Proposing the client again is picking them up: off the list.
    await world.propose(vacancyId, candidateId);
    expect((await pickUps(world.matcher)).some((p) => p.placementId === placement.id)).toBe(false);
  }, 60_000);

  it('takes a client off the pick-up list when a matcher marks them picked up', async () => {
    const placement = await calls.placedAndDue();
    await test.http
      .post(`/api/placements/${placement.id}/end`)
      .set(world.matcher.headers)
      .send({ endDate: todayInUtc(), reason: 'Zelf opgezegd' })
      .expect(200);
    const listed = (await pickUps(world.matcher)).find((p) => p.placementId === placement.id)!;
    // A municipal matcher may not see this WW client: not on their list, and no way to mark it.
    const municipalMatcher = await createUser(test, [Role.MATCHER], Organisation.MUNICIPALITY);
    expect((await pickUps(municipalMatcher)).some((p) => p.placementId === placement.id)).toBe(false);
    await test.http.post(`/api/pick-ups/${listed.id}/picked-up`).set(municipalMatcher.headers).expect(404);

    const marked = await test.http.post(`/api/pick-ups/${listed.id}/picked-up`).set(world.matcher.headers).expect(200);
    expect(marked.body).toMatchObject({ pickedUpBy: world.matcher.id, pickedUpAt: expect.any(String) });
    expect((await pickUps(world.matcher)).some((p) => p.placementId === placement.id)).toBe(false);
    // The direct ending told the adviser too, without a follow-up.
    const [message] = (await messagesOf(world.uwvAdviser)).filter((m) => m.placementId === placement.id);
    expect(message).toMatchObject({ kind: 'LEFT_JOB', followUpId: null, reason: 'Zelf opgezegd' });
  }, 30_000);

  it("erases the call notes and the end reason with the client's personal data, and keeps the outcomes", async () => {
    const placement = await calls.placedAndDue();
    const [first, second] = await calls.callsOf(aftersales, placement.id);
    await calls
      .outcome(aftersales, first.id, { result: 'AT_RISK', contactedAt: now(), note: 'Rugklachten, mogelijk ziek' })
      .expect(200);
    await calls
      .outcome(aftersales, second.id, {
        result: 'LEFT_JOB',
        contactedAt: now(),
        endDate: todayInUtc(),
        note: 'Uitgevallen door rugklachten',
      })
      .expect(200);
    const admin = await createUser(test, [Role.ADMIN], Organisation.UWV);
    await test.http.post(`/api/candidates/${placement.candidateId}/erase`).set(admin.headers).expect(204);

    const [left]: Array<{ notes: number; calls: number; results: string[]; reason: string }> = await calls.db().query(
      `SELECT count(*) FILTER (WHERE k.note IS NOT NULL OR f.note IS NOT NULL)::int AS notes,
              count(k.id)::int AS calls, array_agg(f.result ORDER BY f.result) AS results,
              max(pl.end_reason) AS reason
       FROM follow_ups f JOIN placements pl ON pl.id = f.placement_id
       LEFT JOIN follow_up_calls k ON k.follow_up_id = f.id
       WHERE pl.id = $1 AND f.status = 'DONE'`,
      [placement.id],
    );
    expect(left).toEqual({ notes: 0, calls: 2, results: ['AT_RISK', 'LEFT_JOB'], reason: 'Gewist op verzoek' });
  }, 30_000);
});
