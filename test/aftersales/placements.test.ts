import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Organisation, Role } from '@identity/organisation';
import { JobName, QueueName } from '@platform/queue/queue-names';
import { createUser } from '@test/support/auth';
import { recordStatement } from '@test/support/confidentiality';
import { startTestApp, TestApp } from '@test/support/test-app';
import { proposalWorld, ProposalWorld } from '../matching/proposals/proposal-world';

describe('placements over HTTP', () => {
  let test: TestApp;
  let world: ProposalWorld;

  const place = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    test.http
      .post('/api/placements')
      .set({ ...world.matcher.headers, ...headers })
      .send({ startDate: '2026-12-01', hoursPerWeek: 32, instruments: [], ...body });
  const placementsOf = async (proposalId: string): Promise<number> => {
    const rows: Array<{ count: number }> = await test.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS count FROM placements WHERE proposal_id = $1`, [proposalId]);
    return rows[0].count;
  };
  const candidate = async (id: string, adviser = world.uwvAdviser) =>
    (await test.http.get(`/api/candidates/${id}`).set(adviser.headers).expect(200)).body;
  const vacancy = async (id: string) =>
    (await test.http.get(`/api/vacancies/${id}`).set(world.sales.headers).expect(200)).body;
  const proposal = async (id: string) =>
    (await test.http.get(`/api/proposals/${id}`).set(world.matcher.headers).expect(200)).body;
  const db = () => test.app.get(DataSource);

  beforeAll(async () => {
    test = await startTestApp();
    world = await proposalWorld(test);
  }, 120_000);
  afterAll(() => test.close());

  it('answers 100 concurrent identical requests with one Idempotency-Key with one placement and the same answer', async () => {
    const vacancyId = await world.openVacancy({ positions: 5 });
    const interview = await world.toInterview(vacancyId, await world.readyCandidate());
    const body = { proposalId: interview.id, contractType: 'PERMANENT' };
    const key = { 'Idempotency-Key': `placement-${interview.id}` };

    const responses = await Promise.all(Array.from({ length: 100 }, () => place(body, key)));
    expect(responses.map((response) => response.status)).toEqual(Array(100).fill(201));
    const first = JSON.stringify(responses[0].body);
    expect(responses.filter((response) => JSON.stringify(response.body) === first)).toHaveLength(100);
    expect(responses.filter((response) => response.headers['idempotent-replayed'] === 'true')).toHaveLength(99);
    expect(await placementsOf(interview.id)).toBe(1);
    expect((await vacancy(vacancyId)).positionsLeft).toBe(4); // one position taken, not a hundred

    // A later repeat still gets the first answer; the same key with another body is refused.
    const later = await place(body, key).expect(201);
    expect(later.body).toEqual(responses[0].body);
    const other = await place({ ...body, hoursPerWeek: 24 }, key).expect(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await placementsOf(interview.id)).toBe(1);
  }, 60_000);

  it('takes one position per placement: 8 concurrent placements on 3 positions give 3 × 201 and 5 × 409, the refused change nothing', async () => {
    const vacancyId = await world.openVacancy({ positions: 3 });
    const people: string[] = [];
    const interviews: Array<{ id: string }> = [];
    for (let index = 0; index < 8; index++) {
      const person = await world.readyCandidate();
      people.push(person);
      interviews.push(await world.toInterview(vacancyId, person));
    }

    const responses = await Promise.all(
      interviews.map((interview) => place({ proposalId: interview.id, contractType: 'PERMANENT' })),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    expect(statuses.filter((status) => status === 409)).toHaveLength(5);
    // The three placements took the three positions and filled the vacancy; the rest found it FILLED.
    for (const refused of responses.filter((response) => response.status === 409)) {
      expect(refused.body).toMatchObject({ code: 'VACANCY_NOT_OPEN', details: { status: 'FILLED' } });
    }
    const [{ placements }]: Array<{ placements: number }> = await db().query(
      `SELECT count(*)::int AS placements FROM placements WHERE vacancy_id = $1`,
      [vacancyId],
    );
    expect(placements).toBe(3);
    expect(await vacancy(vacancyId)).toMatchObject({ positionsLeft: 0, status: 'FILLED' });

    // Nothing of a refused placement was written: the proposal is still at INTERVIEW, the candidate
    // still PROPOSED, and no follow-ups exist beyond those of the three placements.
    const refusedIndexes = responses.flatMap((response, index) => (response.status === 409 ? [index] : []));
    for (const index of refusedIndexes) {
      expect((await proposal(interviews[index].id)).state).toBe('INTERVIEW');
      expect((await candidate(people[index])).status).toBe('PROPOSED');
    }
    const [{ followUps }]: Array<{ followUps: number }> = await db().query(
      `SELECT count(*)::int AS "followUps" FROM follow_ups f JOIN placements pl ON pl.id = f.placement_id
       WHERE pl.vacancy_id = $1`,
      [vacancyId],
    );
    expect(followUps).toBe(3 * 2 * test.config.followUps.offsets.length);
  }, 120_000);

  it('places one candidate on a vacancy with one position; a second placement is 409 and changes nothing', async () => {
    const vacancyId = await world.openVacancy({ positions: 1 });
    const first = await world.toInterview(vacancyId, await world.readyCandidate());
    const secondPerson = await world.readyCandidate();
    const second = await world.toInterview(vacancyId, secondPerson);
    await place({ proposalId: first.id, contractType: 'PERMANENT' }).expect(201);
    const refused = await place({ proposalId: second.id, contractType: 'PERMANENT' }).expect(409);
    expect(refused.body).toMatchObject({ code: 'VACANCY_NOT_OPEN', details: { status: 'FILLED' } });
    expect(await placementsOf(second.id)).toBe(0);
    expect((await proposal(second.id)).state).toBe('INTERVIEW');
    expect((await candidate(secondPerson)).status).toBe('PROPOSED');
  });

  it.each(['ON_HOLD', 'CLOSED'])(
    'refuses a placement on a vacancy that is %s with 409 and changes nothing',
    async (status) => {
      const vacancyId = await world.openVacancy({ positions: 2 });
      const person = await world.readyCandidate();
      const interview = await world.toInterview(vacancyId, person);
      await test.http
        .post(`/api/vacancies/${vacancyId}/status`)
        .set(world.sales.headers)
        .send({ status, version: (await vacancy(vacancyId)).version })
        .expect(200);

      const refused = await place({ proposalId: interview.id, contractType: 'PERMANENT' }).expect(409);
      expect(refused.body).toMatchObject({ code: 'VACANCY_NOT_OPEN', details: { status } });
      expect(await placementsOf(interview.id)).toBe(0);
      expect(await vacancy(vacancyId)).toMatchObject({ positionsLeft: 2, status });
      expect((await proposal(interview.id)).state).toBe('INTERVIEW');
      expect((await candidate(person)).status).toBe('PROPOSED');
    },
  );

  it('refuses a placement on an OPEN vacancy whose positions left were set to 0 (409 NO_POSITION_LEFT)', async () => {
    const vacancyId = await world.openVacancy({ positions: 2 });
    const interview = await world.toInterview(vacancyId, await world.readyCandidate());
    await test.http
      .patch(`/api/vacancies/${vacancyId}`)
      .set(world.sales.headers)
      .send({ positionsLeft: 0, version: (await vacancy(vacancyId)).version })
      .expect(200);
    const refused = await place({ proposalId: interview.id, contractType: 'PERMANENT' }).expect(409);
    expect(refused.body).toMatchObject({ code: 'NO_POSITION_LEFT', details: { positionsLeft: 0 } });
    expect(await placementsOf(interview.id)).toBe(0);
  });

  it('pays the Baanbonus by contract length: 5 months refused, 6 → €2,000, 12 → €4,000, 24 → €4,000', async () => {
    const vacancyId = await world.openVacancy({ positions: 10 });
    const placeFor = async (months: number) => {
      const person = await world.readyCandidate({ pool: 'BIJSTAND', classification: '80-100' });
      const interview = await world.toInterview(vacancyId, person);
      return {
        person,
        interview,
        response: await place({
          proposalId: interview.id,
          contractType: 'FIXED_TERM',
          contractMonths: months,
          instruments: ['BAANBONUS'],
        }),
      };
    };

    const five = await placeFor(5);
    expect(five.response.status).toBe(422);
    expect(five.response.body).toMatchObject({
      code: 'INSTRUMENT_NOT_ALLOWED',
      details: { instrument: 'BAANBONUS', reason: 'CONTRACT_TOO_SHORT' },
    });
    // Nothing of the refused placement happened.
    expect(await placementsOf(five.interview.id)).toBe(0);
    expect((await candidate(five.person, world.municipalityAdviser)).status).toBe('PROPOSED');
    expect((await vacancy(vacancyId)).positionsLeft).toBe(10);

    const amounts: Array<[number, unknown]> = [];
    for (const months of [6, 12, 24]) {
      const { response } = await placeFor(months);
      expect(response.status).toBe(201);
      amounts.push([months, response.body.instruments]);
    }
    expect(amounts).toEqual([
      [6, [{ instrument: 'BAANBONUS', amount: 2000 }]],
      [12, [{ instrument: 'BAANBONUS', amount: 4000 }]],
      [24, [{ instrument: 'BAANBONUS', amount: 4000 }]],
    ]);
    expect((await vacancy(vacancyId)).positionsLeft).toBe(7);
  });

  it('registers hours for the Uitzendeuro, capped at 500', async () => {
    const vacancyId = await world.openVacancy();
    const interview = await world.toInterview(
      vacancyId,
      await world.readyCandidate({ pool: 'BIJSTAND', classification: '80-100' }),
    );
    const placement = (
      await place({ proposalId: interview.id, contractType: 'AGENCY', instruments: ['UITZENDEURO'] }).expect(201)
    ).body;
    expect(placement.instruments).toEqual([{ instrument: 'UITZENDEURO', amount: 0 }]);
    const hours = (hours: number) =>
      test.http.post(`/api/placements/${placement.id}/hours`).set(world.matcher.headers).send({ hours }).expect(200);
    // 320 h → €320; 320 + 320 = 640 h → €500 (the cap)
    expect((await hours(320)).body).toMatchObject({ hoursWorked: 320, instruments: [{ amount: 320 }] });
    expect((await hours(320)).body).toMatchObject({ hoursWorked: 640, instruments: [{ amount: 500 }] });
  });

  it('pays the Uitzendeuro only for Bijstand and Max-WW clients placed through the agency', async () => {
    // Open to the 50-80 group (wage-cost subsidy), so a Bijstand 50-80 client can be proposed.
    const vacancyId = await world.openVacancy({ positions: 10, openToReducedWageValue: true });
    const agencyPlacement = async (candidate: Record<string, unknown>) => {
      const interview = await world.toInterview(vacancyId, await world.readyCandidate(candidate));
      return place({ proposalId: interview.id, contractType: 'AGENCY', instruments: ['UITZENDEURO'] });
    };

    // A WW client whose WW runs on past the Max-WW months (ends 30 June 2027, start 1 December 2026): refused.
    const ww = await agencyPlacement({ wwEndDate: '2027-06-30' });
    expect(ww.status).toBe(422);
    expect(ww.body).toMatchObject({
      code: 'INSTRUMENT_NOT_ALLOWED',
      details: { instrument: 'UITZENDEURO', reason: 'NOT_FOR_TARGET_GROUP', targetGroup: 'WW' },
      errors: {
        instruments:
          'UITZENDEURO is for the target groups SDD 80-100, SDD 50-80, MAX WW only; the candidate counts as WW',
      },
    });
    const wajong = await agencyPlacement({ wajong: true });
    expect(wajong.body).toMatchObject({ code: 'INSTRUMENT_NOT_ALLOWED', details: { targetGroup: 'WAJONG' } });

    // Max-WW (WW ends 31 January 2027, within 3 months of the start) and Bijstand clients get it.
    const maxWw = await agencyPlacement({ wwEndDate: '2027-01-31' });
    expect(maxWw.status).toBe(201);
    expect(maxWw.body).toMatchObject({
      targetGroup: 'MAX WW',
      instruments: [{ instrument: 'UITZENDEURO', amount: 0 }],
    });
    const bijstand = await agencyPlacement({ pool: 'BIJSTAND', classification: '50-80' });
    expect(bijstand.status).toBe(201);
    expect(bijstand.body).toMatchObject({ targetGroup: 'SDD 50-80' });
    expect((await vacancy(vacancyId)).positionsLeft).toBe(8);
  });

  it('gives loondispensatie to a Max-WW client marked 50-80 in the doelgroepregister only; the mark needs a vacancy open to 50-80', async () => {
    const vacancyId = await world.openVacancy({
      positions: 5,
      openToReducedWageValue: true,
      instruments: ['LOONDISPENSATIE', 'UITZENDEURO'],
    });
    // WW ends 31 January 2027: MAX WW at a start on 1 December 2026; a UWV client keeps a UWV target group.
    const workLimited = { wwEndDate: '2027-01-31', classification: '50-80' };
    const inRegister = await world.toInterview(
      vacancyId,
      await world.readyCandidate({ ...workLimited, doelgroepregister: true }),
    );
    const placed = await place({
      proposalId: inRegister.id,
      contractType: 'PERMANENT',
      instruments: ['LOONDISPENSATIE'],
    });
    expect([placed.status, placed.body]).toMatchObject([
      201,
      { targetGroup: 'MAX WW', instruments: [{ instrument: 'LOONDISPENSATIE', amount: null }] },
    ]);

    const outsideRegister = await world.toInterview(
      vacancyId,
      await world.readyCandidate({ ...workLimited, doelgroepregister: false }),
    );
    const refused = await place({
      proposalId: outsideRegister.id,
      contractType: 'PERMANENT',
      instruments: ['LOONDISPENSATIE'],
    });
    expect([refused.status, refused.body]).toMatchObject([
      422,
      {
        code: 'INSTRUMENT_NOT_ALLOWED',
        details: { instrument: 'LOONDISPENSATIE', reason: 'NOT_50_80_IN_DOELGROEPREGISTER' },
      },
    ]);
    expect(await placementsOf(outsideRegister.id)).toBe(0);

    // The same client for a vacancy not open to the 50-80 group is no fit: the matcher cannot propose.
    const closedToReduced = await world.openVacancy();
    await test.http
      .post(`/api/vacancies/${closedToReduced}/proposals`)
      .set(world.matcher.headers)
      .send({ candidateId: await world.readyCandidate({ ...workLimited, doelgroepregister: true }) })
      .expect(422);
  });

  it('refuses instruments the vacancy does not accept or the pool does not allow', async () => {
    const strict = await world.openVacancy({ instruments: ['PROEFPLAATSING'] });
    const first = await world.toInterview(strict, await world.readyCandidate());
    const notAccepted = await place({
      proposalId: first.id,
      contractType: 'AGENCY',
      instruments: ['UITZENDEURO'],
    }).expect(422);
    expect(notAccepted.body.code).toBe('INSTRUMENT_NOT_ACCEPTED');

    const open = await world.openVacancy();
    const ww = await world.toInterview(open, await world.readyCandidate());
    const wrongPool = await place({
      proposalId: ww.id,
      contractType: 'PERMANENT',
      instruments: ['LOONKOSTENSUBSIDIE'],
    }).expect(422);
    expect(wrongPool.body).toMatchObject({
      code: 'INSTRUMENT_NOT_ALLOWED',
      details: { reason: 'NOT_FOR_TARGET_GROUP' },
    });
  });

  it('places only a proposal at INTERVIEW (409 otherwise)', async () => {
    const vacancyId = await world.openVacancy();
    const proposed = await world.move(await world.propose(vacancyId, await world.readyCandidate()), 'PROPOSED');
    const response = await place({ proposalId: proposed.id, contractType: 'PERMANENT' }).expect(409);
    expect(response.body.code).toBe('PROPOSAL_TRANSITION_INVALID');
  });

  it('ends a placement: the candidate is active again and back on the ranked list', async () => {
    const vacancyId = await world.openVacancy({ positions: 1 });
    const person = await world.readyCandidate();
    const interview = await world.toInterview(vacancyId, person);
    const placement = (await place({ proposalId: interview.id, contractType: 'PERMANENT' }).expect(201)).body;
    const another = await world.openVacancy();
    const ranked = async () =>
      (await test.http.get(`/api/vacancies/${another}/matches`).set(world.matcher.headers).expect(200)).body.items.map(
        (item: { candidate: { id: string } }) => item.candidate.id,
      );
    expect(await ranked()).not.toContain(person);

    const ended = (
      await test.http
        .post(`/api/placements/${placement.id}/end`)
        .set(world.matcher.headers)
        .send({ endDate: '2027-02-15', reason: 'Proeftijd niet doorgekomen' })
        .expect(200)
    ).body;
    expect(ended).toMatchObject({ endDate: '2027-02-15', endReason: 'Proeftijd niet doorgekomen' });
    expect((await candidate(person)).status).toBe('ACTIVE');
    expect(await ranked()).toContain(person);

    const again = await test.http
      .post(`/api/placements/${placement.id}/end`)
      .set(world.matcher.headers)
      .send({ endDate: '2027-02-16', reason: 'nogmaals' })
      .expect(409);
    expect(again.body.code).toBe('PLACEMENT_ENDED_ALREADY');
  });

  describe('ending a placement and the vacancy position', () => {
    const endPlacement = (id: string, endDate: string) =>
      test.http
        .post(`/api/placements/${id}/end`)
        .set(world.matcher.headers)
        .send({ endDate, reason: 'Uit dienst' })
        .expect(200);
    const placeOn = async (vacancyId: string, startDate: string) => {
      const interview = await world.toInterview(vacancyId, await world.readyCandidate());
      return (await place({ proposalId: interview.id, contractType: 'PERMANENT', startDate }).expect(201)).body as {
        id: string;
      };
    };
    const setStatus = async (vacancyId: string, status: string) =>
      test.http
        .post(`/api/vacancies/${vacancyId}/status`)
        .set(world.sales.headers)
        .send({ status, version: (await vacancy(vacancyId)).version })
        .expect(200);
    const vacancyEvents = async (vacancyId: string) =>
      (
        await test.app.get<Queue>(getQueueToken(QueueName.Events)).getJobs(['waiting', 'active', 'completed', 'failed'])
      ).filter((job) => job.name === (JobName.VacancyChanged as string) && job.data.vacancyId === vacancyId).length;

    it('gives the position back when the placement ends before its last milestone: FILLED → OPEN, with vacancy.changed', async () => {
      const vacancyId = await world.openVacancy({ positions: 1 });
      const placement = await placeOn(vacancyId, '2026-12-01');
      expect(await vacancy(vacancyId)).toMatchObject({ positionsLeft: 0, status: 'FILLED' });
      const eventsBefore = await vacancyEvents(vacancyId);

      // Last milestone (P6M) of a start on 1 December 2026: 1 June 2027. 15 February is before it.
      await endPlacement(placement.id, '2027-02-15');
      expect(await vacancy(vacancyId)).toMatchObject({ positionsLeft: 1, status: 'OPEN' });
      expect(await vacancyEvents(vacancyId)).toBe(eventsBefore + 1);
      // The employer's need is open again: a new placement takes the position.
      await placeOn(vacancyId, '2027-03-01');
      expect(await vacancy(vacancyId)).toMatchObject({ positionsLeft: 0, status: 'FILLED' });
    });

    it('keeps the position taken once the placement proved lasting: ended on or after the last milestone', async () => {
      // Start 5 January 2026 + P6M = 5 July 2026: ending the day before gives the position back, on the day not.
      const dayBefore = await world.openVacancy({ positions: 1 });
      await endPlacement((await placeOn(dayBefore, '2026-01-05')).id, '2026-07-04');
      expect(await vacancy(dayBefore)).toMatchObject({ positionsLeft: 1, status: 'OPEN' });

      const onTheDay = await world.openVacancy({ positions: 1 });
      await endPlacement((await placeOn(onTheDay, '2026-01-05')).id, '2026-07-05');
      expect(await vacancy(onTheDay)).toMatchObject({ positionsLeft: 0, status: 'FILLED' });
    });

    it('leaves a CLOSED vacancy closed, and gives an ON_HOLD one its position back without opening it', async () => {
      const closed = await world.openVacancy({ positions: 2 });
      const first = await placeOn(closed, '2026-12-01');
      await setStatus(closed, 'CLOSED');
      await endPlacement(first.id, '2027-01-15');
      expect(await vacancy(closed)).toMatchObject({ positionsLeft: 1, status: 'CLOSED' });

      const paused = await world.openVacancy({ positions: 2 });
      const second = await placeOn(paused, '2026-12-01');
      await setStatus(paused, 'ON_HOLD');
      await endPlacement(second.id, '2027-01-15');
      expect(await vacancy(paused)).toMatchObject({ positionsLeft: 2, status: 'ON_HOLD' });
    });

    it('leaves a vacancy set FILLED by hand with positions still left as it is', async () => {
      const vacancyId = await world.openVacancy({ positions: 2 });
      const placement = await placeOn(vacancyId, '2026-12-01');
      await setStatus(vacancyId, 'FILLED');
      await endPlacement(placement.id, '2027-01-15');
      expect(await vacancy(vacancyId)).toMatchObject({ positionsLeft: 1, status: 'FILLED' });
    });
  });

  it('reports proposal quality on a hand-computed example', async () => {
    const matcher = await createUser(test, [Role.MATCHER], Organisation.STAFFING_FIRM);
    await recordStatement(test, matcher, { scope: 'UNIT', unitId: world.matcher.unitId });
    const manager = await createUser(test, [Role.MANAGER], Organisation.UWV);
    const a = await world.openVacancy({ positions: 1 });
    const b = await world.openVacancy({ positions: 1 });
    const [c1, c2, c3] = [await world.readyCandidate(), await world.readyCandidate(), await world.readyCandidate()];

    // Vacancy A: c1 proposed → interview → hired; c2 proposed → rejected; c3 proposed → interview.
    const a1 = await world.toInterview(a, c1, matcher);
    const a2 = await world.move(await world.propose(a, c2, matcher), 'PROPOSED', {}, matcher);
    await world.move(a2, 'REJECTED', { reasonCode: 'EMPLOYER_OTHER_CANDIDATE', text: 'ander gekozen' }, matcher);
    await world.toInterview(a, c3, matcher);
    await test.http
      .post('/api/placements')
      .set(matcher.headers)
      .send({
        proposalId: a1.id,
        startDate: '2026-12-01',
        contractType: 'PERMANENT',
        hoursPerWeek: 32,
        instruments: [],
      })
      .expect(201);
    // Vacancy B: c2 proposed; c3 only shortlisted (never sent to the employer: not a proposal).
    await world.move(await world.propose(b, c2, matcher), 'PROPOSED', {}, matcher);
    await world.propose(b, c3, matcher);

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const report = (
      await test.http
        .get(`/api/reports/proposal-quality?from=${today}&to=${today}&matcherId=${matcher.id}`)
        .set(manager.headers)
        .expect(200)
    ).body;
    // proposals: A has 3 (c1, c2, c3), B has 1 (c2) = 4; interviews: c1 (hired) and c3 on A = 2;
    // placements: c1 = 1; proposals per placement 4 / 1 = 4.
    expect(report.total).toEqual({ proposals: 4, interviews: 2, placements: 1, proposalsPerPlacement: 4 });
    // A: 3 / 1 = 3; B: 1 proposal, no placement → no ratio.
    expect(report.perVacancy).toEqual(
      expect.arrayContaining([
        { vacancyId: a, proposals: 3, interviews: 2, placements: 1, proposalsPerPlacement: 3 },
        { vacancyId: b, proposals: 1, interviews: 0, placements: 0, proposalsPerPlacement: null },
      ]),
    );
    expect(report.perVacancy).toHaveLength(2);
    expect(report.perMatcher).toEqual([
      { matcherId: matcher.id, proposals: 4, interviews: 2, placements: 1, proposalsPerPlacement: 4 },
    ]);
    expect(report.perUnit).toEqual([
      { unitId: world.sales.unitId, proposals: 4, interviews: 2, placements: 1, proposalsPerPlacement: 4 },
    ]);

    // The period is by the time of proposing: yesterday had none of these.
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const before = (
      await test.http
        .get(`/api/reports/proposal-quality?from=${yesterday}&to=${yesterday}&matcherId=${matcher.id}`)
        .set(manager.headers)
        .expect(200)
    ).body;
    expect(before.total).toEqual({ proposals: 0, interviews: 0, placements: 0, proposalsPerPlacement: null });
    await test.http.get(`/api/reports/proposal-quality?from=${today}&to=${yesterday}`).set(manager.headers).expect(422);
  });
});
