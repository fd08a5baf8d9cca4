import { DataSource } from 'typeorm';
import { Organisation, Role } from '@identity/organisation';
import { UnitsService } from '@identity/units/units.service';
import { createUser, TestUser } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';
import { employerInput, importPlaces } from './sales-factories';

describe('employers', () => {
  let test: TestApp;
  let sales: TestUser;
  let otherSales: TestUser;
  let matcher: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    test = await startTestApp();
    await importPlaces(test);
    sales = await createUser(test, [Role.SALES], Organisation.STAFFING_FIRM);
    const otherUnit = await test.app.get(UnitsService).create({ name: 'Zorg', focus: 'zorg' });
    otherSales = await createUser(test, [Role.SALES], Organisation.UWV, { unitId: otherUnit.id });
    matcher = await createUser(test, [Role.MATCHER], Organisation.MUNICIPALITY);
    admin = await createUser(test, [Role.ADMIN], Organisation.UWV);
  });
  afterAll(() => test.close());

  const create = (overrides: Record<string, unknown> = {}, user = sales) =>
    test.http.post('/api/employers').set(user.headers).send(employerInput(sales, overrides));

  it('registers an employer, deriving area, municipality and region from the postcode', async () => {
    const response = await create().expect(201);
    expect(response.body).toMatchObject({
      name: 'Distributiecentrum Dordrecht B.V.',
      address: {
        postcode: '3311 AB',
        pc4: '3311',
        municipality: 'Dordrecht',
        municipalityCode: 'GM0505',
        regionCode: 'AM23',
        region: 'Drechtsteden',
      },
      unitId: sales.unitId,
      archived: false,
      version: 1,
      contacts: [{ name: 'J. de Vries', role: 'HR-adviseur', phone: '078 123 4567', email: 'j.devries@example.nl' }],
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a KvK number of 7 digits', { kvkNumber: '1234567' }, 'kvkNumber'],
    ['a KvK number with letters', { kvkNumber: '1234567A' }, 'kvkNumber'],
    ['no name', { name: '  ' }, 'name'],
    [
      'a malformed postcode',
      { address: { street: 'A', houseNumber: '1', postcode: '331 AB', city: 'D' } },
      'address.postcode',
    ],
    [
      'a malformed house number',
      { address: { street: 'A', houseNumber: 'abc', postcode: '3311 AB', city: 'D' } },
      'address.houseNumber',
    ],
    [
      'a foreign phone number',
      { contacts: [{ name: 'A', role: 'B', phone: '+32 2 123 45 67', email: 'a@example.nl' }] },
      'contacts.0.phone',
    ],
    [
      'an invalid e-mail address',
      { contacts: [{ name: 'A', role: 'B', phone: '0612345678', email: 'not-an-address' }] },
      'contacts.0.email',
    ],
    ['an account manager that is not a user id', { accountManagerId: 'x' }, 'accountManagerId'],
  ])('refuses %s with a field error (422)', async (_case, overrides, field) => {
    const response = await create(overrides).expect(422);
    expect(Object.keys(response.body.errors)).toEqual([field]);
  });

  it('refuses a postcode area that does not exist (422 POSTCODE_UNKNOWN)', async () => {
    const response = await create({
      address: { street: 'A', houseNumber: '1', postcode: '1000 AA', city: 'X' },
    }).expect(422);
    expect(response.body).toMatchObject({
      code: 'POSTCODE_UNKNOWN',
      errors: { 'address.postcode': expect.any(String) },
    });
  });

  it('refuses an account manager without the SALES role (422 ACCOUNT_MANAGER_INVALID)', async () => {
    const response = await create({ accountManagerId: matcher.id }).expect(422);
    expect(response.body).toMatchObject({
      code: 'ACCOUNT_MANAGER_INVALID',
      errors: { accountManagerId: expect.any(String) },
    });
  });

  it('refuses an unknown unit (422 UNIT_UNKNOWN)', async () => {
    const response = await create({ unitId: '00000000-0000-4000-8000-000000000000' }, admin).expect(422);
    expect(response.body).toMatchObject({ code: 'UNIT_UNKNOWN', errors: { unitId: expect.any(String) } });
  });

  it('refuses a KvK number that is registered already (409 KVK_NUMBER_TAKEN)', async () => {
    await create({ kvkNumber: '24000001' }).expect(201);
    const response = await create({ kvkNumber: '24000001' }).expect(409);
    expect(response.body).toMatchObject({ code: 'KVK_NUMBER_TAKEN', errors: { kvkNumber: expect.any(String) } });
  });

  it('lets a salesmanager create only in their own unit', async () => {
    const response = await create({ unitId: otherSales.unitId }).expect(403);
    expect(response.body.code).toBeDefined();
  });

  it('edits with the version read; a stale version gets 409 and changes nothing', async () => {
    const created = (await create()).body;
    const first = await test.http
      .patch(`/api/employers/${created.id}`)
      .set(sales.headers)
      .send({
        version: 1,
        name: 'DC Dordrecht',
        contacts: [{ name: 'P. Jansen', role: 'Planner', phone: '06-12345678', email: 'p@example.nl' }],
      })
      .expect(200);
    expect(first.body).toMatchObject({ name: 'DC Dordrecht', version: 2, contacts: [{ name: 'P. Jansen' }] });

    const stale = await test.http
      .patch(`/api/employers/${created.id}`)
      .set(sales.headers)
      .send({ version: 1, name: 'Stale', contacts: [] })
      .expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const after = await test.http.get(`/api/employers/${created.id}`).set(matcher.headers).expect(200);
    expect(after.body).toMatchObject({ name: 'DC Dordrecht', version: 2, contacts: [{ name: 'P. Jansen' }] });
  });

  it('refuses an edit by a salesmanager of another unit (403), and allows it to an administrator', async () => {
    const created = (await create()).body;
    await test.http
      .patch(`/api/employers/${created.id}`)
      .set(otherSales.headers)
      .send({ version: 1, notes: 'x' })
      .expect(403);
    await test.http.post(`/api/employers/${created.id}/archive`).set(otherSales.headers).expect(403);
    await test.http
      .patch(`/api/employers/${created.id}`)
      .set(admin.headers)
      .send({ version: 1, notes: 'ok' })
      .expect(200);
  });

  it('audits reads and changes of contact persons, never naming them in the log', async () => {
    const created = (await create()).body;
    const contactId = created.contacts[0].id as string;
    await test.http.get(`/api/employers/${created.id}`).set(matcher.headers).expect(200);
    const rows = await test.app
      .get(DataSource)
      .query<Array<{ action: string; actor_id: string }>>(
        `SELECT action, actor_id FROM audit_log WHERE subject_type = 'contact-person' AND subject_id = $1 ORDER BY at, action`,
        [contactId],
      );
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: 'create', actor_id: sales.id },
        { action: 'read', actor_id: matcher.id },
      ]),
    );
  });

  it('archives and unarchives; archived employers leave the default search', async () => {
    const created = (await create({ name: 'Archiefbedrijf Zwijndrecht' })).body;
    await test.http.post(`/api/employers/${created.id}/archive`).set(sales.headers).expect(200);
    const active = await test.http
      .get('/api/employers')
      .query({ q: 'Archiefbedrijf' })
      .set(matcher.headers)
      .expect(200);
    expect(active.body.total).toBe(0);
    const archived = await test.http
      .get('/api/employers')
      .query({ q: 'Archiefbedrijf', archived: 'true' })
      .set(matcher.headers)
      .expect(200);
    expect(archived.body.items.map((employer: { id: string }) => employer.id)).toEqual([created.id]);
    const back = await test.http.post(`/api/employers/${created.id}/unarchive`).set(sales.headers).expect(200);
    expect(back.body.archived).toBe(false);
  });

  it('searches by name, KvK number and place, sorted and paged, without contact persons', async () => {
    await create({
      name: 'Zoek Alpha',
      kvkNumber: '55500001',
      address: { street: 'A', houseNumber: '1', postcode: '3364 AA', city: 'Sliedrecht' },
    });
    await create({
      name: 'Zoek Beta',
      kvkNumber: '55500002',
      address: { street: 'B', houseNumber: '2', postcode: '3351 AA', city: 'Papendrecht' },
    });
    const byName = await test.http
      .get('/api/employers')
      .query({ q: 'zoek', sort: '-name' })
      .set(matcher.headers)
      .expect(200);
    expect(byName.body.items.map((e: { name: string }) => e.name)).toEqual(['Zoek Beta', 'Zoek Alpha']);
    expect(byName.body.items[0].contacts).toBeUndefined();
    const byKvk = await test.http.get('/api/employers').query({ q: '5550000' }).set(matcher.headers).expect(200);
    expect(byKvk.body.total).toBe(2);
    const byPlace = await test.http
      .get('/api/employers')
      .query({ q: 'zoek', place: 'sliedrecht' })
      .set(matcher.headers)
      .expect(200);
    expect(byPlace.body.items.map((e: { name: string }) => e.name)).toEqual(['Zoek Alpha']);
    const paged = await test.http
      .get('/api/employers')
      .query({ q: 'zoek', sort: 'name', limit: 1, offset: 1 })
      .set(matcher.headers)
      .expect(200);
    expect(paged.body).toMatchObject({ total: 2, limit: 1, offset: 1, items: [{ name: 'Zoek Beta' }] });
    await test.http.get('/api/employers').query({ sort: 'kvk' }).set(matcher.headers).expect(422);
  });
});
