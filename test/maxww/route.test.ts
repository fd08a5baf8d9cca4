import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Organisation, Role } from '@identity/organisation';
import { createUser, TestUser } from '@test/support/auth';
import { recordStatement } from '@test/support/confidentiality';
import { startTestApp, TestApp } from '@test/support/test-app';
import { makeCandidate } from '../matching/candidate-factory';
import { nextBsn, proposalWorld, ProposalWorld } from '../matching/proposals/proposal-world';

/** A Dutch calendar day `days` from today. */
function dayFromToday(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('Max-WW route over HTTP: hand-over, exits, target group, cohorts', () => {
  let test: TestApp;
  let world: ProposalWorld;
  let maxWwAdviser: TestUser; // a Max-WW adviser of the staffing firm
  let manager: TestUser;
  const db = () => test.app.get(DataSource);

  /** A mediation by the Max-WW adviser (the mediation module's table, written here as its fixture). */
  const mediate = (candidateId: string, startedOn: string, endedOn: string | null = null) =>
    db().query(
      `INSERT INTO max_ww_mediations (candidate_id, adviser_id, started_on, client_agreed_on, planned_end_on, ended_on,
                                      created_by)
       VALUES ($1, $2, $3, $3, ($3::date + interval '3 months')::date, $4, $2) RETURNING id`,
      [candidateId, maxWwAdviser.id, startedOn, endedOn],
    );
  const mediation = async (candidateId: string) =>
    (
      await db().query(`SELECT ended_on::text AS "endedOn" FROM max_ww_mediations WHERE candidate_id = $1`, [
        candidateId,
      ])
    )[0] as { endedOn: string | null };
  const consentFor = async (candidateId: string, organisation = 'MUNICIPALITY') =>
    (
      await test.http
        .post(`/api/candidates/${candidateId}/consents`)
        .set(world.uwvAdviser.headers)
        .send({ organisation, signedOn: '2026-10-01', documentReference: 'DMS-MAXWW-1' })
        .expect(201)
    ).body as { id: string };
  const place = (proposalId: string, startDate: string) =>
    test.http
      .post('/api/placements')
      .set(world.matcher.headers)
      .send({ proposalId, startDate, contractType: 'PERMANENT', hoursPerWeek: 32, instruments: [] })
      .expect(201);

  beforeAll(async () => {
    test = await startTestApp();
    world = await proposalWorld(test);
    maxWwAdviser = await createUser(test, [Role.ADVISER], Organisation.STAFFING_FIRM);
    // The staffing firm's Max-WW adviser sees UWV's clients under a signed statement for the programme
    // (which keeps covering a client in mediation once the WW has ended).
    await recordStatement(test, maxWwAdviser, { scope: 'MAX_WW' });
    manager = await createUser(test, [Role.MANAGER], Organisation.MUNICIPALITY);
  }, 120_000);
  afterAll(() => test.close());

  describe('the hand-over at the WW end', () => {
    it('needs the signed municipality consent, shows the current proposals, is seen by the municipality, and links the Bijstand record when it is created', async () => {
      const bsn = nextBsn();
      const wwClient = await world.readyCandidate({ bsn, wwEndDate: dayFromToday(20) });
      const vacancyId = await world.openVacancy();
      const proposal = await world.propose(vacancyId, wwClient);
      await world.move(proposal, 'PROPOSED');
      const body = {
        candidateId: wwClient,
        summary: 'Gemotiveerd, zoekt logistiek werk in Dordrecht.',
        tried: 'Cv herschreven, twee vacatures aangeboden, één voorstel loopt.',
        contactAdviserId: maxWwAdviser.id,
      };

      // A consent for UWV's own use is not the one for the social service: refused, nothing written.
      const other = await consentFor(wwClient, 'STAFFING_FIRM');
      const refused = await test.http
        .post('/api/max-ww/handovers')
        .set(maxWwAdviser.headers)
        .send({ ...body, consentId: other.id })
        .expect(422);
      expect(refused.body).toMatchObject({ code: 'CONSENT_MISSING', errors: { consentId: expect.any(String) } });
      expect((await db().query(`SELECT 1 FROM ww_end_handovers WHERE candidate_id = $1`, [wwClient])).length).toBe(0);
      // Without a consent the municipality does not see the client at all.
      await test.http.get(`/api/max-ww/exits/${wwClient}`).set(world.municipalityAdviser.headers).expect(404);

      const consent = await consentFor(wwClient);
      // The contact must be a Max-WW team adviser; the municipality does not hand over to itself.
      const badAdviser = await test.http
        .post('/api/max-ww/handovers')
        .set(maxWwAdviser.headers)
        .send({ ...body, consentId: consent.id, contactAdviserId: world.municipalityAdviser.id })
        .expect(422);
      expect(badAdviser.body.code).toBe('ADVISER_INVALID');
      const notTeam = await test.http
        .post('/api/max-ww/handovers')
        .set(world.municipalityAdviser.headers)
        .send({ ...body, consentId: consent.id })
        .expect(403);
      expect(notTeam.body.code).toBe('NOT_MAX_WW_TEAM');

      const created = await test.http
        .post('/api/max-ww/handovers')
        .set(maxWwAdviser.headers)
        .send({ ...body, consentId: consent.id })
        .expect(201);
      expect(created.body).toMatchObject({
        candidateId: wwClient,
        wwEnded: false,
        bijstandCandidateId: null,
        bijstandCandidate: null,
        contactAdviser: { id: maxWwAdviser.id, organisation: 'STAFFING_FIRM' },
        consent: { id: consent.id, active: true },
        currentProposals: [expect.objectContaining({ id: proposal.id, state: 'PROPOSED', vacancyId })],
      });
      const again = await test.http
        .post('/api/max-ww/handovers')
        .set(maxWwAdviser.headers)
        .send({ ...body, consentId: consent.id })
        .expect(409);
      expect(again.body.code).toBe('HANDOVER_EXISTS');

      // The social service sees it through the consent, among the ones not yet linked.
      const open = await test.http
        .get('/api/max-ww/handovers?linked=false')
        .set(world.municipalityAdviser.headers)
        .expect(200);
      expect(open.body.map((item: { id: string }) => item.id)).toContain(created.body.id);
      const audited = await db().query(
        `SELECT count(*)::int AS n FROM audit_log WHERE actor_id = $1 AND subject_id = $2 AND action = 'list'`,
        [world.municipalityAdviser.id, wwClient],
      );
      expect(audited[0].n).toBe(1);

      // The Bijstand record of the same person (same BSN) is linked as it is created.
      const bijstand = (
        await test.http
          .post('/api/candidates')
          .set(world.municipalityAdviser.headers)
          .send(makeCandidate({ pool: 'BIJSTAND', bsn, adviserId: world.municipalityAdviser.id }))
          .expect(201)
      ).body as { id: string; personId: string };
      const linked = await test.http
        .get(`/api/max-ww/handovers/${created.body.id}`)
        .set(world.municipalityAdviser.headers)
        .expect(200);
      expect(linked.body.bijstandCandidateId).toBe(bijstand.id);
      expect(linked.body.bijstandCandidate).toEqual({ id: bijstand.id, name: expect.any(String) });
      // Shown both ways: from the Bijstand record to the hand-over.
      const fromBijstand = await test.http
        .get(`/api/max-ww/handovers?candidateId=${bijstand.id}`)
        .set(world.municipalityAdviser.headers)
        .expect(200);
      expect(fromBijstand.body.map((item: { id: string }) => item.id)).toEqual([created.body.id]);
      const programme = await test.http
        .get(`/api/max-ww/exits/${bijstand.id}`)
        .set(world.municipalityAdviser.headers)
        .expect(200);
      expect(programme.body).toMatchObject({ pool: 'BIJSTAND', handoverId: created.body.id, exit: null });
      const stillOpen = await test.http
        .get('/api/max-ww/handovers?linked=false')
        .set(world.municipalityAdviser.headers)
        .expect(200);
      expect(stillOpen.body.map((item: { id: string }) => item.id)).not.toContain(created.body.id);

      // Withdrawing the consent ends the municipality's view at once.
      await test.http
        .post(`/api/candidates/${wwClient}/consents/${consent.id}/withdraw`)
        .set(world.uwvAdviser.headers)
        .expect(200);
      await test.http
        .get(`/api/max-ww/handovers/${created.body.id}`)
        .set(world.municipalityAdviser.headers)
        .expect(404);
      const gone = await test.http.get('/api/max-ww/handovers').set(world.municipalityAdviser.headers).expect(200);
      expect(gone.body.map((item: { id: string }) => item.id)).not.toContain(created.body.id);
      // Nor does the municipality's own Bijstand record point to it any more.
      const ownRecord = await test.http
        .get(`/api/max-ww/exits/${bijstand.id}`)
        .set(world.municipalityAdviser.headers)
        .expect(200);
      expect(ownRecord.body.handoverId).toBeNull();
      // UWV still sees it, consent shown as withdrawn.
      const uwv = await test.http
        .get(`/api/max-ww/handovers/${created.body.id}`)
        .set(world.uwvAdviser.headers)
        .expect(200);
      expect(uwv.body.consent.active).toBe(false);
    }, 60_000);

    it('links an existing Bijstand record at once, and refuses a Bijstand client or a bad body without a 500', async () => {
      const bsn = nextBsn();
      const wwClient = await world.readyCandidate({ bsn, wwEndDate: dayFromToday(5) });
      const bijstand = await world.readyCandidate({ bsn, pool: 'BIJSTAND' });
      const consent = await consentFor(wwClient);
      const created = await test.http
        .post('/api/max-ww/handovers')
        .set(maxWwAdviser.headers)
        .send({
          candidateId: wwClient,
          consentId: consent.id,
          summary: 'x',
          tried: 'y',
          contactAdviserId: maxWwAdviser.id,
        })
        .expect(201);
      expect(created.body.bijstandCandidateId).toBe(bijstand);

      const notWw = await test.http
        .post('/api/max-ww/handovers')
        .set(maxWwAdviser.headers)
        .send({
          candidateId: bijstand,
          consentId: consent.id,
          summary: 'x',
          tried: 'y',
          contactAdviserId: maxWwAdviser.id,
        })
        .expect(422);
      expect(notWw.body.code).toBe('NOT_A_WW_CLIENT');
      const blank = await test.http
        .post('/api/max-ww/handovers')
        .set(maxWwAdviser.headers)
        .send({
          candidateId: wwClient,
          consentId: 'nope',
          summary: '   ',
          tried: 'y',
          contactAdviserId: maxWwAdviser.id,
        })
        .expect(422);
      expect(Object.keys(blank.body.errors).sort()).toEqual(['consentId', 'summary']);
      await test.http.get('/api/max-ww/handovers?linked=maybe').set(maxWwAdviser.headers).expect(422);
    });
  });

  describe('a WW client whose WW ended', () => {
    it('is no longer matched as a WW client; the Bijstand record of the same person takes over in the running index', async () => {
      const bsn = nextBsn();
      const vacancyId = await world.openVacancy();
      const ended = await world.readyCandidate({ bsn, wwEndDate: dayFromToday(-3) });
      const running = await world.readyCandidate({ wwEndDate: dayFromToday(30) });
      const matches = async () =>
        (await test.http.get(`/api/vacancies/${vacancyId}/matches?limit=200`).set(world.matcher.headers).expect(200))
          .body as { items: Array<{ candidate: { id: string } }> };
      const before = await matches();
      const listed = before.items.map((item) => item.candidate.id);
      expect(listed).toContain(running);
      expect(listed).not.toContain(ended);
      // Proposing says why.
      const refused = await test.http
        .post(`/api/vacancies/${vacancyId}/proposals`)
        .set(world.matcher.headers)
        .send({ candidateId: ended })
        .expect(422);
      expect(JSON.stringify(refused.body)).toContain('WW is beëindigd');
      // And the client's record says so where advisers and matchers look (list and page), not only the engine.
      const flagOf = async (id: string) =>
        (
          (await test.http.get(`/api/candidates/${id}`).set(world.matcher.headers).expect(200)).body as {
            wwEnded: boolean;
          }
        ).wwEnded;
      expect([await flagOf(ended), await flagOf(running)]).toEqual([true, false]);

      const bijstand = await world.readyCandidate({ bsn, pool: 'BIJSTAND' });
      const after = (await matches()).items.map((item) => item.candidate.id);
      expect(after).toContain(bijstand);
      expect(after).not.toContain(ended);
    }, 60_000);
  });

  describe('exits', () => {
    it('records an own job, ends the open mediation on that day, and keeps to one exit per client', async () => {
      const client = await world.readyCandidate({ wwEndDate: dayFromToday(40) });
      await mediate(client, '2026-10-01');
      const exit = (body: Record<string, unknown>, user = maxWwAdviser) =>
        test.http
          .post('/api/max-ww/exits')
          .set(user.headers)
          .send({ candidateId: client, ...body });

      // A job found on one's own is no team placement: no placement named, and a team placement needs one.
      const withPlacement = await exit({ kind: 'OWN_JOB', exitOn: '2026-11-20', placementId: randomUUID() }).expect(
        422,
      );
      expect(withPlacement.body.code).toBe('PLACEMENT_ONLY_WHEN_PLACED');
      const withoutPlacement = await exit({ kind: 'PLACED_BY_TEAM', exitOn: '2026-11-20' }).expect(422);
      expect(withoutPlacement.body.code).toBe('PLACEMENT_REQUIRED');
      const unknown = await exit({ kind: 'PLACED_BY_TEAM', exitOn: '2026-11-20', placementId: randomUUID() }).expect(
        422,
      );
      expect(unknown.body.code).toBe('PLACEMENT_UNKNOWN');
      const early = await exit({ kind: 'OWN_JOB', exitOn: '2026-09-30' }).expect(422);
      expect(early.body).toMatchObject({ code: 'MEDIATION_END_BEFORE_START', errors: { exitOn: expect.any(String) } });
      await exit({ kind: 'GONE', exitOn: '2026-13-01' }).expect(422);
      const municipality = await exit({ kind: 'OWN_JOB', exitOn: '2026-11-20' }, world.municipalityAdviser).expect(403);
      expect(municipality.body.code).toBe('NOT_MAX_WW_TEAM');
      // None of the refusals changed anything.
      expect(await mediation(client)).toEqual({ endedOn: null });
      expect((await db().query(`SELECT 1 FROM max_ww_exits WHERE candidate_id = $1`, [client])).length).toBe(0);

      const recorded = await exit({ kind: 'OWN_JOB', exitOn: '2026-11-20' }).expect(201);
      expect(recorded.body).toMatchObject({
        candidateId: client,
        kind: 'OWN_JOB',
        exitOn: '2026-11-20',
        placementId: null,
      });
      expect(await mediation(client)).toEqual({ endedOn: '2026-11-20' });
      const twice = await exit({ kind: 'MOVED_AWAY', exitOn: '2026-11-25' }).expect(409);
      expect(twice.body.code).toBe('EXIT_RECORDED_ALREADY');
      const programme = await test.http.get(`/api/max-ww/exits/${client}`).set(maxWwAdviser.headers).expect(200);
      expect(programme.body).toMatchObject({
        pool: 'WW',
        exit: { kind: 'OWN_JOB', exitOn: '2026-11-20' },
        mediation: { startedOn: '2026-10-01', endedOn: '2026-11-20' },
      });
    });
  });

  describe('target group at placement', () => {
    it('is MAX WW for a client in the programme on the start date although the WW ended in between, and the team placement is the exit', async () => {
      // Hand-worked: today T; WW ends T+20; mediation since 2026-10-01; the job starts T+45. By the
      // date alone the client left the WW 25 days before the start (target group WW); in the
      // programme on the start date it counts MAX WW, the exit PLACED_BY_TEAM is dated T+45 and
      // names the placement, and the mediation ends that day.
      const start = dayFromToday(45);
      const inProgramme = await world.readyCandidate({ wwEndDate: dayFromToday(20) });
      await mediate(inProgramme, '2026-10-01');
      const outside = await world.readyCandidate({ wwEndDate: dayFromToday(20) });
      const vacancyId = await world.openVacancy({ positions: 2 });
      const placed = (await place((await world.toInterview(vacancyId, inProgramme)).id, start)).body;
      const control = (await place((await world.toInterview(vacancyId, outside)).id, start)).body;

      expect(placed.targetGroup).toBe('MAX WW');
      expect(control.targetGroup).toBe('WW');
      const programme = await test.http.get(`/api/max-ww/exits/${inProgramme}`).set(maxWwAdviser.headers).expect(200);
      expect(programme.body.exit).toMatchObject({ kind: 'PLACED_BY_TEAM', exitOn: start, placementId: placed.id });
      expect(programme.body.mediation.endedOn).toBe(start);
      expect((await db().query(`SELECT 1 FROM max_ww_exits WHERE candidate_id = $1`, [outside])).length).toBe(0);
    }, 60_000);
  });

  describe('the cohort report', () => {
    it('counts a hand-worked cohort: 10 invited, 7 attended, 3 into mediation, 1 placed by the team', async () => {
      // March 2025: ten WW clients invited (attempt 1) to the meeting of 31 March 22:30 (Dutch time);
      // five came, two more (5, 6) to their second invitation in April (still March's cohort): 7
      // attended; 3 taken into mediation (0, 1, 5); client 0 placed through the proposal flow, which
      // records the exit itself. An eleventh, at 1 April 00:30 Dutch time (still 31 March in UTC), is
      // April's cohort.
      const clients: string[] = [];
      for (let index = 0; index < 11; index++)
        clients.push(await world.readyCandidate({ wwEndDate: dayFromToday(60) }));
      const meeting = async (startsAt: string) =>
        (
          await db().query(
            `INSERT INTO max_ww_meetings (unit_id, starts_at, place, capacity, created_by)
             VALUES ($1, $2, 'Dordrecht', 15, $3) RETURNING id`,
            [maxWwAdviser.unitId, startsAt, maxWwAdviser.id],
          )
        )[0].id as string;
      const lateMarch = await meeting('2025-03-31T20:30:00Z'); // 22:30 in Amsterdam (summer time)
      const firstOfApril = await meeting('2025-03-31T22:30:00Z'); // 00:30 on 1 April in Amsterdam
      const april = await meeting('2025-04-15T08:00:00Z');
      const invite = (candidateId: string, meetingId: string, attempt: number, attendance: string) =>
        db().query(
          `INSERT INTO max_ww_invitations (meeting_id, candidate_id, attempt, channel, invited_on, invited_by, attendance,
                                           attendance_recorded_at, attendance_recorded_by)
           VALUES ($1, $2, $3, 'WORK_FOLDER', '2025-03-01', $4, $5, now(), $4)`,
          [meetingId, candidateId, attempt, maxWwAdviser.id, attendance],
        );
      for (const [index, client] of clients.slice(0, 10).entries()) {
        await invite(client, lateMarch, 1, index < 5 ? 'PRESENT' : 'ABSENT');
      }
      await invite(clients[10], firstOfApril, 1, 'ABSENT');
      await invite(clients[5], april, 2, 'PRESENT');
      await invite(clients[6], april, 2, 'PRESENT');
      await invite(clients[7], april, 2, 'ABSENT');
      // Mediation: clients 0, 1 and 5.
      for (const client of [clients[0], clients[1], clients[5]]) await mediate(client, '2025-04-20');
      const vacancyId = await world.openVacancy();
      await place((await world.toInterview(vacancyId, clients[0])).id, dayFromToday(7));

      const report = await test.http
        .get('/api/reports/max-ww-cohorts?from=2025-03&to=2025-04')
        .set(manager.headers)
        .expect(200);
      expect(report.body.months).toEqual([
        {
          month: '2025-03',
          invited: 10,
          attended: 7,
          inMediation: 3,
          placedByTeam: 1,
          ownJob: 0,
          movedToBijstand: 0,
          otherExit: 0,
          stillInMediation: 2,
        },
        {
          month: '2025-04',
          invited: 1,
          attended: 0,
          inMediation: 0,
          placedByTeam: 0,
          ownJob: 0,
          movedToBijstand: 0,
          otherExit: 0,
          stillInMediation: 0,
        },
      ]);
      expect(report.body.total).toMatchObject({ invited: 11, attended: 7, inMediation: 3, placedByTeam: 1 });
      // Counts only: no id or name of anyone in the answer.
      for (const client of clients) expect(JSON.stringify(report.body)).not.toContain(client);
    }, 120_000);

    it('reproduces "213 taken into mediation, 125 placed" from a year of cohorts of that shape', async () => {
      // 2017: 12 monthly meetings of 40 invited (480); in month m the k-th client (k = 1..40):
      //   attended k ≤ 28                                   → 12 × 28 = 336
      //   mediation k ≤ 17, or k = 18 in months 1..9        → 12 × 17 + 9 = 213
      //   placed by the team k ≤ 10, or k = 11 in months 1..5 → 120 + 5 = 125
      //   own job k = 12, 13, or k = 11 in months 6..12     → 24 + 7 = 31
      //   moved to Bijstand k = 14 → 12; still in mediation k = 15, 16 → 24; benefit ended k = 17 (12) and
      //   k = 18 in months 1..9 (9) → 21.  125 + 31 + 12 + 24 + 21 = 213.
      const template = await world.readyCandidate();
      const vacancyId = await world.openVacancy();
      const templatePlacement = (await place((await world.toInterview(vacancyId, template)).id, dayFromToday(3))).body;
      const unit = await createUser(test, [Role.ADVISER], Organisation.UWV, { unitName: 'Max-WW 2017' });

      const clients: Array<{ id: string; month: number; k: number }> = await db().query(
        `WITH people AS (INSERT INTO persons (bsn_hash) SELECT NULL FROM generate_series(1, 480) RETURNING id),
              numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM people),
              made AS (
                INSERT INTO candidates
                SELECT (jsonb_populate_record(NULL::candidates, to_jsonb(t) || jsonb_build_object(
                         'id', gen_random_uuid(), 'person_id', p.id, 'source_reference', 'UWV-2017-' || p.n))).*
                FROM candidates t, numbered p WHERE t.id = $1
                RETURNING id, source_reference)
         SELECT id, ((substr(source_reference, 10)::int - 1) % 12) + 1 AS month,
                ((substr(source_reference, 10)::int - 1) / 12) + 1 AS k
         FROM made`,
        [template],
      );
      expect(clients).toHaveLength(480);
      const meetings: Array<{ id: string; month: number }> = await db().query(
        `INSERT INTO max_ww_meetings (unit_id, starts_at, place, capacity, created_by)
         SELECT $1, make_timestamptz(2017, m, 15, 10, 0, 0, 'Europe/Amsterdam'), 'Dordrecht', 40, $2
         FROM generate_series(1, 12) m
         RETURNING id, extract(month FROM starts_at AT TIME ZONE 'Europe/Amsterdam')::int AS month`,
        [unit.unitId, maxWwAdviser.id],
      );
      const meetingOf = new Map(meetings.map((meeting) => [meeting.month, meeting.id]));
      const payload = clients.map((client) => ({ ...client, meeting: meetingOf.get(client.month) }));
      await db().query(
        `INSERT INTO max_ww_invitations (meeting_id, candidate_id, attempt, channel, invited_on, invited_by, attendance,
                                         attendance_recorded_at, attendance_recorded_by)
         SELECT r.meeting, r.id, 1, 'EMAIL', make_date(2017, r.month, 1), $2,
                CASE WHEN r.k <= 28 THEN 'PRESENT' ELSE 'ABSENT' END, now(), $2
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, month int, k int, meeting uuid)`,
        [JSON.stringify(payload), maxWwAdviser.id],
      );
      await db().query(
        `INSERT INTO max_ww_mediations (candidate_id, adviser_id, started_on, client_agreed_on, planned_end_on, ended_on,
                                        created_by)
         SELECT r.id, $2, make_date(2017, r.month, 20), make_date(2017, r.month, 20),
                (make_date(2017, r.month, 20) + interval '3 months')::date,
                CASE WHEN r.k IN (15, 16) THEN NULL ELSE make_date(2017, r.month, 20) + 60 END, $2
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, month int, k int)
         WHERE r.k <= 17 OR (r.k = 18 AND r.month <= 9)`,
        [JSON.stringify(payload), maxWwAdviser.id],
      );
      const placed = payload.filter((client) => client.k <= 10 || (client.k === 11 && client.month <= 5));
      for (const client of placed) {
        const proposalId = randomUUID();
        await db().query(
          `INSERT INTO proposals SELECT (jsonb_populate_record(NULL::proposals, to_jsonb(t) ||
                  jsonb_build_object('id', $2::uuid, 'candidate_id', $3::uuid))).*
           FROM proposals t WHERE t.id = $1`,
          [templatePlacement.proposalId, proposalId, client.id],
        );
        await db().query(
          `INSERT INTO placements SELECT (jsonb_populate_record(NULL::placements, to_jsonb(t) ||
                  jsonb_build_object('id', gen_random_uuid(), 'proposal_id', $2::uuid, 'candidate_id', $3::uuid,
                                     'start_date', make_date(2017, $4::int, 28)))).*
           FROM placements t WHERE t.id = $1`,
          [templatePlacement.id, proposalId, client.id, client.month],
        );
      }
      await db().query(
        `INSERT INTO max_ww_exits (candidate_id, kind, exit_on, placement_id, recorded_by)
         SELECT pl.candidate_id, 'PLACED_BY_TEAM', pl.start_date, pl.id, $2
         FROM placements pl WHERE pl.candidate_id = ANY($1::uuid[])`,
        [placed.map((client) => client.id), maxWwAdviser.id],
      );
      await db().query(
        `INSERT INTO max_ww_exits (candidate_id, kind, exit_on, recorded_by)
         SELECT r.id,
                CASE WHEN r.k IN (11, 12, 13) THEN 'OWN_JOB' WHEN r.k = 14 THEN 'MOVED_TO_BIJSTAND' ELSE 'BENEFIT_ENDED' END,
                make_date(2017, r.month, 20) + 60, $2
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, month int, k int)
         WHERE (r.k = 11 AND r.month > 5) OR r.k IN (12, 13, 14, 17) OR (r.k = 18 AND r.month <= 9)`,
        [JSON.stringify(payload), maxWwAdviser.id],
      );

      const report = await test.http
        .get(`/api/reports/max-ww-cohorts?from=2017-01&to=2017-12&unitId=${unit.unitId}`)
        .set(maxWwAdviser.headers)
        .expect(200);
      expect(report.body.months).toHaveLength(12);
      expect(report.body.total).toEqual({
        invited: 480,
        attended: 336,
        inMediation: 213,
        placedByTeam: 125,
        ownJob: 31,
        movedToBijstand: 12,
        otherExit: 21,
        stillInMediation: 24,
      });
      // January: k = 1..40; mediation 18 (k ≤ 18), placed 11 (k ≤ 11).
      expect(report.body.months[0]).toMatchObject({ month: '2017-01', invited: 40, inMediation: 18, placedByTeam: 11 });
    }, 180_000);

    it('refuses a bad period with 422 and answers every month of a range with zeros', async () => {
      for (const query of ['from=2026-13', 'from=2026-05&to=2026-04', 'from=2020-01&to=2025-01', 'to=26-12']) {
        const response = await test.http.get(`/api/reports/max-ww-cohorts?${query}`).set(manager.headers);
        expect([query, response.status]).toEqual([query, 422]);
      }
      const empty = await test.http
        .get('/api/reports/max-ww-cohorts?from=2030-11&to=2031-02')
        .set(manager.headers)
        .expect(200);
      expect(empty.body.months.map((month: { month: string }) => month.month)).toEqual([
        '2030-11',
        '2030-12',
        '2031-01',
        '2031-02',
      ]);
      expect(empty.body.total.invited).toBe(0);
    });
  });
});
