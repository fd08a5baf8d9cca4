import { IdentityDemoSeeder } from '@identity/cli/demo-seeder';
import { demoEmail } from '@identity/cli/demo-users';
import { Organisation, Role } from '@identity/organisation';
import { startTestApp, TestApp } from '@test/support/test-app';

describe('demo users', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(() => test.close());

  it('creates two units and one user per role per organisation, once', async () => {
    const seeder = test.app.get(IdentityDemoSeeder);
    const first = await seeder.seed('demo-password-2026');
    expect(first).toMatchObject({ created: 18, existing: 0 });
    const second = await seeder.seed('demo-password-2026');
    expect(second).toMatchObject({ created: 0, existing: 18 });

    expect(demoEmail(Role.SALES, Organisation.STAFFING_FIRM)).toBe('sales.staffing-firm@example.org');
    const login = await test.http
      .post('/api/auth/login')
      .send({ email: 'matcher.uwv@example.org', password: 'demo-password-2026' })
      .expect(200);
    const me = await test.http.get('/api/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ organisation: 'UWV', roles: ['MATCHER'] });
    const units = await test.http
      .get('/api/units')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .expect(200);
    expect(units.body.map((unit: { name: string }) => unit.name)).toEqual(
      expect.arrayContaining(['Industrie & logistiek', 'Zorg & schoonmaak']),
    );
  });
});
