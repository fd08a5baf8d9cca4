import { startTestApp, TestApp } from '@test/support/test-app';
import { proposalWorld, ProposalWorld } from '../matching/proposals/proposal-world';

/**
 * A placement's dates are calendar days. ISO 8601 also writes a day with a time, as a week or as a
 * day of the year; the target group is worked out from the start day as text, so such a value must be
 * refused at the field (422), never reach that arithmetic (it answered 500 for a WW client).
 */
describe('placement dates are days (YYYY-MM-DD)', () => {
  let test: TestApp;
  let world: ProposalWorld;
  let wwProposal: { id: string; version: number };
  let placementId: string;
  beforeAll(async () => {
    test = await startTestApp();
    world = await proposalWorld(test);
    const vacancyId = await world.openVacancy({ title: 'Magazijnmedewerker datums' });
    const ww = await world.readyCandidate({ pool: 'WW', wwEndDate: '2028-06-30' });
    wwProposal = await world.toInterview(vacancyId, ww);
    const placed = await world.readyCandidate({ pool: 'WW', wwEndDate: '2028-06-30' });
    const placedProposal = await world.toInterview(await world.openVacancy({ title: 'Orderpicker datums' }), placed);
    placementId = (
      await test.http
        .post('/api/placements')
        .set(world.matcher.headers)
        .send({
          proposalId: placedProposal.id,
          startDate: '2026-12-01',
          contractType: 'PERMANENT',
          hoursPerWeek: 32,
          instruments: [],
        })
        .expect(201)
    ).body.id;
  }, 120_000);
  afterAll(() => test.close());

  const NOT_A_DAY = ['2026-12-01T00:00:00Z', '2026-12-01T10:00', '2026-W48-2', '2026-335', '20261201'];

  it.each(NOT_A_DAY)('refuses startDate %s in the placement options at the field', async (startDate) => {
    await test.http
      .get(
        `/api/placements/options?proposalId=${wwProposal.id}&startDate=${encodeURIComponent(startDate)}&contractType=PERMANENT`,
      )
      .set(world.matcher.headers)
      .expect(422)
      .expect(({ body }) => expect(body.errors).toHaveProperty('startDate'));
  });

  it.each(NOT_A_DAY)('refuses startDate %s of a placement at the field, placing nobody', async (startDate) => {
    await test.http
      .post('/api/placements')
      .set(world.matcher.headers)
      .send({ proposalId: wwProposal.id, startDate, contractType: 'PERMANENT', hoursPerWeek: 32, instruments: [] })
      .expect(422)
      .expect(({ body }) => expect(body.errors).toHaveProperty('startDate'));
    const proposal = (await test.http.get(`/api/proposals/${wwProposal.id}`).set(world.matcher.headers)).body;
    expect(proposal.state).toBe('INTERVIEW');
  });

  it.each(NOT_A_DAY)('refuses endDate %s of a placement at the field, ending nothing', async (endDate) => {
    await test.http
      .post(`/api/placements/${placementId}/end`)
      .set(world.matcher.headers)
      .send({ endDate, reason: 'Einde proeftijd' })
      .expect(422)
      .expect(({ body }) => expect(body.errors).toHaveProperty('endDate'));
    const after = (await test.http.get(`/api/placements/${placementId}`).set(world.matcher.headers).expect(200)).body;
    expect(after.endDate).toBeNull();
  });

  it('still takes a day', async () => {
    await test.http
      .get(`/api/placements/options?proposalId=${wwProposal.id}&startDate=2026-12-01&contractType=PERMANENT`)
      .set(world.matcher.headers)
      .expect(200);
  });
});
