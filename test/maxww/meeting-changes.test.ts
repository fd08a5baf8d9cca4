import { DataSource } from 'typeorm';
import { Organisation, Role } from '@identity/organisation';
import { Clock } from '@platform/clock/clock';
import { PlacesService } from '@sales/places/places.service';
import { createUser, TestUser } from '@test/support/auth';
import { recordStatement } from '@test/support/confidentiality';
import { startTestApp, TestApp } from '@test/support/test-app';
import { BSNS, GEO_DIR, makeCandidate } from '@test/matching/candidate-factory';

/**
 * A group meeting changed or cancelled before it takes place. Today is Tuesday 1 December 2026, 10:00
 * in Dordrecht (09:00Z); the meetings are on the 8th and the 15th at 10:00 (09:00Z).
 */
describe('Max-WW group meetings: change and cancel before the meeting', () => {
  let test: TestApp;
  let db: DataSource;
  let clock: jest.SpyInstance<Date, []>;
  let adviser: TestUser;
  let staffingAdviser: TestUser;
  let municipalAdviser: TestUser;
  const at = (moment: string) => clock.mockReturnValue(new Date(moment));

  beforeAll(async () => {
    test = await startTestApp({ MAX_WW_MONTHS: '3' });
    db = test.app.get(DataSource);
    await test.app.get(PlacesService).importFrom(GEO_DIR);
    adviser = await createUser(test, [Role.ADVISER], Organisation.UWV);
    staffingAdviser = await createUser(test, [Role.ADVISER], Organisation.STAFFING_FIRM);
    await recordStatement(test, staffingAdviser);
    municipalAdviser = await createUser(test, [Role.ADVISER], Organisation.MUNICIPALITY);
    clock = jest.spyOn(test.app.get(Clock), 'now');
    at('2026-12-01T09:00:00Z');
  });
  afterEach(() => at('2026-12-01T09:00:00Z'));
  afterAll(() => test.close());

  let bsn = 0;
  const wwClient = async (name: string): Promise<string> =>
    (
      await test.http
        .post('/api/candidates')
        .set(adviser.headers)
        .send(makeCandidate({ name, wwEndDate: '2026-12-31', bsn: BSNS[bsn++ % BSNS.length] }))
        .expect(201)
    ).body.id as string;
  const plan = async (startsAt: string, capacity = 15): Promise<string> =>
    (
      await test.http
        .post('/api/max-ww/meetings')
        .set(adviser.headers)
        .send({
          unitId: adviser.unitId,
          startsAt,
          place: 'Spuiboulevard 300, Dordrecht',
          capacity,
          hostIds: [adviser.id],
        })
        .expect(201)
    ).body.id as string;
  const invite = (meetingId: string, candidateIds: string[]) =>
    test.http
      .post(`/api/max-ww/meetings/${meetingId}/invitations`)
      .set(adviser.headers)
      .send({ candidateIds, channel: 'EMAIL', invitedOn: '2026-12-01' });
  type Meeting = {
    version: number;
    startsAt: string;
    place: string;
    capacity: number;
    cancelledAt: string | null;
    cancelReason: string | null;
    cancelledByName: string | null;
    hosts: Array<{ id: string }>;
    counts: Record<string, number>;
    invitations: Array<{ id: string; candidateId: string; attempt: number; attendance: string | null }>;
  };
  const meeting = async (id: string): Promise<Meeting> =>
    (await test.http.get(`/api/max-ww/meetings/${id}`).set(adviser.headers).expect(200)).body as Meeting;
  const cancel = (id: string, body: object, user: TestUser = adviser) =>
    test.http.post(`/api/max-ww/meetings/${id}/cancel`).set(user.headers).send(body);
  const change = (id: string, body: object, user: TestUser = adviser) =>
    test.http.patch(`/api/max-ww/meetings/${id}`).set(user.headers).send(body);
  const registerAttendance = (invitationId: string, attendance: string) =>
    test.http.put(`/api/max-ww/invitations/${invitationId}/attendance`).set(adviser.headers).send({ attendance });

  describe('cancelling', () => {
    it('records who, when and why; the invitees are not absent and may be invited again as a first invitation', async () => {
      const clients = [await wwClient('Annulering Een'), await wwClient('Annulering Twee')];
      const eighth = await plan('2026-12-08T10:00:00+01:00');
      await invite(eighth, clients).expect(201);
      const before = await meeting(eighth);

      // Refusals change nothing: no reason, a blank one, a stale version, a municipal adviser.
      const noReason = await cancel(eighth, { version: before.version }).expect(422);
      expect(noReason.body.errors).toHaveProperty('reason');
      await cancel(eighth, { reason: '   ', version: before.version }).expect(422);
      expect((await cancel(eighth, { reason: 'Zaal dicht', version: before.version + 1 }).expect(409)).body.code).toBe(
        'STALE_VERSION',
      );
      expect(
        (await cancel(eighth, { reason: 'Zaal dicht', version: before.version }, municipalAdviser).expect(403)).body
          .code,
      ).toBe('NOT_MAX_WW_TEAM');
      expect((await meeting(eighth)).cancelledAt).toBeNull();

      const cancelled = (
        await cancel(eighth, { reason: ' Zaal niet beschikbaar ', version: before.version }).expect(200)
      ).body as Meeting;
      expect(cancelled).toMatchObject({
        cancelledAt: '2026-12-01T09:00:00.000Z',
        cancelReason: 'Zaal niet beschikbaar',
        cancelledByName: 'Test ADVISER',
        version: before.version + 1,
      });
      expect((await cancel(eighth, { reason: 'Nog eens', version: cancelled.version }).expect(409)).body.code).toBe(
        'MEETING_CANCELLED',
      );
      expect((await invite(eighth, [await wwClient('Te Laat')]).expect(409)).body.code).toBe('MEETING_CANCELLED');

      // On the 9th nobody can be registered absent at the cancelled meeting: no call list, no no-show.
      at('2026-12-09T09:00:00Z');
      const refused = await registerAttendance(cancelled.invitations[0].id, 'ABSENT').expect(409);
      expect(refused.body.code).toBe('MEETING_CANCELLED');
      expect((await meeting(eighth)).counts).toMatchObject({ present: 0, absent: 0 });

      // The selection shows them as not invited, and the next meeting takes them as a first invitation.
      const selection = (await test.http.get('/api/max-ww/selection?month=2026-12').set(adviser.headers).expect(200))
        .body as { items: Array<{ candidateId: string; invitations: unknown[] }> };
      expect(
        selection.items.filter((item) => clients.includes(item.candidateId)).map((item) => item.invitations),
      ).toEqual([[], []]);
      const fifteenth = await plan('2026-12-15T10:00:00+01:00');
      const invited = (await invite(fifteenth, clients).expect(201)).body as Meeting;
      expect(invited.invitations.map((invitation) => invitation.attempt)).toEqual([1, 1]);
      const audited = await db.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM audit_log WHERE subject_id = ANY($1::text[])
           AND purpose = $2`,
        [clients, `Max-WW meeting ${eighth} cancelled: invitation lapsed`],
      );
      expect(audited[0].n).toBe(2);
    });

    it('lets a client whose second invitation lapsed be invited a second time again, and as attempt two', async () => {
      const client = await wwClient('Tweede Kans');
      const today = await plan('2026-12-01T15:00:00+01:00');
      await invite(today, [client]).expect(201);
      at('2026-12-01T16:00:00Z');
      const [first] = (await meeting(today)).invitations;
      await registerAttendance(first.id, 'ABSENT').expect(200);
      at('2026-12-01T17:00:00Z');
      const eighth = await plan('2026-12-08T10:00:00+01:00');
      expect(((await invite(eighth, [client]).expect(201)).body as Meeting).invitations[0].attempt).toBe(2);
      await cancel(eighth, { reason: 'Begeleider ziek', version: (await meeting(eighth)).version }).expect(200);
      const fifteenth = await plan('2026-12-15T10:00:00+01:00');
      expect(((await invite(fifteenth, [client]).expect(201)).body as Meeting).invitations[0].attempt).toBe(2);
      // The first meeting's absentee is called about the meeting that is still on.
      const [{ attempts }] = await db.query<Array<{ attempts: number[] }>>(
        `SELECT array_agg(attempt ORDER BY attempt) AS attempts FROM max_ww_invitations
         WHERE candidate_id = $1 AND cancelled_at IS NULL`,
        [client],
      );
      expect(attempts).toEqual([1, 2]);
    });

    it('waits for an attendance being registered on the day and then refuses, instead of failing with a 500', async () => {
      // The meeting is later today: a single register (PUT …/attendance) may run now, and it locks only
      // the invitation. Held uncommitted here while the cancellation comes in, then committed.
      const client = await wwClient('Annulering Race');
      const later = await plan('2026-12-01T15:00:00+01:00');
      await invite(later, [client]).expect(201);
      const { version, invitations } = await meeting(later);
      const runner = db.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        await runner.query(
          `UPDATE max_ww_invitations SET attendance = 'PRESENT', attendance_recorded_at = now(),
                  attendance_recorded_by = $2 WHERE id = $1`,
          [invitations[0].id, adviser.id],
        );
        let settled = false;
        const answer = cancel(later, { reason: 'Zaal dicht', version }).then((response) => {
          settled = true;
          return response;
        });
        for (let tries = 0; tries < 200 && !settled; tries += 1) {
          const waiting: unknown[] = await db.query(
            `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          if (waiting.length > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        await runner.commitTransaction();
        const response = await answer;
        expect(response.status).toBe(409);
        expect(response.body.code).toBe('MEETING_STARTED');
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
      expect((await meeting(later)).cancelledAt).toBeNull();
    });

    it('is refused once the meeting has begun', async () => {
      const today = await plan('2026-12-01T11:00:00+01:00');
      at('2026-12-01T10:30:00Z'); // 11:30 in Dordrecht
      const { version } = await meeting(today);
      expect((await cancel(today, { reason: 'Te laat', version }).expect(409)).body.code).toBe('MEETING_STARTED');
      expect((await change(today, { place: 'Elders', version }).expect(409)).body.code).toBe('MEETING_STARTED');
    });
  });

  describe('the counts of a meeting', () => {
    it('count every invitee, and say how many of them the user may not see', async () => {
      const clients = [await wwClient('Telling Een'), await wwClient('Telling Twee')];
      const id = await plan('2026-12-08T10:00:00+01:00');
      await invite(id, clients).expect(201);
      // A staffing-firm adviser without a signed statement sees none of UWV's clients.
      const unsigned = await createUser(test, [Role.ADVISER], Organisation.STAFFING_FIRM);
      const theirs = (await test.http.get(`/api/max-ww/meetings/${id}`).set(unsigned.headers).expect(200))
        .body as Meeting & { hiddenInvitees: number };
      expect([theirs.counts.invited, theirs.invitations.length, theirs.hiddenInvitees]).toEqual([2, 0, 2]);
      const ours = (await meeting(id)) as Meeting & { hiddenInvitees: number };
      expect([ours.counts.invited, ours.invitations.length, ours.hiddenInvitees]).toEqual([2, 2, 0]);
      const signed = (await test.http.get(`/api/max-ww/meetings/${id}`).set(staffingAdviser.headers).expect(200))
        .body as Meeting & { hiddenInvitees: number };
      expect(signed.hiddenInvitees).toBe(0);
    });
  });

  describe('changing', () => {
    it('changes date, place, capacity and hosts; never the capacity below the number invited', async () => {
      const clients = [await wwClient('Wijziging Een'), await wwClient('Wijziging Twee'), await wwClient('Drie')];
      const id = await plan('2026-12-08T10:00:00+01:00', 10);
      await invite(id, clients).expect(201);
      const { version } = await meeting(id);

      const below = await change(id, { capacity: 2, version }).expect(422);
      expect(below.body).toMatchObject({ code: 'CAPACITY_BELOW_INVITED', errors: { capacity: expect.any(String) } });
      expect((await change(id, { startsAt: '2026-11-30T10:00:00+01:00', version }).expect(422)).body.code).toBe(
        'MEETING_IN_PAST',
      );
      expect((await change(id, { hostIds: [municipalAdviser.id], version }).expect(422)).body.code).toBe(
        'HOST_NOT_IN_TEAM',
      );
      expect((await change(id, { place: '', version }).expect(422)).body.errors).toHaveProperty('place');
      expect((await change(id, { capacity: 3, version: version + 1 }).expect(409)).body.code).toBe('STALE_VERSION');
      expect(await meeting(id)).toMatchObject({ capacity: 10, place: 'Spuiboulevard 300, Dordrecht', version });

      const changed = (
        await change(id, {
          startsAt: '2026-12-10T14:00:00+01:00',
          place: 'Stadskantoor, Dordrecht',
          capacity: 3,
          hostIds: [staffingAdviser.id, adviser.id],
          version,
        }).expect(200)
      ).body as Meeting;
      expect(changed).toMatchObject({
        startsAt: '2026-12-10T13:00:00.000Z',
        place: 'Stadskantoor, Dordrecht',
        capacity: 3,
        version: version + 1,
      });
      expect(changed.hosts.map((host) => host.id).sort()).toEqual([adviser.id, staffingAdviser.id].sort());
      expect(changed.counts.invited).toBe(3);
      // Full at three: a fourth does not fit.
      expect((await invite(id, [await wwClient('Vier')]).expect(409)).body.code).toBe('MEETING_FULL');

      await cancel(id, { reason: 'Verplaatst naar januari', version: changed.version }).expect(200);
      expect((await change(id, { capacity: 5, version: changed.version + 1 }).expect(409)).body.code).toBe(
        'MEETING_CANCELLED',
      );
    });
  });
});
