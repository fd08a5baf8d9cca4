import { DataSource } from 'typeorm';
import { Organisation, Role } from '@identity/organisation';
import { Clock } from '@platform/clock/clock';
import { PlacesService } from '@sales/places/places.service';
import { createUser, TestUser } from '@test/support/auth';
import { recordStatement } from '@test/support/confidentiality';
import { startTestApp, TestApp } from '@test/support/test-app';
import { BSNS, GEO_DIR, makeCandidate } from '@test/matching/candidate-factory';

/**
 * The Max-WW team's month, by hand: today is Tuesday 1 December 2026 (10:00 in Dordrecht). The
 * selection window, exclusion flags, a meeting's capacity, two no-shows to the UWV adviser, triage.
 */
describe('Max-WW selection and group meetings', () => {
  let test: TestApp;
  let db: DataSource;
  let clock: jest.SpyInstance<Date, []>;
  let uwvAdviser: TestUser;
  let staffingAdviser: TestUser;
  let municipalAdviser: TestUser;
  let uwvMatcher: TestUser;

  // Within a few days of today: a session older than its refresh lifetime is signed out by the clock.
  const at = (moment: string) => clock.mockReturnValue(new Date(moment));

  beforeAll(async () => {
    test = await startTestApp({ MAX_WW_MONTHS: '3' });
    db = test.app.get(DataSource);
    await test.app.get(PlacesService).importFrom(GEO_DIR);
    uwvAdviser = await createUser(test, [Role.ADVISER], Organisation.UWV);
    staffingAdviser = await createUser(test, [Role.ADVISER], Organisation.STAFFING_FIRM);
    // The staffing firm's advisers work UWV's clients in the Max-WW programme under a signed statement.
    await recordStatement(test, staffingAdviser);
    municipalAdviser = await createUser(test, [Role.ADVISER], Organisation.MUNICIPALITY);
    uwvMatcher = await createUser(test, [Role.MATCHER], Organisation.UWV);
    clock = jest.spyOn(test.app.get(Clock), 'now');
    at('2026-12-01T09:00:00Z');
  });
  afterEach(() => at('2026-12-01T09:00:00Z'));
  afterAll(() => test.close());

  let bsn = 0;
  /** A WW client of UWV whose WW ends on this day. */
  const wwClient = async (name: string, wwEndDate: string): Promise<string> => {
    const body = makeCandidate({ name, wwEndDate, bsn: BSNS[bsn++ % BSNS.length] });
    const response = await test.http.post('/api/candidates').set(uwvAdviser.headers).send(body);
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const selection = async (query: string, user: TestUser = uwvAdviser) => {
    const response = await test.http.get(`/api/max-ww/selection?${query}`).set(user.headers).expect(200);
    return response.body as {
      from: string;
      to: string;
      total: number;
      hiddenClients: number;
      items: Array<{
        candidateId: string;
        name: string;
        wwEndDate: string;
        daysLeft: number;
        exclusion: { reason: string; recordedByName: string } | null;
        invitations: Array<{ attempt: number; attendance: string | null }>;
        route: { route: string; basis: string; decidedBy: string } | null;
      }>;
    };
  };
  const only = <T extends { candidateId: string }>(ids: string[], items: T[]): T[] =>
    items.filter((item) => ids.includes(item.candidateId));
  const plan = async (startsAt: string, capacity = 15, by: TestUser = uwvAdviser) => {
    const response = await test.http
      .post('/api/max-ww/meetings')
      .set(by.headers)
      .send({
        unitId: by.unitId,
        startsAt,
        place: 'Baanbrekend, Spuiboulevard 300, Dordrecht',
        capacity,
        hostIds: [uwvAdviser.id, staffingAdviser.id],
      });
    expect([response.status, response.body]).toEqual([201, expect.anything()]);
    return response.body.id as string;
  };
  const invite = (meetingId: string, candidateIds: string[], by: TestUser = uwvAdviser) =>
    test.http
      .post(`/api/max-ww/meetings/${meetingId}/invitations`)
      .set(by.headers)
      .send({ candidateIds, channel: 'WORK_FOLDER', invitedOn: '2026-12-01' });
  const meeting = async (id: string) =>
    (await test.http.get(`/api/max-ww/meetings/${id}`).set(uwvAdviser.headers).expect(200)).body as {
      counts: Record<string, number>;
      invitations: Array<{
        id: string;
        candidateId: string;
        attempt: number;
        attendance: string | null;
        followUpOutcome: string | null;
        phone: string | null;
        route: { route: string } | null;
      }>;
    };
  const invitationOf = async (meetingId: string, candidateId: string) =>
    (await meeting(meetingId)).invitations.find((invitation) => invitation.candidateId === candidateId)!;
  const invitationCount = async () =>
    (await db.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM max_ww_invitations`))[0].n;

  it('selects a calendar month from its first to its last day, soonest first, with the days left', async () => {
    const ids = [
      await wwClient('Maand Voor', '2026-11-30'),
      await wwClient('Maand Eerste', '2026-12-01'),
      await wwClient('Maand Laatste', '2026-12-31'),
      await wwClient('Maand Na', '2027-01-01'),
    ];
    const december = await selection('month=2026-12');
    expect([december.from, december.to]).toEqual(['2026-12-01', '2026-12-31']);
    // 1 December is today: 0 days left; 31 December: 30 days.
    expect(only(ids, december.items).map((item) => [item.name, item.wwEndDate, item.daysLeft])).toEqual([
      ['Maand Eerste', '2026-12-01', 0],
      ['Maand Laatste', '2026-12-31', 30],
    ]);
    // The staffing firm's adviser is on the team and sees UWV's clients; a municipal adviser is not on it.
    expect(only(ids, (await selection('month=2026-12', staffingAdviser)).items)).toHaveLength(2);
    await test.http.get('/api/max-ww/selection?month=2026-12').set(municipalAdviser.headers).expect(403);
    await test.http.get('/api/max-ww/selection?month=2026-12').set(uwvMatcher.headers).expect(403);
    // Every client shown is an audited read, by internal id.
    const [{ n }] = await db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM audit_log WHERE actor_id = $1 AND subject_id = ANY($2::text[])
         AND purpose LIKE 'Max-WW selection%'`,
      [uwvAdviser.id, ids],
    );
    expect(n).toBe(2);
  });

  it('selects "5 to 7 months ahead" from today, whatever MAX_WW_MONTHS (3) says', async () => {
    // 1 December 2026 + 5 months = 1 May 2027; + 7 months = 1 July 2027; both ends inside.
    const ids = [
      await wwClient('Vooruit Te Vroeg', '2027-04-30'),
      await wwClient('Vooruit Eerste', '2027-05-01'),
      await wwClient('Vooruit Laatste', '2027-07-01'),
      await wwClient('Vooruit Te Laat', '2027-07-02'),
    ];
    const ahead = await selection('fromMonths=5&toMonths=7');
    expect([ahead.from, ahead.to]).toEqual(['2027-05-01', '2027-07-01']);
    expect(only(ids, ahead.items).map((item) => [item.name, item.daysLeft])).toEqual([
      ['Vooruit Eerste', 151], // 30 (Dec) + 31 + 28 + 31 + 30 + 1 = 151
      ['Vooruit Laatste', 212], // 151 + 31 (May) + 30 (June) = 212
    ]);
    expect(ahead.hiddenClients).toBe(0);
    // The staffing firm's adviser works under a MAX_WW statement: WW ending within 3 months, or already on
    // the programme's route. Five to seven months ahead is neither, so the list is empty for them, and it
    // says how many clients of the window it leaves out instead of looking like a month without endings.
    const staffing = await selection('fromMonths=5&toMonths=7', staffingAdviser);
    expect(only(ids, staffing.items)).toEqual([]);
    expect(staffing.hiddenClients).toBeGreaterThanOrEqual(2);
    expect(staffing.total + staffing.hiddenClients).toBe(ahead.total);
  });

  it('refuses a selection without a window, with two windows, or a window that does not exist (422)', async () => {
    for (const query of [
      '',
      'month=2026-13',
      'month=2026-12&fromMonths=5&toMonths=7',
      'fromMonths=5',
      'fromMonths=7&toMonths=5',
      'fromMonths=abc&toMonths=7',
      'fromMonths=5&toMonths=99',
    ]) {
      const response = await test.http.get(`/api/max-ww/selection?${query}`).set(uwvAdviser.headers);
      expect([query, response.status]).toEqual([query, 422]);
      expect(Object.keys(response.body.errors ?? {})).not.toHaveLength(0);
    }
  });

  it('flags a client as not to be invited with a reason from the list, refuses inviting them, and lifts the flag', async () => {
    const id = await wwClient('Uitgesloten Ziek', '2026-12-20');
    const meetingId = await plan('2026-12-10T10:00:00+01:00');
    await test.http
      .post('/api/max-ww/exclusions')
      .set(uwvAdviser.headers)
      .send({ candidateId: id, reason: 'PARTNER_EARNS_ENOUGH' })
      .expect(422);
    const flag = await test.http
      .post('/api/max-ww/exclusions')
      .set(staffingAdviser.headers)
      .send({ candidateId: id, reason: 'ILL' })
      .expect(201);
    expect(flag.body).toMatchObject({ candidateId: id, reason: 'ILL', recordedBy: staffingAdviser.id, liftedAt: null });
    const [item] = only([id], (await selection('month=2026-12')).items);
    expect(item.exclusion).toMatchObject({ reason: 'ILL', recordedByName: 'Test ADVISER' });
    const again = await test.http
      .post('/api/max-ww/exclusions')
      .set(uwvAdviser.headers)
      .send({ candidateId: id, reason: 'MOVED' })
      .expect(409);
    expect(again.body.code).toBe('ALREADY_EXCLUDED');

    const before = await invitationCount();
    const refused = await invite(meetingId, [id]).expect(409);
    expect(refused.body).toMatchObject({ code: 'CANDIDATE_EXCLUDED', details: { candidateIds: [id] } });
    expect(await invitationCount()).toBe(before);

    const lifted = await test.http
      .post(`/api/max-ww/exclusions/${flag.body.id}/lift`)
      .set(uwvAdviser.headers)
      .expect(200);
    expect(lifted.body).toMatchObject({ liftedBy: uwvAdviser.id, liftedAt: expect.any(String) });
    expect(
      (await test.http.post(`/api/max-ww/exclusions/${flag.body.id}/lift`).set(uwvAdviser.headers)).body.code,
    ).toBe('EXCLUSION_LIFTED');
    await invite(meetingId, [id]).expect(201);
    // A municipal adviser cannot flag (403 before the body is read); an unknown client is 404.
    await test.http.post('/api/max-ww/exclusions').set(municipalAdviser.headers).send({}).expect(403);
    const unknown = await test.http
      .post('/api/max-ww/exclusions')
      .set(uwvAdviser.headers)
      .send({ candidateId: '00000000-0000-4000-8000-000000000000', reason: 'MOVED' })
      .expect(404);
    expect(unknown.body.code).toBe('CANDIDATE_NOT_FOUND');
  });

  it('invites no more than the capacity, all or none, and a client once per meeting', async () => {
    const meetingId = await plan('2026-12-11T14:00:00+01:00', 3);
    const ids = [
      await wwClient('Vol Een', '2026-12-21'),
      await wwClient('Vol Twee', '2026-12-22'),
      await wwClient('Vol Drie', '2026-12-23'),
      await wwClient('Vol Vier', '2026-12-24'),
    ];
    const before = await invitationCount();
    const full = await invite(meetingId, ids).expect(409);
    expect(full.body).toMatchObject({ code: 'MEETING_FULL', details: { capacity: 3, invited: 0, free: 3, asked: 4 } });
    expect(await invitationCount()).toBe(before);

    const invited = await invite(meetingId, ids.slice(0, 2)).expect(201);
    expect(invited.body.counts).toMatchObject({ invited: 2, present: 0, absent: 0, unregistered: 2 });
    expect(invited.body.invitations.map((invitation: { attempt: number }) => invitation.attempt)).toEqual([1, 1]);
    expect((await invite(meetingId, [ids[0]]).expect(409)).body.code).toBe('ALREADY_INVITED');
    expect((await invite(meetingId, ids.slice(2)).expect(409)).body.details).toMatchObject({ free: 1, asked: 2 });
    await invite(meetingId, [ids[2]]).expect(201);
    expect((await meeting(meetingId)).counts.invited).toBe(3);
  });

  it('lets only one of two advisers inviting at the same moment fill the last places', async () => {
    const meetingId = await plan('2026-12-12T10:00:00+01:00', 3);
    const ids = [
      await wwClient('Race Een', '2026-12-21'),
      await wwClient('Race Twee', '2026-12-22'),
      await wwClient('Race Drie', '2026-12-23'),
      await wwClient('Race Vier', '2026-12-24'),
    ];
    // 2 + 2 > 3: the meeting row is locked, so the second sees the first's invitations.
    const answers = await Promise.all([
      invite(meetingId, ids.slice(0, 2), uwvAdviser),
      invite(meetingId, ids.slice(2), staffingAdviser),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect((await meeting(meetingId)).counts.invited).toBe(2);
    // Reading the meeting is an audited read of each invitee, by id.
    const [{ n }] = await db.query<Array<{ n: number }>>(
      `SELECT count(DISTINCT subject_id)::int AS n FROM audit_log WHERE actor_id = $1 AND purpose = $2`,
      [uwvAdviser.id, `Max-WW meeting ${meetingId}`],
    );
    expect(n).toBe(2);
  });

  it('hands a client over to the UWV adviser after two no-shows, in the transaction of the second ABSENT', async () => {
    const first = await plan('2026-12-02T13:30:00+01:00');
    const second = await plan('2026-12-04T13:30:00+01:00');
    const third = await plan('2026-12-05T13:30:00+01:00');
    const client = await wwClient('Twee Keer Afwezig', '2026-12-30');
    await invite(first, [client]).expect(201);
    // A second invitation only after the first meeting's attendance says ABSENT.
    expect((await invite(second, [client]).expect(409)).body.code).toBe('FIRST_INVITATION_OPEN');
    const firstInvitation = await invitationOf(first, client);
    // Not before the meeting's day.
    const early = await test.http
      .put(`/api/max-ww/invitations/${firstInvitation.id}/attendance`)
      .set(uwvAdviser.headers)
      .send({ attendance: 'ABSENT' })
      .expect(409);
    expect(early.body.code).toBe('MEETING_NOT_HELD');

    at('2026-12-02T15:00:00Z');
    await test.http
      .put(`/api/max-ww/invitations/${firstInvitation.id}/attendance`)
      .set(uwvAdviser.headers)
      .send({ attendance: 'ABSENT' })
      .expect(200);
    // The call list: the absentee with a phone number, called and not reached.
    const called = await test.http
      .post(`/api/max-ww/invitations/${firstInvitation.id}/follow-up`)
      .set(staffingAdviser.headers)
      .send({ outcome: 'NOT_REACHED' })
      .expect(200);
    expect(called.body).toMatchObject({ followUpOutcome: 'NOT_REACHED', followedUpByName: 'Test ADVISER' });
    expect((await meeting(first)).counts).toMatchObject({ absent: 1, followedUp: 1 });
    expect(only([client], (await selection('month=2026-12')).items)[0].route).toBeNull();

    const secondInvited = await invite(second, [client]).expect(201);
    const secondInvitation = (
      secondInvited.body.invitations as Array<{ id: string; candidateId: string; attempt: number }>
    ).find((invitation) => invitation.candidateId === client)!;
    expect(secondInvitation.attempt).toBe(2);
    expect((await invite(third, [client]).expect(409)).body.code).toBe('INVITED_TWICE');
    const letter = await test.http
      .get(`/api/max-ww/invitations/${secondInvitation.id}/letter`)
      .set(uwvAdviser.headers)
      .expect(200);
    expect(letter.body.subject).toBe('Nieuwe uitnodiging: bijeenkomst Max-WW op vrijdag 4 december 2026');
    expect(letter.body.text).toContain('Beste Twee Keer Afwezig,');
    expect(letter.body.text).toContain('Tijd: 13:30 uur');
    expect(letter.body.text).toContain('Uw aanwezigheid is verplicht.');
    expect(letter.body.text).not.toMatch(/\d{9}/); // no BSN, no nine-digit number at all

    at('2026-12-04T16:00:00Z');
    const register = await test.http
      .post(`/api/max-ww/meetings/${second}/attendance`)
      .set(staffingAdviser.headers)
      .send({ entries: [{ invitationId: secondInvitation.id, attendance: 'ABSENT' }] })
      .expect(200);
    expect(register.body.invitations[0].route).toMatchObject({
      route: 'UWV_ADVISER',
      basis: 'TWO_NO_SHOWS',
      meetingId: second,
      decidedBy: staffingAdviser.id,
    });
    const [item] = only([client], (await selection('month=2026-12')).items);
    expect(item.invitations.map((invitation) => [invitation.attempt, invitation.attendance])).toEqual([
      [1, 'ABSENT'],
      [2, 'ABSENT'],
    ]);
    expect(item.route).toMatchObject({ route: 'UWV_ADVISER', basis: 'TWO_NO_SHOWS' });
    // The first meeting's register is fixed now that a second invitation followed.
    const locked = await test.http
      .put(`/api/max-ww/invitations/${firstInvitation.id}/attendance`)
      .set(uwvAdviser.headers)
      .send({ attendance: 'PRESENT' })
      .expect(409);
    expect(locked.body.code).toBe('ATTENDANCE_LOCKED');
    // A mistake in the second register is corrected, and the hand-over goes with it.
    await test.http
      .put(`/api/max-ww/invitations/${secondInvitation.id}/attendance`)
      .set(uwvAdviser.headers)
      .send({ attendance: 'PRESENT' })
      .expect(200);
    expect(only([client], (await selection('month=2026-12')).items)[0].route).toBeNull();
    await test.http
      .put(`/api/max-ww/invitations/${secondInvitation.id}/attendance`)
      .set(uwvAdviser.headers)
      .send({ attendance: 'ABSENT' })
      .expect(200);
    const routes = await db.query(
      `SELECT route, basis, decided_by AS "decidedBy" FROM max_ww_routes WHERE candidate_id = $1`,
      [client],
    );
    expect(routes).toEqual([{ route: 'UWV_ADVISER', basis: 'TWO_NO_SHOWS', decidedBy: uwvAdviser.id }]);
    at('2026-12-01T09:00:00Z');
  });

  it('triages those who came, with who decided, once per client; an absentee has no triage', async () => {
    const meetingId = await plan('2026-12-03T10:00:00+01:00', 15, staffingAdviser);
    const came = await wwClient('Triage Kwam', '2026-12-28');
    const stayedAway = await wwClient('Triage Weg', '2026-12-29');
    const invited = await invite(meetingId, [came, stayedAway]).expect(201);
    const idOf = (candidateId: string) =>
      (invited.body.invitations as Array<{ id: string; candidateId: string }>).find(
        (invitation) => invitation.candidateId === candidateId,
      )!.id;
    at('2026-12-03T12:00:00Z');
    await test.http
      .post(`/api/max-ww/meetings/${meetingId}/attendance`)
      .set(uwvAdviser.headers)
      .send({
        entries: [
          { invitationId: idOf(came), attendance: 'PRESENT' },
          { invitationId: idOf(stayedAway), attendance: 'ABSENT' },
        ],
      })
      .expect(200);
    const triage = await test.http
      .post('/api/max-ww/routes')
      .set(staffingAdviser.headers)
      .send({ candidateId: came, meetingId, route: 'MAX_WW_ADVISER' })
      .expect(201);
    expect(triage.body).toMatchObject({
      candidateId: came,
      route: 'MAX_WW_ADVISER',
      basis: 'TRIAGE',
      meetingId,
      decidedBy: staffingAdviser.id,
    });
    const twice = await test.http
      .post('/api/max-ww/routes')
      .set(uwvAdviser.headers)
      .send({ candidateId: came, meetingId, route: 'NO_ACTION' })
      .expect(409);
    expect(twice.body.code).toBe('ROUTE_EXISTS');
    const absent = await test.http
      .post('/api/max-ww/routes')
      .set(uwvAdviser.headers)
      .send({ candidateId: stayedAway, meetingId, route: 'UWV_ADVISER' })
      .expect(409);
    expect(absent.body.code).toBe('NOT_PRESENT');
    await test.http
      .post('/api/max-ww/routes')
      .set(uwvAdviser.headers)
      .send({ candidateId: came, meetingId, route: 'SOMEWHERE' })
      .expect(422);
    // Present → ABSENT after triage is refused: the route stands on the attendance.
    expect(
      (
        await test.http
          .put(`/api/max-ww/invitations/${idOf(came)}/attendance`)
          .set(uwvAdviser.headers)
          .send({ attendance: 'ABSENT' })
          .expect(409)
      ).body.code,
    ).toBe('ATTENDANCE_LOCKED');
    const list = await test.http
      .get('/api/max-ww/meetings?from=2026-12-03&to=2026-12-03')
      .set(uwvAdviser.headers)
      .expect(200);
    const summary = (list.body as Array<{ id: string; counts: Record<string, number> }>).find(
      (row) => row.id === meetingId,
    );
    expect(summary!.counts).toEqual({ invited: 2, present: 1, absent: 1, unregistered: 0, followedUp: 0, triaged: 1 });
    at('2026-12-01T09:00:00Z');
  });

  it('refuses a meeting with bad facts field by field and stores nothing', async () => {
    const count = async () =>
      (await db.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM max_ww_meetings`))[0].n;
    const before = await count();
    const good = {
      unitId: uwvAdviser.unitId,
      startsAt: '2026-12-15T10:00:00+01:00',
      place: 'Dordrecht',
      capacity: 15,
      hostIds: [uwvAdviser.id],
    };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ capacity: 0 }, 'capacity'],
      [{ capacity: 101 }, 'capacity'],
      [{ place: '   ' }, 'place'],
      [{ startsAt: '2026-12-15' }, 'startsAt'],
      [{ startsAt: '2026-11-30T10:00:00+01:00' }, 'startsAt'],
      [{ startsAt: '2031-01-01T10:00:00+01:00' }, 'startsAt'],
      [{ hostIds: [] }, 'hostIds'],
      [{ hostIds: [municipalAdviser.id] }, 'hostIds'],
      [{ hostIds: [uwvMatcher.id] }, 'hostIds'],
      [{ unitId: '00000000-0000-4000-8000-000000000000' }, 'unitId'],
    ];
    for (const [change, field] of cases) {
      const response = await test.http
        .post('/api/max-ww/meetings')
        .set(uwvAdviser.headers)
        .send({ ...good, ...change });
      expect([JSON.stringify(change), response.status, Object.keys(response.body.errors ?? {})]).toEqual([
        JSON.stringify(change),
        422,
        [field],
      ]);
    }
    expect(await count()).toBe(before);
    const bad = await invite('00000000-0000-4000-8000-000000000000', []);
    expect(bad.status).toBe(422);
    const notMine = await test.http
      .post(`/api/max-ww/meetings/${await plan('2026-12-20T10:00:00+01:00')}/invitations`)
      .set(uwvAdviser.headers)
      .send({ candidateIds: ['00000000-0000-4000-8000-000000000000'], channel: 'PIGEON', invitedOn: '2026-12-01' });
    expect([notMine.status, Object.keys(notMine.body.errors)]).toEqual([422, ['channel']]);
  });
});
