import { DataSource, QueryRunner } from 'typeorm';
import { Organisation, Role } from '@identity/organisation';
import { Clock, ManualClock } from '@platform/clock/clock';
import { createUser, TestUser } from '@test/support/auth';
import { recordStatement } from '@test/support/confidentiality';
import { startTestApp, TestApp } from '@test/support/test-app';
import { makeCandidate } from '../matching/candidate-factory';
import { vacancyInput } from '../sales/sales-factories';
import { nextBsn, proposalWorld, ProposalWorld } from '../matching/proposals/proposal-world';

// "Today" for the whole file; each scenario sets the day it works from.
const clock = new ManualClock('2026-12-10T09:00:00Z');

describe('Max-WW mediation over HTTP', () => {
  let test: TestApp;
  let world: ProposalWorld;
  let adviser: TestUser; // world.uwvAdviser: a Max-WW adviser of UWV
  let staffingAdviser: TestUser;
  let colleague: TestUser; // another UWV adviser
  let uwvManager: TestUser;
  let municipalityManager: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    test = await startTestApp();
    jest.spyOn(test.app.get(Clock), 'now').mockImplementation(() => clock.now());
    world = await proposalWorld(test);
    adviser = world.uwvAdviser;
    staffingAdviser = await createUser(test, [Role.ADVISER], Organisation.STAFFING_FIRM);
    // The staffing firm's Max-WW adviser sees UWV's clients under a signed statement for the programme.
    await recordStatement(test, staffingAdviser, { scope: 'MAX_WW' });
    colleague = await createUser(test, [Role.ADVISER], Organisation.UWV);
    uwvManager = await createUser(test, [Role.MANAGER], Organisation.UWV);
    municipalityManager = await createUser(test, [Role.MANAGER], Organisation.MUNICIPALITY);
    admin = await createUser(test, [Role.ADMIN]);
  }, 120_000);
  afterAll(() => test.close());

  const wwClient = async (adviserOfRecord: TestUser = adviser): Promise<string> =>
    (
      await test.http
        .post('/api/candidates')
        .set(adviser.headers)
        .send(makeCandidate({ bsn: nextBsn(), adviserId: adviserOfRecord.id }))
        .expect(201)
    ).body.id as string;
  const takeIn = (candidateId: string, startedOn: string, user: TestUser = adviser, extra: object = {}) =>
    test.http
      .post('/api/max-ww/mediations')
      .set(user.headers)
      .send({ candidateId, startedOn, clientAgreedOn: startedOn, ...extra });
  const logContact = (mediationId: string, body: object, user: TestUser = adviser) =>
    test.http
      .post(`/api/max-ww/mediations/${mediationId}/contacts`)
      .set(user.headers)
      .send({ channel: 'PHONE', summary: 'Gebeld, gaat goed', ...body });
  const route = (candidateId: string, to: string) =>
    test.app
      .get(DataSource)
      .query(`INSERT INTO max_ww_routes (candidate_id, route, basis, decided_by) VALUES ($1, $2, 'TRIAGE', $3)`, [
        candidateId,
        to,
        adviser.id,
      ]);

  describe('taking a client into mediation', () => {
    it('records adviser, start and agreement, plans the end three months on, and notes a client without triage', async () => {
      clock.set('2026-12-10T09:00:00Z');
      const candidateId = await wwClient();
      const response = await takeIn(candidateId, '2026-11-30', adviser, { clientAgreedOn: '2026-11-27' }).expect(201);
      // 30 November + 3 months: there is no 30 February, so 28 February 2027.
      expect(response.body).toMatchObject({
        candidateId,
        adviserId: adviser.id,
        startedOn: '2026-11-30',
        clientAgreedOn: '2026-11-27',
        plannedEndOn: '2027-02-28',
        endedOn: null,
        cameWithoutTriage: true,
        lastContactOn: null,
        // no contact yet: two weeks after the start, 14 December, not yet overdue on the 10th
        nextContactDue: '2026-12-14',
        daysOverdue: 0,
        contacts: [],
        offers: [],
      });
      // The programme is one pass.
      expect((await takeIn(candidateId, '2026-12-01').expect(409)).body.code).toBe('MEDIATION_EXISTS');
      const audit: Array<{ action: string }> = await test.app
        .get(DataSource)
        .query(`SELECT action FROM audit_log WHERE subject_id = $1 AND purpose LIKE 'max-ww mediation%'`, [
          candidateId,
        ]);
      expect(audit.map((entry) => entry.action)).toEqual(['create']);
    });

    it('follows the triage: a client routed to the Max-WW adviser comes in, one routed to the UWV adviser does not', async () => {
      const routedHere = await wwClient();
      await route(routedHere, 'MAX_WW_ADVISER');
      expect((await takeIn(routedHere, '2026-12-01').expect(201)).body.cameWithoutTriage).toBe(false);

      const routedAway = await wwClient();
      await route(routedAway, 'UWV_ADVISER');
      const refused = await takeIn(routedAway, '2026-12-01').expect(409);
      expect(refused.body).toMatchObject({ code: 'ROUTE_NOT_MAX_WW_ADVISER', details: { route: 'UWV_ADVISER' } });
    });

    it('refuses a Bijstand client, an adviser outside the team, bad dates, and a municipal adviser', async () => {
      const bijstand = (
        await test.http
          .post('/api/candidates')
          .set(world.municipalityAdviser.headers)
          .send(makeCandidate({ pool: 'BIJSTAND', bsn: nextBsn() }))
          .expect(201)
      ).body.id as string;
      // The municipality's client is not visible to UWV: not found; an administrator sees it is no WW client.
      expect((await takeIn(bijstand, '2026-12-01').expect(404)).body.code).toBe('CANDIDATE_NOT_FOUND');
      expect((await takeIn(bijstand, '2026-12-01', admin, { adviserId: adviser.id }).expect(422)).body.code).toBe(
        'NOT_A_WW_CLIENT',
      );

      const candidateId = await wwClient();
      const notTeam = await takeIn(candidateId, '2026-12-01', adviser, { adviserId: world.municipalityAdviser.id });
      expect(notTeam.status).toBe(422);
      expect(notTeam.body.code).toBe('ADVISER_NOT_MAX_WW');
      expect((await takeIn(candidateId, '2026-12-01', admin).expect(422)).body.errors).toHaveProperty('adviserId');
      const badDay = await takeIn(candidateId, '2026-02-30').expect(422);
      expect(badDay.body.errors).toHaveProperty('startedOn');
      const agreedLater = await takeIn(candidateId, '2026-12-01', adviser, { clientAgreedOn: '2026-12-02' });
      expect(agreedLater.status).toBe(422);
      expect(agreedLater.body.errors).toHaveProperty('clientAgreedOn');
      await takeIn(candidateId, '2026-12-01', world.municipalityAdviser).expect(403);
      // Nothing was written by the refusals.
      const rows: unknown[] = await test.app
        .get(DataSource)
        .query(`SELECT 1 FROM max_ww_mediations WHERE candidate_id = ANY($1::uuid[])`, [[candidateId, bijstand]]);
      expect(rows).toHaveLength(0);
      // The staffing firm's adviser is in the team. Under their Max-WW statement they see the client once
      // it is on the programme's route (here: routed to the Max-WW adviser), not before: its WW ends in
      // June 2027, beyond the target group's three months.
      expect((await takeIn(candidateId, '2026-12-01', staffingAdviser).expect(404)).body.code).toBe(
        'CANDIDATE_NOT_FOUND',
      );
      await route(candidateId, 'MAX_WW_ADVISER');
      expect((await takeIn(candidateId, '2026-12-01', staffingAdviser).expect(201)).body.adviserId).toBe(
        staffingAdviser.id,
      );
    });
  });

  describe('the contact log', () => {
    it('puts the next contact two weeks after a contact unless told, and refuses contacts outside the mediation', async () => {
      clock.set('2026-12-10T09:00:00Z');
      const mediation = (await takeIn(await wwClient(), '2026-12-01').expect(201)).body;
      const first = await logContact(mediation.id, { contactOn: '2026-12-04' }).expect(201);
      // 4 December + 14 days = 18 December.
      expect(first.body).toMatchObject({
        contactOn: '2026-12-04',
        channel: 'PHONE',
        nextContactDue: '2026-12-18',
        recordedBy: adviser.id,
      });
      await logContact(mediation.id, {
        contactOn: '2026-12-09',
        channel: 'WHATSAPP',
        summary: 'Cv gestuurd',
        nextContactDue: '2026-12-12',
      }).expect(201);
      const detail = (await test.http.get(`/api/max-ww/mediations/${mediation.id}`).set(adviser.headers).expect(200))
        .body;
      expect(detail.contacts.map((contact: { contactOn: string }) => contact.contactOn)).toEqual([
        '2026-12-09',
        '2026-12-04',
      ]);
      expect(detail).toMatchObject({ lastContactOn: '2026-12-09', nextContactDue: '2026-12-12', daysOverdue: 0 });

      const errorsOf = async (body: object) => (await logContact(mediation.id, body).expect(422)).body.errors;
      expect(await errorsOf({ contactOn: '2026-11-30' })).toHaveProperty('contactOn'); // before the start
      expect(await errorsOf({ contactOn: '2026-12-11' })).toHaveProperty('contactOn'); // after today
      expect(await errorsOf({ contactOn: '2026-12-09', nextContactDue: '2026-12-08' })).toHaveProperty(
        'nextContactDue',
      );
      expect(await errorsOf({ contactOn: '2026-12-09', summary: 'x'.repeat(501) })).toHaveProperty('summary');
      expect(await errorsOf({ contactOn: '2026-12-09', summary: '   ' })).toHaveProperty('summary');
      expect(await errorsOf({ contactOn: '2026-12-09', channel: 'FAX' })).toHaveProperty('channel');

      // Ended: no more contacts.
      await test.http
        .post(`/api/max-ww/mediations/${mediation.id}/end`)
        .set(adviser.headers)
        .send({ endedOn: '2026-12-10', version: mediation.version, reason: 'CLIENT_CHOICE' })
        .expect(200);
      expect((await logContact(mediation.id, { contactOn: '2026-12-10' }).expect(409)).body.code).toBe(
        'MEDIATION_ENDED',
      );
    });
  });

  describe('ending a mediation without an exit', () => {
    it("takes a reason from the fixed list (the client's choice, three months over, other) and shows it", async () => {
      clock.set('2026-12-10T09:00:00Z');
      const mediation = (await takeIn(await wwClient(), '2026-12-01').expect(201)).body;
      const end = (body: object) =>
        test.http.post(`/api/max-ww/mediations/${mediation.id}/end`).set(adviser.headers).send(body);
      const version = mediation.version as number;
      expect((await end({ endedOn: '2026-12-10', version }).expect(422)).body.errors).toHaveProperty('reason');
      expect(
        (await end({ endedOn: '2026-12-10', version, reason: 'FOUND_A_JOB' }).expect(422)).body.errors,
      ).toHaveProperty('reason');
      expect(
        (await test.http.get(`/api/max-ww/mediations/${mediation.id}`).set(adviser.headers).expect(200)).body,
      ).toMatchObject({ endedOn: null, endReason: null });
      // Not in the future: it would count as ended at once.
      expect((await end({ endedOn: '2026-12-11', version, reason: 'OTHER' }).expect(422)).body.errors).toEqual({
        endedOn: 'must not be after today',
      });
      const ended = (await end({ endedOn: '2026-12-10', version, reason: 'PROGRAMME_COMPLETED' }).expect(200)).body;
      expect(ended).toMatchObject({ endedOn: '2026-12-10', endReason: 'PROGRAMME_COMPLETED', nextContactDue: null });
      expect(
        (await end({ endedOn: '2026-12-10', version: ended.version, reason: 'OTHER' }).expect(409)).body.code,
      ).toBe('MEDIATION_ENDED');
      const [audit]: Array<{ purpose: string }> = await test.app
        .get(DataSource)
        .query(`SELECT purpose FROM audit_log WHERE subject_id = $1 AND purpose LIKE '%ended%'`, [
          mediation.candidateId,
        ]);
      expect(audit.purpose).toBe(`max-ww mediation ${mediation.id}: ended 2026-12-10 (PROGRAMME_COMPLETED)`);
    });
  });

  describe('the overdue list, on 20 December 2026', () => {
    it('lists open mediations whose next contact was due before today, most overdue first, per adviser', async () => {
      clock.set('2026-12-10T09:00:00Z');
      const advisor = await createUser(test, [Role.ADVISER], Organisation.UWV); // a fresh adviser: only these
      const other = await createUser(test, [Role.ADVISER], Organisation.STAFFING_FIRM);
      await recordStatement(test, other, { scope: 'MAX_WW' });
      const start = async (startedOn: string, who: TestUser = advisor) =>
        (await takeIn(await wwClient(), startedOn, who).expect(201)).body as { id: string; version: number };

      // A: started 1 Dec, no contact: due 15 Dec, 5 days overdue on the 20th.
      const a = await start('2026-12-01');
      // B: started 1 Dec, contact 4 Dec (default): due 18 Dec, 2 days overdue.
      const b = await start('2026-12-01');
      await logContact(b.id, { contactOn: '2026-12-04' }, advisor).expect(201);
      // C: contact 10 Dec, next due 20 Dec: due today, not overdue.
      const c = await start('2026-12-01');
      await logContact(c.id, { contactOn: '2026-12-10', nextContactDue: '2026-12-20' }, advisor).expect(201);
      // D: started 20 Nov, no contact, ended 5 Dec: not listed.
      const d = await start('2026-11-20');
      await test.http
        .post(`/api/max-ww/mediations/${d.id}/end`)
        .set(advisor.headers)
        .send({ endedOn: '2026-12-05', version: d.version, reason: 'OTHER' })
        .expect(200);
      // E: another adviser's, started 1 Nov, no contact: due 15 Nov, 35 days overdue (15 in November + 20).
      // (The staffing firm's adviser sees the client under the Max-WW statement once it is routed to them.)
      const eClient = await wwClient();
      await route(eClient, 'MAX_WW_ADVISER');
      const e = (await takeIn(eClient, '2026-11-01', other).expect(201)).body as { id: string };

      clock.set('2026-12-20T09:00:00Z');
      const mine = (await test.http.get('/api/max-ww/mediations/overdue').set(advisor.headers).expect(200)).body;
      expect(mine.today).toBe('2026-12-20');
      expect(mine.advisers).toHaveLength(1);
      expect(
        mine.advisers[0].mediations.map((m: { id: string; nextContactDue: string; daysOverdue: number }) => [
          m.id,
          m.nextContactDue,
          m.daysOverdue,
        ]),
      ).toEqual([
        [a.id, '2026-12-15', 5],
        [b.id, '2026-12-18', 2],
      ]);

      const everyone = (
        await test.http.get('/api/max-ww/mediations/overdue?adviser=all').set(uwvManager.headers).expect(200)
      ).body;
      const byAdviser = new Map<string, string[]>(
        everyone.advisers.map((group: { adviserId: string; mediations: Array<{ id: string }> }) => [
          group.adviserId,
          group.mediations.map((m) => m.id),
        ]),
      );
      expect(byAdviser.get(advisor.id)).toEqual([a.id, b.id]);
      expect(byAdviser.get(other.id)).toEqual([e.id]);
      const eRow = everyone.advisers
        .find((group: { adviserId: string }) => group.adviserId === other.id)
        .mediations.find((m: { id: string }) => m.id === e.id);
      expect(eRow).toMatchObject({ nextContactDue: '2026-11-15', daysOverdue: 35 });

      // "Mijn bemiddeling": open ones, soonest contact due first; ended ones with state=all, last.
      const list = (await test.http.get('/api/max-ww/mediations').set(advisor.headers).expect(200)).body;
      expect(list.items.map((m: { id: string }) => m.id)).toEqual([a.id, b.id, c.id]);
      expect(list.items.map((m: { daysOverdue: number }) => m.daysOverdue)).toEqual([5, 2, 0]);
      const all = (await test.http.get('/api/max-ww/mediations?state=all').set(advisor.headers).expect(200)).body;
      expect(all.items.map((m: { id: string }) => m.id)).toEqual([a.id, b.id, c.id, d.id]);
      expect(all.items[3]).toMatchObject({ endedOn: '2026-12-05', nextContactDue: null, daysOverdue: 0 });
      const ended = (await test.http.get('/api/max-ww/mediations?state=ended').set(advisor.headers).expect(200)).body;
      expect(ended.items.map((m: { id: string }) => m.id)).toEqual([d.id]);

      // A municipal manager sees no WW client without a consent; bad filters are 422.
      const municipal = (
        await test.http.get('/api/max-ww/mediations?adviser=all').set(municipalityManager.headers).expect(200)
      ).body;
      expect(municipal.total).toBe(0);
      await test.http.get('/api/max-ww/mediations?state=closed').set(advisor.headers).expect(422);
      await test.http.get('/api/max-ww/mediations/overdue?adviser=someone').set(advisor.headers).expect(422);
    });
  });

  describe('advisers offer vacancies and propose', () => {
    it('lets an adviser read open vacancies, not drafts', async () => {
      const open = await world.openVacancy({ title: 'Orderpicker open' });
      const draft = (
        await test.http
          .post('/api/vacancies')
          .set(world.sales.headers)
          .send({ ...(await vacancyBody()), title: 'Orderpicker concept' })
          .expect(201)
      ).body.id as string;
      await test.http.get(`/api/vacancies/${open}`).set(adviser.headers).expect(200);
      expect((await test.http.get(`/api/vacancies/${draft}`).set(adviser.headers).expect(403)).body.code).toBe(
        'NOT_ALLOWED',
      );
      const listed = (await test.http.get('/api/vacancies?limit=200').set(adviser.headers).expect(200)).body;
      const ids = listed.items.map((v: { id: string }) => v.id);
      expect(ids).toContain(open);
      expect(ids).not.toContain(draft);
      expect(listed.items.every((v: { status: string }) => v.status === 'OPEN')).toBe(true);
      const drafts = (await test.http.get('/api/vacancies?status=DRAFT').set(adviser.headers).expect(200)).body;
      expect(drafts.total).toBe(0);
      // Sales still sees the draft.
      await test.http.get(`/api/vacancies/${draft}`).set(world.sales.headers).expect(200);
    });

    it('lets an adviser propose their own client only after an INTERESTED offer, audited like a matcher', async () => {
      clock.set('2026-12-10T09:00:00Z');
      const vacancyId = await world.openVacancy();
      const own = await world.readyCandidate(); // adviser of record: world.uwvAdviser
      const propose = (candidateId: string, user: TestUser = adviser) =>
        test.http.post(`/api/vacancies/${vacancyId}/proposals`).set(user.headers).send({ candidateId });

      expect((await propose(own).expect(409)).body).toMatchObject({
        code: 'CLIENT_NOT_INTERESTED',
        details: { offer: 'NOT_OFFERED' },
      });
      const offer = (
        await test.http
          .post('/api/vacancy-offers')
          .set(adviser.headers)
          .send({ candidateId: own, vacancyId })
          .expect(201)
      ).body;
      expect(offer).toMatchObject({ clientResponse: null, vacancyStatus: 'OPEN', proposal: null });
      expect((await propose(own).expect(409)).body.details).toEqual({ offer: 'NO_RESPONSE' });
      const respond = (response: string) =>
        test.http.post(`/api/vacancy-offers/${offer.id}/response`).set(adviser.headers).send({ response });
      await respond('NOT_INTERESTED').expect(200);
      expect((await propose(own).expect(409)).body.details).toEqual({ offer: 'NOT_INTERESTED' });
      await respond('MAYBE').expect(422);
      expect((await respond('INTERESTED').expect(200)).body).toMatchObject({
        clientResponse: 'INTERESTED',
        respondedBy: adviser.id,
      });
      expect(
        (await test.http.post('/api/vacancy-offers').set(adviser.headers).send({ candidateId: own, vacancyId })).status,
      ).toBe(409);

      const shortlisted = (await propose(own).expect(201)).body;
      expect(shortlisted).toMatchObject({ state: 'SHORTLISTED', shortlistedBy: adviser.id });
      const proposed = await world.move(shortlisted, 'PROPOSED', {}, adviser);
      expect(proposed).toMatchObject({ state: 'PROPOSED' });
      const audit: Array<{ action: string; purpose: string; actorId: string }> = await test.app.get(DataSource).query(
        `SELECT action, purpose, actor_id AS "actorId" FROM audit_log WHERE subject_id = $1 AND purpose LIKE 'proposal %'
         ORDER BY at, id`,
        [own],
      );
      expect(audit).toEqual([
        { action: 'create', purpose: `proposal ${shortlisted.id} for vacancy ${vacancyId}`, actorId: adviser.id },
        { action: 'update', purpose: `proposal ${shortlisted.id} → PROPOSED`, actorId: adviser.id },
      ]);
      const offers = (await test.http.get(`/api/vacancy-offers?candidateId=${own}`).set(adviser.headers).expect(200))
        .body;
      expect(offers[0].proposal).toMatchObject({ id: shortlisted.id, state: 'PROPOSED' });
    });

    describe('while the interest or the adviser changes in another transaction', () => {
      // The change is written and held uncommitted; the proposal starts; once the proposal waits for
      // the change's lock (or has answered already: the race lost), the change commits. The answer must
      // reflect the committed change: no proposal for a client who said no, or who is no longer ours.
      const racing = async (
        change: (runner: QueryRunner) => Promise<unknown>,
        candidateId: string,
        vacancyId: string,
      ) => {
        const dataSource = test.app.get(DataSource);
        const runner = dataSource.createQueryRunner();
        await runner.connect();
        try {
          await runner.startTransaction();
          await change(runner);
          const answer = test.http
            .post(`/api/vacancies/${vacancyId}/proposals`)
            .set(adviser.headers)
            .send({ candidateId })
            .then((response) => response);
          let settled = false;
          void answer.then(() => (settled = true));
          for (let tries = 0; tries < 200 && !settled; tries += 1) {
            const waiting: unknown[] = await dataSource.query(
              `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            );
            if (waiting.length > 0) break;
            await new Promise((resolve) => setTimeout(resolve, 25));
          }
          await runner.commitTransaction();
          return await answer;
        } finally {
          await runner.release();
        }
      };
      const interestedClient = async () => {
        const vacancyId = await world.openVacancy();
        const candidateId = await world.readyCandidate();
        const offer = (
          await test.http.post('/api/vacancy-offers').set(adviser.headers).send({ candidateId, vacancyId }).expect(201)
        ).body as { id: string };
        await test.http
          .post(`/api/vacancy-offers/${offer.id}/response`)
          .set(adviser.headers)
          .send({ response: 'INTERESTED' })
          .expect(200);
        return { vacancyId, candidateId, offerId: offer.id };
      };
      const proposalsOf = async (candidateId: string) =>
        (
          await test.app
            .get(DataSource)
            .query(`SELECT count(*)::int AS n FROM proposals WHERE candidate_id = $1`, [candidateId])
        )[0].n as number;

      it('refuses the proposal when the client withdraws their interest meanwhile', async () => {
        const { vacancyId, candidateId, offerId } = await interestedClient();
        const response = await racing(
          (runner) =>
            runner.query(`UPDATE vacancy_offers SET client_response = 'NOT_INTERESTED' WHERE id = $1`, [offerId]),
          candidateId,
          vacancyId,
        );
        expect(response.status).toBe(409);
        expect(response.body).toMatchObject({ code: 'CLIENT_NOT_INTERESTED', details: { offer: 'NOT_INTERESTED' } });
        expect(await proposalsOf(candidateId)).toBe(0);
      });

      it('refuses the proposal when the client gets another adviser meanwhile', async () => {
        const { vacancyId, candidateId } = await interestedClient();
        const response = await racing(
          (runner) => runner.query(`UPDATE candidates SET adviser_id = $2 WHERE id = $1`, [candidateId, colleague.id]),
          candidateId,
          vacancyId,
        );
        expect(response.status).toBe(403);
        expect(response.body.code).toBe('NOT_OWN_CLIENT');
        expect(await proposalsOf(candidateId)).toBe(0);
      });
    });

    it("refuses another adviser's client, unless the adviser holds the client's mediation; matchers propose as before", async () => {
      const vacancyId = await world.openVacancy();
      const theirs = await wwClient(colleague);
      const offerTo = (candidateId: string, user: TestUser = adviser) =>
        test.http.post('/api/vacancy-offers').set(user.headers).send({ candidateId, vacancyId });
      expect((await offerTo(theirs).expect(403)).body.code).toBe('NOT_OWN_CLIENT');
      expect(
        (
          await test.http
            .post(`/api/vacancies/${vacancyId}/proposals`)
            .set(adviser.headers)
            .send({ candidateId: theirs })
            .expect(403)
        ).body.code,
      ).toBe('NOT_OWN_CLIENT');
      // The colleague's own offer does not make the client ours.
      const colleagues = (await offerTo(theirs, colleague).expect(201)).body;
      await test.http
        .post(`/api/vacancy-offers/${colleagues.id}/response`)
        .set(adviser.headers)
        .send({ response: 'INTERESTED' })
        .expect(403);

      // Our mediation makes them our client.
      const inMediation = await wwClient(colleague);
      await takeIn(inMediation, '2026-12-01').expect(201);
      await offerTo(inMediation).expect(201);

      // A matcher proposes a jobready client without any offer, as before.
      const ready = await world.readyCandidate();
      await world.propose(vacancyId, ready);

      // A closed vacancy cannot be offered.
      const draft = (
        await test.http
          .post('/api/vacancies')
          .set(world.sales.headers)
          .send(await vacancyBody())
          .expect(201)
      ).body.id as string;
      const closed = await test.http
        .post('/api/vacancy-offers')
        .set(adviser.headers)
        .send({ candidateId: await wwClient(), vacancyId: draft })
        .expect(409);
      expect(closed.body.code).toBe('VACANCY_NOT_OPEN');
    });
  });

  const vacancyBody = () => Promise.resolve(vacancyInput(world.employerId));
});
