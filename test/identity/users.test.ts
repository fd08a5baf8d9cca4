import { DataSource } from 'typeorm';
import { Organisation, Role } from '@identity/organisation';
import { createUser, TestUser } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';

describe('users, units and the audit log', () => {
  let test: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    test = await startTestApp();
    admin = await createUser(test, [Role.ADMIN], Organisation.MUNICIPALITY);
  });
  afterAll(() => test.close());

  const newUser = (overrides: Record<string, unknown> = {}) => ({
    email: `Sanne.${Math.random().toString(36).slice(2, 8)}@Example.org`,
    name: 'Sanne Bakker',
    organisation: 'UWV',
    unitId: admin.unitId,
    roles: ['MATCHER', 'ADVISER'],
    password: 'a long enough password',
    ...overrides,
  });

  it('creates a user with the e-mail in lower case and never shows the password or its hash', async () => {
    const body = newUser();
    const response = await test.http.post('/api/users').set(admin.headers).send(body).expect(201);
    expect(response.body).toMatchObject({
      email: body.email.toLowerCase(),
      organisation: 'UWV',
      active: true,
      version: 1,
    });
    expect(JSON.stringify(response.body)).not.toMatch(/password|argon2/i);
    const duplicate = await test.http
      .post('/api/users')
      .set(admin.headers)
      .send({ ...body, email: body.email.toUpperCase() })
      .expect(409);
    expect(duplicate.body).toMatchObject({ code: 'EMAIL_TAKEN', errors: { email: 'is taken by another user' } });
  });

  it('refuses invalid users field by field and writes nothing', async () => {
    const before = (await test.http.get('/api/users').set(admin.headers).expect(200)).body.total;
    const response = await test.http
      .post('/api/users')
      .set(admin.headers)
      .send(newUser({ email: 'no-address', organisation: 'GEMEENTE', roles: ['MATCHER', 'BOSS'], password: 'short' }))
      .expect(422);
    expect(Object.keys(response.body.errors).sort()).toEqual(['email', 'organisation', 'password', 'roles']);
    const unknownUnit = await test.http
      .post('/api/users')
      .set(admin.headers)
      .send(newUser({ unitId: '00000000-0000-4000-8000-000000000000' }))
      .expect(422);
    expect(unknownUnit.body.errors).toEqual({ unitId: 'is not an existing unit' });
    expect((await test.http.get('/api/users').set(admin.headers).expect(200)).body.total).toBe(before);
  });

  it('lists and filters users', async () => {
    const created = (
      await test.http
        .post('/api/users')
        .set(admin.headers)
        .send(newUser({ name: 'Zeynep Filtertest', roles: ['AFTERSALES'] }))
        .expect(201)
    ).body;
    const byRole = await test.http.get('/api/users?role=AFTERSALES&q=filtertest').set(admin.headers).expect(200);
    expect(byRole.body.items.map((user: { id: string }) => user.id)).toEqual([created.id]);
    await test.http.get('/api/users?limit=500').set(admin.headers).expect(422);
  });

  it("writes an audit row when someone reads a user's profile", async () => {
    const created = (await test.http.post('/api/users').set(admin.headers).send(newUser()).expect(201)).body;
    await test.http.get(`/api/users/${created.id}`).set(admin.headers).set('X-Request-Id', 'audit-probe-1').expect(200);
    const audit = await test.http
      .get(`/api/audit?subjectType=user&subjectId=${created.id}`)
      .set(admin.headers)
      .expect(200);
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({
        actorId: admin.id,
        actorOrganisation: 'MUNICIPALITY',
        action: 'read',
        subjectType: 'user',
        subjectId: created.id,
        purpose: 'user administration',
        requestId: 'audit-probe-1',
      }),
    );
  });

  it('filters the audit log by actor and period', async () => {
    const other = await createUser(test, [Role.ADMIN]);
    await test.http.get(`/api/users/${admin.id}`).set(other.headers).expect(200);
    const byActor = await test.http.get(`/api/audit?actorId=${other.id}`).set(admin.headers).expect(200);
    expect(byActor.body.items.every((entry: { actorId: string }) => entry.actorId === other.id)).toBe(true);
    expect(byActor.body.total).toBeGreaterThan(0);
    const future = await test.http.get(`/api/audit?actorId=${other.id}&from=2199-01-01`).set(admin.headers).expect(200);
    expect(future.body.total).toBe(0);
    await test.http.get('/api/audit?from=yesterday').set(admin.headers).expect(422);
  });

  it('keeps the audit log append-only in the database itself', async () => {
    const dataSource = test.app.get(DataSource);
    await expect(dataSource.query(`UPDATE audit_log SET purpose = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('answers a stale version with 409 and changes nothing', async () => {
    const created = (
      await test.http
        .post('/api/users')
        .set(admin.headers)
        .send(newUser({ name: 'Original Name' }))
        .expect(201)
    ).body;
    await test.http
      .patch(`/api/users/${created.id}`)
      .set(admin.headers)
      .send({ version: 1, name: 'First Edit' })
      .expect(200);
    const stale = await test.http
      .patch(`/api/users/${created.id}`)
      .set(admin.headers)
      .send({ version: 1, name: 'Lost Edit' })
      .expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const now = await test.http.get(`/api/users/${created.id}`).set(admin.headers).expect(200);
    expect(now.body).toMatchObject({ name: 'First Edit', version: 2 });
  });

  it('resets a password: the old one stops working, the new one works', async () => {
    const body = newUser();
    const created = (await test.http.post('/api/users').set(admin.headers).send(body).expect(201)).body;
    await test.http
      .put(`/api/users/${created.id}/password`)
      .set(admin.headers)
      .send({ password: 'the brand new password' })
      .expect(204);
    await test.http.post('/api/auth/login').send({ email: body.email, password: body.password }).expect(401);
    await test.http.post('/api/auth/login').send({ email: body.email, password: 'the brand new password' }).expect(200);
  });

  it('manages units: unique names, and a unit with users cannot be deleted', async () => {
    const unit = (
      await test.http
        .post('/api/units')
        .set(admin.headers)
        .send({ name: 'Zorg & schoonmaak', focus: 'Zorg' })
        .expect(201)
    ).body;
    await test.http.post('/api/units').set(admin.headers).send({ name: 'zorg & SCHOONMAAK' }).expect(409);
    await test.http
      .post('/api/users')
      .set(admin.headers)
      .send(newUser({ unitId: unit.id }))
      .expect(201);
    const inUse = await test.http.delete(`/api/units/${unit.id}`).set(admin.headers).expect(409);
    expect(inUse.body.code).toBe('UNIT_IN_USE');
    const empty = (await test.http.post('/api/units').set(admin.headers).send({ name: 'Tijdelijk team' }).expect(201))
      .body;
    await test.http.patch(`/api/units/${empty.id}`).set(admin.headers).send({ focus: 'Pilot' }).expect(200);
    await test.http.delete(`/api/units/${empty.id}`).set(admin.headers).expect(204);
    await test.http.get(`/api/units/${empty.id}`).set(admin.headers).expect(404);
  });

  it('shows the organisations with their configured names', async () => {
    const response = await test.http.get('/api/organisations').set(admin.headers).expect(200);
    expect(response.body).toEqual([
      { code: 'UWV', name: 'UWV' },
      { code: 'MUNICIPALITY', name: 'Sociale Dienst Drechtsteden' },
      { code: 'STAFFING_FIRM', name: 'Randstad' },
    ]);
  });
});
