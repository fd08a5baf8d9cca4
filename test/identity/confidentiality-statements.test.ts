import { Organisation, Role } from '@identity/organisation';
import { UnitsService } from '@identity/units/units.service';
import { createUser, TestUser } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';

describe('confidentiality statements over HTTP', () => {
  let test: TestApp;
  let admin: TestUser;
  let staffing: TestUser;
  let unitId: string;
  const statements = () => test.http.post('/api/confidentiality-statements').set(admin.headers);
  const valid = (overrides: Record<string, unknown> = {}) => ({
    userId: staffing.id,
    signedOn: '2026-10-01',
    reference: '  GHV-2026-017 ',
    scope: 'MAX_WW',
    ...overrides,
  });

  beforeAll(async () => {
    test = await startTestApp();
    admin = await createUser(test, [Role.ADMIN], Organisation.UWV);
    staffing = await createUser(test, [Role.ADVISER], Organisation.STAFFING_FIRM);
    unitId = (await test.app.get(UnitsService).create({ name: 'Poort', focus: 'intake' })).id;
  });
  afterAll(() => test.close());

  it('records a statement with who recorded it, lists it by user, and audits the recording', async () => {
    const created = (await statements().send(valid()).expect(201)).body;
    expect(created).toMatchObject({
      userId: staffing.id,
      signedOn: '2026-10-01',
      reference: 'GHV-2026-017',
      scope: 'MAX_WW',
      unitId: null,
      recordedBy: admin.id,
      recordedByName: expect.any(String),
      revokedAt: null,
      active: true,
    });
    const unit = (
      await statements()
        .send(valid({ scope: 'UNIT', unitId }))
        .expect(201)
    ).body;
    expect(unit).toMatchObject({ scope: 'UNIT', unitId, unitName: 'Poort' });

    const mine = await test.http
      .get(`/api/confidentiality-statements?userId=${staffing.id}`)
      .set(admin.headers)
      .expect(200);
    expect(mine.body.map((statement: { id: string }) => statement.id).sort()).toEqual([created.id, unit.id].sort());
    const units = await test.http.get('/api/confidentiality-statements?scope=UNIT').set(admin.headers).expect(200);
    expect(units.body.map((statement: { id: string }) => statement.id)).toEqual([unit.id]);

    const audit = await test.http
      .get(`/api/audit?subjectType=confidentiality-statement&subjectId=${staffing.id}`)
      .set(admin.headers)
      .expect(200);
    expect(audit.body.items.map((entry: { purpose: string }) => entry.purpose)).toEqual(
      expect.arrayContaining([`statement ${created.id} recorded`, `statement ${unit.id} recorded`]),
    );
  });

  it('refuses a second active statement of the same scope, and allows it again once revoked', async () => {
    const user = await createUser(test, [Role.MATCHER], Organisation.STAFFING_FIRM);
    const first = (
      await statements()
        .send(valid({ userId: user.id }))
        .expect(201)
    ).body;
    const twice = await statements()
      .send(valid({ userId: user.id }))
      .expect(409);
    expect(twice.body.code).toBe('STATEMENT_ACTIVE_ALREADY');
    const revoked = (
      await test.http.post(`/api/confidentiality-statements/${first.id}/revoke`).set(admin.headers).expect(200)
    ).body;
    expect(revoked).toMatchObject({ active: false, revokedBy: admin.id, revokedAt: expect.any(String) });
    const again = await test.http.post(`/api/confidentiality-statements/${first.id}/revoke`).set(admin.headers);
    expect([again.status, again.body.code]).toEqual([409, 'STATEMENT_REVOKED_ALREADY']);
    await statements()
      .send(valid({ userId: user.id }))
      .expect(201);
    const onlyRevoked = await test.http
      .get(`/api/confidentiality-statements?userId=${user.id}&active=false`)
      .set(admin.headers)
      .expect(200);
    expect(onlyRevoked.body.map((statement: { id: string }) => statement.id)).toEqual([first.id]);
    const audit = await test.http
      .get(`/api/audit?subjectType=confidentiality-statement&subjectId=${user.id}`)
      .set(admin.headers)
      .expect(200);
    expect(audit.body.items.map((entry: { purpose: string }) => entry.purpose)).toContain(
      `statement ${first.id} revoked`,
    );
  });

  it('answers bad input with 422 at the field and changes nothing', async () => {
    const uwv = await createUser(test, [Role.ADVISER], Organisation.UWV);
    const gone = await createUser(test, [Role.ADVISER], Organisation.STAFFING_FIRM);
    await test.http.post(`/api/users/${gone.id}/deactivate`).set(admin.headers).expect(200);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [valid({ userId: uwv.id }), 'userId', 'STATEMENT_FOR_STAFFING_FIRM_ONLY'],
      [valid({ userId: gone.id }), 'userId', 'USER_INACTIVE'],
      [valid({ userId: '00000000-0000-4000-8000-000000000000' }), 'userId', 'REFERENCE_UNKNOWN'],
      [valid({ scope: 'UNIT' }), 'unitId', 'UNIT_REQUIRED'],
      [valid({ unitId }), 'unitId', 'UNIT_ONLY_FOR_UNIT_SCOPE'],
      [valid({ scope: 'UNIT', unitId: '00000000-0000-4000-8000-000000000000' }), 'unitId', 'REFERENCE_UNKNOWN'],
      [valid({ signedOn: '2199-01-01' }), 'signedOn', 'STATEMENT_SIGNED_IN_FUTURE'],
      [valid({ signedOn: '2026-02-30' }), 'signedOn', 'VALIDATION_FAILED'],
      [valid({ reference: '   ' }), 'reference', 'VALIDATION_FAILED'],
      [valid({ scope: 'EVERYTHING' }), 'scope', 'VALIDATION_FAILED'],
      [valid({ extra: 1 }), 'extra', 'VALIDATION_FAILED'],
    ];
    const before = (await test.http.get('/api/confidentiality-statements').set(admin.headers).expect(200)).body.length;
    for (const [body, field, code] of cases) {
      const response = await statements().send(body);
      expect([response.status, response.body.code, Object.keys(response.body.errors ?? {})]).toEqual([
        422,
        code,
        [field],
      ]);
    }
    const after = (await test.http.get('/api/confidentiality-statements').set(admin.headers).expect(200)).body.length;
    expect(after).toBe(before);
    await test.http.get('/api/confidentiality-statements?active=maybe').set(admin.headers).expect(422);
    await test.http
      .post('/api/confidentiality-statements/00000000-0000-4000-8000-000000000000/revoke')
      .set(admin.headers)
      .expect(404);
  });
});
