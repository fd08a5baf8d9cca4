import { Role } from '@identity/organisation';
import { SalesDemoSeeder } from '@sales/sales-demo.seeder';
import { createUser, TestUser } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';
import { importRealEscoRelease } from '@test/support/reference-data';
import { employerInput, importPlaces, vacancyInput } from './sales-factories';

// heftruckchauffeur, ESCO 8344.1 (occupations_nl.csv).
const FORKLIFT_DRIVER = 'http://data.europa.eu/esco/occupation/eeac6251-1974-42f5-91ed-513c6c883755';

describe('vacancy occupations from the title, and the demo data (real ESCO and places)', () => {
  let test: TestApp;
  let sales: TestUser;
  let employerId: string;

  beforeAll(async () => {
    await importRealEscoRelease();
    test = await startTestApp();
    await importPlaces(test);
    sales = await createUser(test, [Role.SALES]);
    employerId = (await test.http.post('/api/employers').set(sales.headers).send(employerInput(sales)).expect(201)).body
      .id;
  }, 180_000);
  afterAll(() => test.close());

  it('suggests the forklift driver for "Heftruckchauffeur m/v 32-40 uur"', async () => {
    const response = await test.http
      .get('/api/vacancies/suggest-occupation')
      .query({ title: 'Heftruckchauffeur m/v 32-40 uur' })
      .set(sales.headers)
      .expect(200);
    expect(response.body[0]).toMatchObject({ uri: FORKLIFT_DRIVER, code: '8344.1', label: 'heftruckchauffeur' });
  });

  it('stores the suggestion unconfirmed on create; the user confirms it or picks another', async () => {
    const created = await test.http
      .post('/api/vacancies')
      .set(sales.headers)
      .send(vacancyInput(employerId, { title: 'Heftruckchauffeur m/v 32-40 uur', occupationUri: undefined }))
      .expect(201);
    expect(created.body).toMatchObject({ occupationUri: FORKLIFT_DRIVER, occupationConfirmed: false });

    const confirmed = await test.http
      .patch(`/api/vacancies/${created.body.id}`)
      .set(sales.headers)
      .send({ version: 1, occupationConfirmed: true })
      .expect(200);
    expect(confirmed.body).toMatchObject({ occupationUri: FORKLIFT_DRIVER, occupationConfirmed: true });

    // Once confirmed, a new title keeps the occupation.
    const renamed = await test.http
      .patch(`/api/vacancies/${created.body.id}`)
      .set(sales.headers)
      .send({ version: 2, title: 'Schoonmaker' })
      .expect(200);
    expect(renamed.body.occupationUri).toBe(FORKLIFT_DRIVER);
  });

  it('re-suggests from a new title while the occupation is unconfirmed', async () => {
    const created = await test.http
      .post('/api/vacancies')
      .set(sales.headers)
      .send(vacancyInput(employerId, { title: 'Heftruckchauffeur', occupationUri: undefined }))
      .expect(201);
    const renamed = await test.http
      .patch(`/api/vacancies/${created.body.id}`)
      .set(sales.headers)
      .send({ version: 1, title: 'Vrachtwagenchauffeur' })
      .expect(200);
    // vrachtwagenchauffeur, ESCO 8332.2.
    expect(renamed.body).toMatchObject({
      occupationUri: 'http://data.europa.eu/esco/occupation/45037d43-a8f5-4f46-b332-b2935bc305f4',
      occupationConfirmed: false,
    });
  });

  it('seeds demo employers and open vacancies in the Drechtsteden once', async () => {
    // On the embedded database test files share one database: count what this seeding adds.
    const openInDrechtsteden = async () =>
      (
        await test.http
          .get('/api/vacancies')
          .query({ status: 'OPEN', regionCode: 'AM23', limit: 1 })
          .set(sales.headers)
          .expect(200)
      ).body.total as number;
    const before = await openInDrechtsteden();
    const seeder = test.app.get(SalesDemoSeeder);
    const first = await seeder.seed([sales.unitId, sales.unitId], sales.id);
    expect(first).toEqual({ employersCreated: 6, employersExisting: 0, vacanciesCreated: 15, vacanciesExisting: 0 });
    const second = await seeder.seed([sales.unitId, sales.unitId], sales.id);
    expect(second).toEqual({ employersCreated: 0, employersExisting: 6, vacanciesCreated: 0, vacanciesExisting: 15 });
    expect((await openInDrechtsteden()) - before).toBe(12);
  });
});
