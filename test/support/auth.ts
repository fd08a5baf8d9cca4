import { randomBytes } from 'node:crypto';
import { Organisation, Role } from '@identity/organisation';
import { UnitsService } from '@identity/units/units.service';
import { UsersService } from '@identity/users/users.service';
import { TestApp } from './test-app';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  unitId: string;
  organisation: Organisation;
  roles: Role[];
  headers: Record<string, string>;
}

/** A unit for test users, made once per application. */
async function testUnit(test: TestApp, name = 'Testunit'): Promise<string> {
  const units = test.app.get(UnitsService);
  return ((await units.findByName(name)) ?? (await units.create({ name, focus: 'tests' }))).id;
}

/**
 * A new active user with these roles, signed in through the real login endpoint:
 *   const admin = await createUser(test, [Role.ADMIN]);
 *   await test.http.get('/api/users').set(admin.headers)
 */
export async function createUser(
  test: TestApp,
  roles: Role[],
  organisation: Organisation = Organisation.STAFFING_FIRM,
  options: { unitId?: string; unitName?: string } = {},
): Promise<TestUser> {
  const unitId = options.unitId ?? (await testUnit(test, options.unitName));
  const email = `${roles.join('-').toLowerCase()}.${randomBytes(4).toString('hex')}@example.org`;
  const user = await test.app
    .get(UsersService)
    .create(null, { email, name: `Test ${roles.join(' ')}`, organisation, unitId, roles, password: TEST_PASSWORD });
  const response = await test.http.post('/api/auth/login').send({ email, password: TEST_PASSWORD });
  if (response.status !== 200)
    throw new Error(`test login failed: ${response.status} ${JSON.stringify(response.body)}`);
  const token = (response.body as { accessToken: string }).accessToken;
  return { id: user.id, email, unitId, organisation, roles, headers: { Authorization: `Bearer ${token}` } };
}

/** Headers of a signed-in user with these roles: `await test.http.get(url).set(await signIn(test, [Role.ADMIN]))`. */
export async function signIn(
  test: TestApp,
  roles: Role[],
  organisation: Organisation = Organisation.STAFFING_FIRM,
): Promise<Record<string, string>> {
  return (await createUser(test, roles, organisation)).headers;
}
