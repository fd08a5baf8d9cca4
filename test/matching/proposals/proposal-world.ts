import { Organisation, Role } from '@identity/organisation';
import { createUser, TestUser } from '@test/support/auth';
import { TestApp } from '@test/support/test-app';
import { employerInput, importPlaces, vacancyInput } from '../../sales/sales-factories';
import { recordStatement } from '@test/support/confidentiality';
import { makeCandidate } from '../candidate-factory';

const CHECKLIST = {
  ownTransport: true,
  childcareArranged: true,
  hoursAvailable: true,
  certificatesValid: true,
  motivated: true,
};

let bsnCounter = 0;

/** A fresh BSN that passes the elfproef (9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 mod 11), unique per test run. */
export function nextBsn(): string {
  for (;;) {
    bsnCounter++;
    const digits = String(20000000 + ((process.pid * 1000 + bsnCounter) % 70000000)).padStart(8, '0');
    const sum = [...digits].reduce((total, digit, index) => total + (9 - index) * Number(digit), 0);
    const check = sum % 11;
    if (check < 10) return `${digits}${check}`;
  }
}

/** Users, an employer and helpers to open vacancies and make jobready candidates over HTTP. */
export interface ProposalWorld {
  test: TestApp;
  sales: TestUser;
  matcher: TestUser;
  uwvAdviser: TestUser;
  municipalityAdviser: TestUser;
  employerId: string;
  openVacancy(overrides?: Record<string, unknown>): Promise<string>;
  readyCandidate(overrides?: Record<string, unknown>): Promise<string>;
  propose(vacancyId: string, candidateId: string, user?: TestUser): Promise<{ id: string; version: number }>;
  move(
    proposal: { id: string; version: number },
    to: string,
    extra?: Record<string, unknown>,
    user?: TestUser,
  ): Promise<{ id: string; version: number; state: string }>;
  toInterview(vacancyId: string, candidateId: string, user?: TestUser): Promise<{ id: string; version: number }>;
}

export async function proposalWorld(test: TestApp): Promise<ProposalWorld> {
  await importPlaces(test);
  const sales = await createUser(test, [Role.SALES], Organisation.STAFFING_FIRM);
  const matcher = await createUser(test, [Role.MATCHER], Organisation.STAFFING_FIRM);
  const uwvAdviser = await createUser(test, [Role.ADVISER], Organisation.UWV);
  const municipalityAdviser = await createUser(test, [Role.ADVISER], Organisation.MUNICIPALITY);
  // The staffing firm's matcher works UWV's clients under a confidentiality statement for their unit.
  await recordStatement(test, matcher, { scope: 'UNIT', unitId: uwvAdviser.unitId });
  await recordStatement(test, sales, { scope: 'UNIT', unitId: uwvAdviser.unitId });
  const employer = (await test.http.post('/api/employers').set(sales.headers).send(employerInput(sales)).expect(201))
    .body as { id: string };

  const world: ProposalWorld = {
    test,
    sales,
    matcher,
    uwvAdviser,
    municipalityAdviser,
    employerId: employer.id,
    async openVacancy(overrides = {}) {
      const vacancy = (
        await test.http
          .post('/api/vacancies')
          .set(sales.headers)
          .send(
            vacancyInput(employer.id, {
              hoursMin: 24,
              hoursMax: 36,
              instruments: ['PROEFPLAATSING', 'BAANBONUS', 'UITZENDEURO', 'LOONKOSTENSUBSIDIE'],
              ...overrides,
            }),
          )
          .expect(201)
      ).body as { id: string; version: number };
      await test.http
        .post(`/api/vacancies/${vacancy.id}/status`)
        .set(sales.headers)
        .send({ status: 'OPEN', version: vacancy.version })
        .expect(200);
      return vacancy.id;
    },
    async readyCandidate(overrides = {}) {
      const pool = (overrides.pool as string | undefined) ?? 'WW';
      const adviser = pool === 'WW' ? uwvAdviser : municipalityAdviser;
      const created = (
        await test.http
          .post('/api/candidates')
          .set(adviser.headers)
          .send(makeCandidate({ bsn: nextBsn(), adviserId: adviser.id, ...overrides }))
          .expect(201)
      ).body as { id: string; version: number };
      await test.http
        .put(`/api/candidates/${created.id}/jobready`)
        .set(adviser.headers)
        .send({ jobready: 'YES', checklist: CHECKLIST, version: created.version })
        .expect(200);
      return created.id;
    },
    async propose(vacancyId, candidateId, user = matcher) {
      return (
        await test.http
          .post(`/api/vacancies/${vacancyId}/proposals`)
          .set(user.headers)
          .send({ candidateId })
          .expect(201)
      ).body as { id: string; version: number };
    },
    async move(proposal, to, extra = {}, user = matcher) {
      return (
        await test.http
          .post(`/api/proposals/${proposal.id}/transitions`)
          .set(user.headers)
          .send({ to, version: proposal.version, ...extra })
          .expect(200)
      ).body as { id: string; version: number; state: string };
    },
    async toInterview(vacancyId, candidateId, user = matcher) {
      const shortlisted = await world.propose(vacancyId, candidateId, user);
      const proposed = await world.move(shortlisted, 'PROPOSED', {}, user);
      return world.move(proposed, 'INTERVIEW', {}, user);
    },
  };
  return world;
}
