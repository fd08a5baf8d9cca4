import { startTestApp, TestApp } from '@test/support/test-app';
import { proposalWorld, ProposalWorld } from './proposals/proposal-world';

/** The API calls the matcher's screens stand on beside the ranked list itself (matches.test.ts). */
describe("the matcher's screens over HTTP", () => {
  let test: TestApp;
  let world: ProposalWorld;
  beforeAll(async () => {
    test = await startTestApp();
    world = await proposalWorld(test);
  }, 120_000);
  afterAll(() => test.close());

  it('counts per open vacancy of a unit the candidates who qualify and those proposed (a shortlist is not)', async () => {
    const vacancyId = await world.openVacancy({ title: 'Orderpicker stand-up' });
    const first = await world.readyCandidate({ pool: 'BIJSTAND' });
    const second = await world.readyCandidate({ pool: 'BIJSTAND' });
    await world.readyCandidate({ pool: 'BIJSTAND', hoursMin: 8, hoursMax: 12 }); // too few hours: not counted
    const counts = () =>
      test.http.get(`/api/vacancies/open/counts?unitId=${world.sales.unitId}`).set(world.matcher.headers).expect(200);
    const forVacancy = async () =>
      ((await counts()).body as Array<{ vacancyId: string; eligible: number; proposed: number }>).find(
        (row) => row.vacancyId === vacancyId,
      );
    const before = await forVacancy();
    expect(before).toBeDefined();
    const eligible = before!.eligible;
    expect(eligible).toBeGreaterThanOrEqual(2);
    expect(before!.proposed).toBe(0);

    await world.propose(vacancyId, first); // shortlisted only
    const shortlisted = await world.propose(vacancyId, second);
    await world.move(shortlisted, 'PROPOSED');
    expect(await forVacancy()).toEqual({ vacancyId, eligible, proposed: 1 });
    // The proposals list names whom and for what, so the pipeline reads without further calls.
    const listed = (await test.http.get(`/api/vacancies/${vacancyId}/proposals`).set(world.matcher.headers).expect(200))
      .body.items as Array<{ candidateId: string; candidateName: string; vacancyTitle: string; employerName: string }>;
    expect(listed.map((item) => item.vacancyTitle)).toEqual(['Orderpicker stand-up', 'Orderpicker stand-up']);
    expect(listed.every((item) => /^Kandidaat \d+$/.test(item.candidateName))).toBe(true);
    expect(listed[0].employerName).toBe('Distributiecentrum Dordrecht B.V.');

    await test.http
      .get('/api/vacancies/open/counts?unitId=not-a-unit')
      .set(world.matcher.headers)
      .expect(422)
      .expect(({ body }) => expect(body.errors).toHaveProperty('unitId'));
  });

  it('filters the stand-up list by words, occupation and region, and names the region', async () => {
    const vacancyId = await world.openVacancy({ title: 'Heftruckchauffeur nachtdienst' });
    const list = async (query: string) =>
      (
        (await test.http.get(`/api/vacancies/open?unitId=${world.sales.unitId}&${query}`).set(world.matcher.headers))
          .body as Array<{ id: string; regionCode: string; region: string }>
      ).map((row) => row.id);
    const all = (await test.http.get(`/api/vacancies/open?unitId=${world.sales.unitId}`).set(world.matcher.headers))
      .body as Array<{ id: string; regionCode: string; region: string }>;
    expect(all.find((row) => row.id === vacancyId)).toMatchObject({ regionCode: 'AM23', region: expect.any(String) });
    expect(await list('q=heftruck%20nacht')).toEqual([vacancyId]);
    expect(await list('q=heftruck&regionCode=AM23')).toEqual([vacancyId]);
    expect(await list('q=heftruck&regionCode=AM01')).toEqual([]);
    expect(
      await list('q=heftruck&occupationUri=http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-000000000000'),
    ).toEqual([]);
    await test.http
      .get('/api/vacancies/open?regionCode=Drechtsteden')
      .set(world.matcher.headers)
      .expect(422)
      .expect(({ body }) => expect(body.errors).toHaveProperty('regionCode'));
  });

  it("tells the placement dialog which of the vacancy's instruments may go with the terms, why not, and the amount", async () => {
    const vacancyId = await world.openVacancy({ title: 'Magazijnmedewerker instrumenten' });
    const bijstand = await world.readyCandidate({ pool: 'BIJSTAND', classification: '80-100' });
    const ww = await world.readyCandidate({ pool: 'WW', wwEndDate: '2028-06-30' });
    const bijstandProposal = await world.toInterview(vacancyId, bijstand);
    const wwProposal = await world.toInterview(vacancyId, ww);
    const options = (proposalId: string, terms: string) =>
      test.http
        .get(`/api/placements/options?proposalId=${proposalId}&startDate=2026-12-01&${terms}`)
        .set(world.matcher.headers);
    const byInstrument = (body: { instruments: Array<{ instrument: string }> }) =>
      Object.fromEntries(body.instruments.map(({ instrument, ...rest }) => [instrument, rest]));

    const yearContract = (await options(bijstandProposal.id, 'contractType=FIXED_TERM&contractMonths=12').expect(200))
      .body;
    expect(yearContract.targetGroup).toBe('SDD 80-100');
    expect(byInstrument(yearContract)).toEqual({
      PROEFPLAATSING: { allowed: true, refusal: null, amount: null },
      BAANBONUS: { allowed: true, refusal: null, amount: 4000 }, // 12 months guaranteed: €4,000
      UITZENDEURO: { allowed: false, refusal: 'NOT_AN_AGENCY_PLACEMENT', amount: null },
      LOONKOSTENSUBSIDIE: { allowed: false, refusal: 'NOT_FOR_TARGET_GROUP', amount: null },
    });
    const halfYear = byInstrument(
      (await options(bijstandProposal.id, 'contractType=FIXED_TERM&contractMonths=6').expect(200)).body,
    );
    expect(halfYear.BAANBONUS).toEqual({ allowed: true, refusal: null, amount: 2000 });
    const agency = byInstrument((await options(bijstandProposal.id, 'contractType=AGENCY').expect(200)).body);
    expect(agency.UITZENDEURO).toEqual({ allowed: true, refusal: null, amount: 0 }); // €1 per hour worked, none yet
    expect(agency.BAANBONUS).toEqual({ allowed: false, refusal: 'CONTRACT_TOO_SHORT', amount: null });

    const wwOptions = (await options(wwProposal.id, 'contractType=PERMANENT').expect(200)).body;
    expect(wwOptions.targetGroup).toBe('WW');
    expect(byInstrument(wwOptions).BAANBONUS).toEqual({
      allowed: false,
      refusal: 'NOT_FOR_TARGET_GROUP',
      amount: null,
    });

    await options(bijstandProposal.id, 'contractType=AGENCY&contractMonths=6')
      .expect(422)
      .expect(({ body }) => expect(body.errors).toHaveProperty('contractMonths'));
    await options(bijstandProposal.id, 'contractType=FIXED_TERM')
      .expect(422)
      .expect(({ body }) => expect(body.errors).toHaveProperty('contractMonths'));
    await options('00000000-0000-4000-8000-000000000000', 'contractType=AGENCY').expect(404);
    // The preview places nobody: the proposal is still at INTERVIEW.
    const proposal = (await test.http.get(`/api/proposals/${bijstandProposal.id}`).set(world.matcher.headers)).body;
    expect(proposal.state).toBe('INTERVIEW');
  });

  it('gives a ranked WW candidate the day the WW ends, and none to a Bijstand candidate', async () => {
    const vacancyId = await world.openVacancy({ title: 'Magazijnmedewerker WW-einde' });
    const ww = await world.readyCandidate({ pool: 'WW', wwEndDate: '2027-01-15' });
    const bijstand = await world.readyCandidate({ pool: 'BIJSTAND' });
    const { body } = await test.http
      .get(`/api/vacancies/${vacancyId}/matches?limit=200`)
      .set(world.matcher.headers)
      .expect(200);
    const candidate = (id: string) =>
      (body.items as Array<{ candidate: { id: string; wwEndDate: string | null } }>).find(
        (item) => item.candidate.id === id,
      )?.candidate;
    expect(candidate(ww)?.wwEndDate).toBe('2027-01-15');
    expect(candidate(bijstand)?.wwEndDate).toBeNull();
  });
});
