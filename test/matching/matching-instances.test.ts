import { Organisation, Role } from '@identity/organisation';
import { MatchingIndexService } from '@matching/engine/matching-index.service';
import { createUser, TestUser } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';
import { until } from '@test/support/until';
import { employerInput, importPlaces, vacancyInput } from '../sales/sales-factories';
import { BSNS, makeCandidate } from './candidate-factory';

const CHECKLIST = {
  ownTransport: true,
  childcareArranged: true,
  hoursAvailable: true,
  certificatesValid: true,
  motivated: true,
};

// Two API instances need two database connections at once; the embedded PGlite serves one.
const describeOnServer = process.env.TEST_EMBEDDED_DATABASE ? describe.skip : describe;

describeOnServer('the candidate index across two API instances', () => {
  let first: TestApp;
  let second: TestApp;
  let adviser: TestUser;
  let matcher: TestUser;
  let vacancyId: string;

  const rankedOn = async (app: TestApp): Promise<string[]> =>
    (await app.http.get(`/api/vacancies/${vacancyId}/matches`).set(matcher.headers).expect(200)).body.items.map(
      (item: { candidate: { id: string } }) => item.candidate.id,
    );
  const createReady = async (app: TestApp, bsn: string): Promise<{ id: string; version: number }> => {
    const created = (
      await app.http
        .post('/api/candidates')
        .set(adviser.headers)
        .send(makeCandidate({ pool: 'WW', bsn }))
        .expect(201)
    ).body;
    const ready = await app.http
      .put(`/api/candidates/${created.id}/jobready`)
      .set(adviser.headers)
      .send({ jobready: 'YES', checklist: CHECKLIST, version: created.version })
      .expect(200);
    return { id: created.id as string, version: ready.body.version as number };
  };

  beforeAll(async () => {
    first = await startTestApp({ WORKERS_ENABLED: 'false' });
    // Places first: an import reaching running instances is another matter (issue 13).
    await importPlaces(first);
    second = await startTestApp({ WORKERS_ENABLED: 'false' });
    adviser = await createUser(first, [Role.ADVISER], Organisation.UWV);
    matcher = await createUser(first, [Role.MATCHER], Organisation.UWV);
    const sales = await createUser(first, [Role.SALES], Organisation.STAFFING_FIRM);
    const employer = (await first.http.post('/api/employers').set(sales.headers).send(employerInput(sales)).expect(201))
      .body;
    const vacancy = (
      await first.http.post('/api/vacancies').set(sales.headers).send(vacancyInput(employer.id)).expect(201)
    ).body;
    await first.http
      .post(`/api/vacancies/${vacancy.id}/status`)
      .set(sales.headers)
      .send({ status: 'OPEN', version: vacancy.version })
      .expect(200);
    vacancyId = vacancy.id;
  }, 120_000);
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('shows a change made through one instance on the other, without a worker running anywhere', async () => {
    const candidate = await createReady(first, BSNS[0]);
    // Read-your-writes on the writing instance; the other follows the change stream.
    expect(await rankedOn(first)).toContain(candidate.id);
    await until(async () => (await rankedOn(second)).includes(candidate.id), 10_000, 'second instance ranks it');

    await first.http
      .put(`/api/candidates/${candidate.id}/jobready`)
      .set(adviser.headers)
      .send({ jobready: 'NO', checklist: { ...CHECKLIST, motivated: false }, version: candidate.version })
      .expect(200);
    expect(await rankedOn(first)).not.toContain(candidate.id);
    await until(async () => !(await rankedOn(second)).includes(candidate.id), 10_000, 'second instance drops it');
  });

  it('keeps a change that arrives while the other instance rebuilds its index', async () => {
    const index = second.app.get(MatchingIndexService);
    const building = index.rebuild();
    const candidate = await createReady(first, BSNS[1]);
    await building;
    await until(async () => (await rankedOn(second)).includes(candidate.id), 10_000, 'second instance ranks it');
  });

  it('ends in the last of a burst of changes on the other instance, also when it restarts in the middle', async () => {
    const candidate = await createReady(first, BSNS[2]);
    await until(async () => (await rankedOn(second)).includes(candidate.id), 10_000, 'second instance ranks it');
    let version = candidate.version;
    // Eligible at 24-36 h (the vacancy asks 32-40), excluded at 8-16: the list says which state B holds.
    const setHours = async (eligible: boolean) => {
      const reply = await first.http
        .patch(`/api/candidates/${candidate.id}`)
        .set(adviser.headers)
        .send(eligible ? { hoursMin: 24, hoursMax: 36, version } : { hoursMin: 8, hoursMax: 16, version })
        .expect(200);
      version = reply.body.version as number;
    };

    // Back to back, while B follows the stream: B must end at the last one, not at one read late.
    for (let step = 0; step < 12; step++) await setHours(step % 2 === 0);
    await until(async () => !(await rankedOn(second)).includes(candidate.id), 10_000, 'B shows the last of the burst');

    // B stops; changes go on while it is down and while the new B builds its index.
    const stopping = second.close();
    for (let step = 0; step < 5; step++) await setHours(step % 2 === 0);
    await stopping;
    const starting = startTestApp({ WORKERS_ENABLED: 'false' });
    for (let step = 0; step < 6; step++) await setHours(step % 2 === 1);
    second = await starting;
    await setHours(false);
    await setHours(true);
    await setHours(false);

    expect(await rankedOn(first)).not.toContain(candidate.id);
    await until(
      async () => !(await rankedOn(second)).includes(candidate.id),
      10_000,
      'the new B shows the last change',
    );
    // And stays there: no earlier state arrives after it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await rankedOn(second)).not.toContain(candidate.id);
  }, 60_000);
});
