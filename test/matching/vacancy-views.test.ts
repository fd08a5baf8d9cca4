import { DataSource } from 'typeorm';
import { Organisation, Role } from '@identity/organisation';
import { VACANCY_KEPT_MS } from '@matching/matches/vacancy-views';
import { Clock } from '@platform/clock/clock';
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

/**
 * The ranked list keeps the vacancy it read until the vacancy changes (VacancyViews): a change made
 * through either instance is seen by the next list on that instance and, within moments, on the other.
 */
describeOnServer('the vacancy behind a ranked list, kept between its changes, across two API instances', () => {
  let first: TestApp;
  let second: TestApp;
  let sales: TestUser;
  let matcher: TestUser;
  let vacancy: { id: string; version: number };
  let candidateId: string;

  const listOn = async (app: TestApp) =>
    (await app.http.get(`/api/vacancies/${vacancy.id}/matches`).set(matcher.headers)) as {
      status: number;
      body: { items: Array<{ candidate: { id: string } }>; excluded: Record<string, number> };
    };
  const ranked = async (app: TestApp) => {
    const list = await listOn(app);
    return list.status === 200 ? list.body.items.map((item) => item.candidate.id) : [];
  };
  const change = async (app: TestApp, body: Record<string, unknown>) => {
    const changed = await app.http
      .patch(`/api/vacancies/${vacancy.id}`)
      .set(sales.headers)
      .send({ ...body, version: vacancy.version })
      .expect(200);
    vacancy = { id: vacancy.id, version: changed.body.version as number };
  };

  beforeAll(async () => {
    first = await startTestApp({ WORKERS_ENABLED: 'false' });
    await importPlaces(first);
    second = await startTestApp({ WORKERS_ENABLED: 'false' });
    const adviser = await createUser(first, [Role.ADVISER], Organisation.UWV);
    matcher = await createUser(first, [Role.MATCHER], Organisation.UWV);
    sales = await createUser(first, [Role.SALES], Organisation.STAFFING_FIRM);
    const employer = (await first.http.post('/api/employers').set(sales.headers).send(employerInput(sales)).expect(201))
      .body;
    const created = (
      await first.http
        .post('/api/vacancies')
        .set(sales.headers)
        .send(vacancyInput(employer.id, { hoursMin: 24, hoursMax: 36 }))
        .expect(201)
    ).body;
    const opened = await first.http
      .post(`/api/vacancies/${created.id}/status`)
      .set(sales.headers)
      .send({ status: 'OPEN', version: created.version })
      .expect(200);
    vacancy = { id: created.id, version: opened.body.version };
    const candidate = (
      await first.http
        .post('/api/candidates')
        .set(adviser.headers)
        .send(makeCandidate({ pool: 'WW', bsn: BSNS[0], hoursMin: 24, hoursMax: 36 }))
        .expect(201)
    ).body;
    await first.http
      .put(`/api/candidates/${candidate.id}/jobready`)
      .set(adviser.headers)
      .send({ jobready: 'YES', checklist: CHECKLIST, version: candidate.version })
      .expect(200);
    candidateId = candidate.id;
  }, 120_000);
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it("follows a vacancy's changes on the writing instance at once and on the other within moments", async () => {
    // Both instances have read (and keep) the vacancy as it is.
    expect(await ranked(first)).toEqual([candidateId]);
    expect(await ranked(second)).toEqual([candidateId]);

    await change(first, { hoursMin: 8, hoursMax: 16 });
    expect((await listOn(first)).body.excluded.HOURS).toBe(1);
    await until(async () => (await listOn(second)).body.excluded?.HOURS === 1, 10_000, 'second sees the new hours');

    // And back, written through the other instance this time.
    await change(second, { hoursMin: 24, hoursMax: 36 });
    expect(await ranked(second)).toEqual([candidateId]);
    await until(async () => (await ranked(first)).includes(candidateId), 10_000, 'first sees the hours again');
  });

  it('reads a kept vacancy anew after a while, so a change whose message was lost is not kept for ever', async () => {
    expect(await ranked(second)).toEqual([candidateId]);
    // A change without its message (as when the writer stopped between its commit and the publish).
    await second.app
      .get(DataSource)
      .query('UPDATE vacancies SET hours_min = 8, hours_max = 16 WHERE id = $1', [vacancy.id]);
    expect(await ranked(second)).toEqual([candidateId]); // kept: nothing said it changed
    const clock = second.app.get(Clock);
    const later = new Date(clock.now().getTime() + VACANCY_KEPT_MS + 1_000);
    const moved = jest.spyOn(clock, 'now').mockImplementation(() => new Date(later));
    try {
      expect((await listOn(second)).body.excluded.HOURS).toBe(1);
    } finally {
      moved.mockRestore();
    }
    await second.app
      .get(DataSource)
      .query('UPDATE vacancies SET hours_min = 24, hours_max = 36 WHERE id = $1', [vacancy.id]);
  });

  it('answers for a closed vacancy that it is not open, on both instances', async () => {
    expect((await listOn(second)).status).toBe(200);
    const closed = await first.http
      .post(`/api/vacancies/${vacancy.id}/status`)
      .set(sales.headers)
      .send({ status: 'CLOSED', version: vacancy.version })
      .expect(200);
    vacancy = { id: vacancy.id, version: closed.body.version };
    expect((await listOn(first)).status).toBe(409);
    await until(async () => (await listOn(second)).status === 409, 10_000, 'second sees the vacancy closed');
  });
});
