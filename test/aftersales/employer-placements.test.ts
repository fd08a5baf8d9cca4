import { Organisation, Role } from '@identity/organisation';
import { createUser } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';
import { proposalWorld, ProposalWorld } from '../matching/proposals/proposal-world';
import { placeByInterview } from './call-list';

describe("an employer's placements for its page", () => {
  let test: TestApp;
  let world: ProposalWorld;

  beforeAll(async () => {
    test = await startTestApp();
    world = await proposalWorld(test);
  }, 120_000);
  afterAll(() => test.close());

  it('lists the jobs placed, newest start first, without naming the client', async () => {
    const first = await placeByInterview(test, world, await world.readyCandidate(), '2026-12-01');
    const second = await placeByInterview(test, world, await world.readyCandidate({ pool: 'BIJSTAND' }), '2027-01-04');
    const placements = (
      await test.http.get(`/api/employers/${world.employerId}/placements`).set(world.sales.headers).expect(200)
    ).body as Array<Record<string, unknown>>;
    expect(placements).toEqual([
      {
        id: second.id,
        vacancyId: second.vacancyId,
        vacancyTitle: 'Magazijnmedewerker',
        startDate: '2027-01-04',
        endDate: null,
        contractType: 'PERMANENT',
        contractMonths: null,
        hoursPerWeek: 32,
      },
      expect.objectContaining({ id: first.id, startDate: '2026-12-01' }),
    ]);
    // The list is about the employer's jobs: no candidate id, so no client is named or audited.
    expect(JSON.stringify(placements)).not.toMatch(/candidate/i);

    const otherEmployer = (
      await test.http
        .post('/api/employers')
        .set(world.sales.headers)
        .send({
          name: 'Zorg B.V.',
          kvkNumber: '87654321',
          sector: 'Zorg',
          address: { street: 'Laan', houseNumber: '1', postcode: '3311 AB', city: 'Dordrecht' },
          accountManagerId: world.sales.id,
        })
        .expect(201)
    ).body as { id: string };
    const manager = await createUser(test, [Role.MANAGER], Organisation.MUNICIPALITY);
    expect(
      (await test.http.get(`/api/employers/${otherEmployer.id}/placements`).set(manager.headers).expect(200)).body,
    ).toEqual([]);
    await test.http.get('/api/employers/not-a-uuid/placements').set(manager.headers).expect(404);
    await test.http.get(`/api/employers/${world.employerId}/placements`).set(world.uwvAdviser.headers).expect(403);
  });
});
