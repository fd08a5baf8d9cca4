import { Organisation, Role } from '@identity/organisation';
import { createUser } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';
import { proposalWorld, ProposalWorld } from './proposal-world';

describe('proposals over HTTP', () => {
  let test: TestApp;
  let world: ProposalWorld;

  const candidate = async (id: string, adviser = world.uwvAdviser) =>
    (await test.http.get(`/api/candidates/${id}`).set(adviser.headers).expect(200)).body;
  const vacancy = async (id: string) =>
    (await test.http.get(`/api/vacancies/${id}`).set(world.sales.headers).expect(200)).body;
  const rankedIds = async (vacancyId: string) =>
    (
      (await test.http.get(`/api/vacancies/${vacancyId}/matches`).set(world.matcher.headers).expect(200)).body as {
        items: Array<{ candidate: { id: string } }>;
      }
    ).items.map((item) => item.candidate.id);

  beforeAll(async () => {
    test = await startTestApp();
    world = await proposalWorld(test);
  }, 120_000);
  afterAll(() => test.close());

  it('walks rank → shortlist → propose → interview → placement, checking every state change', async () => {
    const vacancyId = await world.openVacancy({ positions: 2 });
    const first = await world.readyCandidate();
    const second = await world.readyCandidate();

    // Rank: both are on the list; the snapshot must be what the matcher saw there.
    const ranked = (await test.http.get(`/api/vacancies/${vacancyId}/matches`).set(world.matcher.headers).expect(200))
      .body;
    expect(ranked.items.map((item: { candidate: { id: string } }) => item.candidate.id).sort()).toEqual(
      [first, second].sort(),
    );
    const firstRanked = ranked.items.find((item: { candidate: { id: string } }) => item.candidate.id === first);

    // Shortlist.
    const shortlisted = (
      await test.http
        .post(`/api/vacancies/${vacancyId}/proposals`)
        .set(world.matcher.headers)
        .send({ candidateId: first })
        .expect(201)
    ).body;
    expect(shortlisted).toMatchObject({
      state: 'SHORTLISTED',
      vacancyId,
      candidateId: first,
      score: firstRanked.score,
      components: firstRanked.components,
      weightsVersion: ranked.weightsVersion,
      shortlistedBy: world.matcher.id,
      warnings: [],
    });
    expect(shortlisted.history).toEqual([
      expect.objectContaining({ from: null, to: 'SHORTLISTED', actorId: world.matcher.id }),
    ]);
    expect((await candidate(first)).status).toBe('PROPOSED');

    // Propose, interview.
    const proposed = await world.move(shortlisted, 'PROPOSED');
    expect(proposed).toMatchObject({ state: 'PROPOSED', proposedBy: world.matcher.id });
    const interview = await world.move(proposed, 'INTERVIEW');
    expect(interview.state).toBe('INTERVIEW');
    const history = (await test.http.get(`/api/proposals/${interview.id}`).set(world.sales.headers).expect(200)).body
      .history;
    expect(history.map((entry: { from: string | null; to: string }) => [entry.from, entry.to])).toEqual([
      [null, 'SHORTLISTED'],
      ['SHORTLISTED', 'PROPOSED'],
      ['PROPOSED', 'INTERVIEW'],
    ]);
    expect((await candidate(first)).status).toBe('PROPOSED');

    // Hire: the placement.
    const placement = (
      await test.http
        .post('/api/placements')
        .set(world.matcher.headers)
        .send({
          proposalId: interview.id,
          startDate: '2026-12-01',
          contractType: 'PERMANENT',
          hoursPerWeek: 32,
          instruments: [],
        })
        .expect(201)
    ).body;
    expect(placement).toMatchObject({
      proposalId: interview.id,
      candidateId: first,
      vacancyId,
      targetGroup: 'WW',
      contractType: 'PERMANENT',
      endDate: null,
    });
    expect(
      (await test.http.get(`/api/proposals/${interview.id}`).set(world.matcher.headers).expect(200)).body.state,
    ).toBe('HIRED');
    expect((await candidate(first)).status).toBe('PLACED');
    expect(await vacancy(vacancyId)).toMatchObject({ status: 'OPEN', positionsLeft: 1 });
    // The placed candidate left the ranked list at once; the other is still there.
    expect(await rankedIds(vacancyId)).toEqual([second]);

    // The second, last position fills the vacancy.
    const secondInterview = await world.toInterview(vacancyId, second);
    await test.http
      .post('/api/placements')
      .set(world.matcher.headers)
      .send({
        proposalId: secondInterview.id,
        startDate: '2026-12-01',
        contractType: 'AGENCY',
        hoursPerWeek: 24,
        instruments: [],
      })
      .expect(201);
    expect(await vacancy(vacancyId)).toMatchObject({ status: 'FILLED', positionsLeft: 0 });
    expect((await candidate(second)).status).toBe('PLACED');
  });

  it('lists a candidate proposed for several vacancies on the candidate, and each on its vacancy', async () => {
    const [one, two] = [await world.openVacancy(), await world.openVacancy()];
    const person = await world.readyCandidate();
    const a = await world.propose(one, person);
    const b = await world.propose(two, person);
    const onCandidate = (
      await test.http.get(`/api/candidates/${person}/proposals`).set(world.sales.headers).expect(200)
    ).body;
    expect(onCandidate.items.map((item: { id: string }) => item.id).sort()).toEqual([a.id, b.id].sort());
    const onVacancy = (await test.http.get(`/api/vacancies/${one}/proposals`).set(world.sales.headers).expect(200))
      .body;
    expect(onVacancy.items.map((item: { id: string }) => item.id)).toEqual([a.id]);

    // One open proposal per vacancy and candidate.
    const again = await test.http
      .post(`/api/vacancies/${one}/proposals`)
      .set(world.matcher.headers)
      .send({ candidateId: person })
      .expect(409);
    expect(again.body.code).toBe('PROPOSAL_OPEN_ALREADY');

    // Withdrawing one keeps the candidate PROPOSED (another is open); withdrawing both makes it ACTIVE.
    await world.move(a, 'WITHDRAWN');
    expect((await candidate(person)).status).toBe('PROPOSED');
    await world.move(b, 'WITHDRAWN');
    expect((await candidate(person)).status).toBe('ACTIVE');
  });

  it('refuses a candidate who fails a hard requirement, naming it with the Dutch sentence', async () => {
    const vacancyId = await world.openVacancy();
    const partTimer = await world.readyCandidate({ hoursMin: 8, hoursMax: 16 });
    const response = await test.http
      .post(`/api/vacancies/${vacancyId}/proposals`)
      .set(world.matcher.headers)
      .send({ candidateId: partTimer })
      .expect(422);
    expect(response.body).toMatchObject({
      code: 'REQUIREMENT_NOT_MET',
      details: { requirement: 'HOURS', sentence: 'zoekt 8–16 uur, vacature 24–36 uur' },
    });
    expect((await candidate(partTimer)).status).toBe('ACTIVE');
  });

  it('answers 404 for a candidate the matcher may not see', async () => {
    const vacancyId = await world.openVacancy();
    const bijstand = await world.readyCandidate({ pool: 'BIJSTAND' });
    const uwvMatcher = await createUser(test, [Role.MATCHER], Organisation.UWV);
    const response = await test.http
      .post(`/api/vacancies/${vacancyId}/proposals`)
      .set(uwvMatcher.headers)
      .send({ candidateId: bijstand })
      .expect(404);
    expect(response.body.code).toBe('CANDIDATE_NOT_FOUND');
    await test.http.get(`/api/candidates/${bijstand}/proposals`).set(uwvMatcher.headers).expect(404);
  });

  it('refuses invalid transitions with 409 and a stale version with 409 STALE_VERSION', async () => {
    const vacancyId = await world.openVacancy();
    const shortlisted = await world.propose(vacancyId, await world.readyCandidate());
    const skip = await test.http
      .post(`/api/proposals/${shortlisted.id}/transitions`)
      .set(world.matcher.headers)
      .send({ to: 'INTERVIEW', version: shortlisted.version })
      .expect(409);
    expect(skip.body.code).toBe('PROPOSAL_TRANSITION_INVALID');
    const hire = await test.http
      .post(`/api/proposals/${shortlisted.id}/transitions`)
      .set(world.matcher.headers)
      .send({ to: 'HIRED', version: shortlisted.version })
      .expect(409);
    expect(hire.body.code).toBe('HIRE_THROUGH_PLACEMENT');

    const withdrawn = await world.move(shortlisted, 'WITHDRAWN');
    const back = await test.http
      .post(`/api/proposals/${withdrawn.id}/transitions`)
      .set(world.matcher.headers)
      .send({ to: 'PROPOSED', version: withdrawn.version })
      .expect(409);
    expect(back.body.code).toBe('PROPOSAL_TRANSITION_INVALID');

    const other = await world.propose(vacancyId, await world.readyCandidate());
    await world.move(other, 'PROPOSED');
    const stale = await test.http
      .post(`/api/proposals/${other.id}/transitions`)
      .set(world.matcher.headers)
      .send({ to: 'INTERVIEW', version: other.version })
      .expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
  });

  it('requires a reason code and text to reject', async () => {
    const vacancyId = await world.openVacancy();
    const shortlisted = await world.propose(vacancyId, await world.readyCandidate());
    const response = await test.http
      .post(`/api/proposals/${shortlisted.id}/transitions`)
      .set(world.matcher.headers)
      .send({ to: 'REJECTED', version: shortlisted.version })
      .expect(422);
    expect(Object.keys(response.body.errors).sort()).toEqual(['reasonCode', 'text']);
    // A reason code belongs to a rejection only.
    await test.http
      .post(`/api/proposals/${shortlisted.id}/transitions`)
      .set(world.matcher.headers)
      .send({ to: 'WITHDRAWN', reasonCode: 'OTHER', version: shortlisted.version })
      .expect(422);
    const rejected = await world.move(shortlisted, 'REJECTED', {
      reasonCode: 'EMPLOYER_SKILLS',
      text: 'mist ervaring',
    });
    expect(rejected).toMatchObject({ state: 'REJECTED', reasonCode: 'EMPLOYER_SKILLS', reasonText: 'mist ervaring' });
  });

  it('warns, but allows, more proposals than twice the open positions', async () => {
    const vacancyId = await world.openVacancy({ positions: 1 });
    const candidates = [await world.readyCandidate(), await world.readyCandidate(), await world.readyCandidate()];
    // 1 position: 2 open proposals are fine (2 ≤ 2 × 1), the third is one too many.
    expect((await world.propose(vacancyId, candidates[0])) as unknown).toMatchObject({ warnings: [] });
    expect((await world.propose(vacancyId, candidates[1])) as unknown).toMatchObject({ warnings: [] });
    const third = (await world.propose(vacancyId, candidates[2])) as unknown as { state: string; warnings: unknown };
    expect(third.state).toBe('SHORTLISTED');
    expect(third.warnings).toEqual([expect.objectContaining({ code: 'MANY_PROPOSALS' })]);
  });

  it('sends a mismatch back to the adviser: jobready TO_ASSESS, a note, on the adviser list, off the ranked list', async () => {
    const vacancyId = await world.openVacancy();
    const person = await world.readyCandidate();
    const proposed = await world.move(await world.propose(vacancyId, person), 'PROPOSED');
    await world.move(proposed, 'REJECTED', {
      reasonCode: 'MISMATCH_NOT_JOBREADY',
      text: 'Kwam zonder vervoer en kon geen vroege diensten',
    });

    const after = await candidate(person);
    expect(after).toMatchObject({ jobready: 'TO_ASSESS', status: 'ACTIVE' });
    expect(after.notes[0].text).toContain('Kwam zonder vervoer');
    expect(after.notes[0].authorId).toBe(world.matcher.id);

    const mismatches = (await test.http.get('/api/advisers/me/mismatches').set(world.uwvAdviser.headers).expect(200))
      .body;
    expect(mismatches).toEqual([
      expect.objectContaining({
        proposalId: proposed.id,
        candidateId: person,
        vacancyId,
        rejectedBy: world.matcher.id,
        text: 'Kwam zonder vervoer en kon geen vroege diensten',
        jobreadyNow: 'TO_ASSESS',
        readAt: null,
      }),
    ]);
    expect(mismatches[0].candidateName).toEqual(expect.any(String));
    expect(mismatches[0].vacancyTitle).toEqual(expect.any(String));
    // Another adviser does not see it, nor may mark it handled.
    const otherAdviser = await createUser(test, [Role.ADVISER], Organisation.UWV);
    expect((await test.http.get('/api/advisers/me/mismatches').set(otherAdviser.headers).expect(200)).body).toEqual([]);
    const notTheirs = await test.http
      .post(`/api/advisers/me/mismatches/${proposed.id}/read`)
      .set(otherAdviser.headers)
      .expect(404);
    expect(notTheirs.body.code).toBe('MISMATCH_NOT_FOUND');

    // Handled: marked read once; marking again keeps the first moment.
    const marked = await test.http
      .post(`/api/advisers/me/mismatches/${proposed.id}/read`)
      .set(world.uwvAdviser.headers)
      .expect(200);
    expect(marked.body).toMatchObject({ proposalId: proposed.id, readAt: expect.any(String) });
    const again = await test.http
      .post(`/api/advisers/me/mismatches/${proposed.id}/read`)
      .set(world.uwvAdviser.headers)
      .expect(200);
    expect(again.body.readAt).toBe(marked.body.readAt);

    // A newer unread mismatch comes before the handled one; a read of the handled one is audited.
    const second = await world.readyCandidate();
    const secondProposed = await world.move(await world.propose(vacancyId, second), 'PROPOSED');
    await world.move(secondProposed, 'REJECTED', { reasonCode: 'MISMATCH_NOT_JOBREADY', text: 'Geen kinderopvang' });
    const ordered = (await test.http.get('/api/advisers/me/mismatches').set(world.uwvAdviser.headers).expect(200))
      .body as Array<{ proposalId: string; readAt: string | null }>;
    expect(ordered.map((mismatch) => [mismatch.proposalId, mismatch.readAt === null])).toEqual([
      [secondProposed.id, true],
      [proposed.id, false],
    ]);
    // An id that is no id is refused before anything is looked up.
    await test.http.post(`/api/advisers/me/mismatches/not-a-uuid/read`).set(world.uwvAdviser.headers).expect(400);

    expect(await rankedIds(vacancyId)).not.toContain(person);
  });
});
