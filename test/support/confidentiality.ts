import { Organisation, Role } from '@identity/organisation';
import { createUser, TestUser } from './auth';
import { TestApp } from './test-app';

const administrators = new WeakMap<TestApp, TestUser>();

/**
 * Records a signed confidentiality statement for a staffing-firm user through the API, as an
 * administrator does: `await recordStatement(test, matcher, { scope: 'UNIT', unitId })`. A staffing-firm
 * user sees UWV's clients only under one (or with a consent naming the staffing firm).
 */
export async function recordStatement(
  test: TestApp,
  user: Pick<TestUser, 'id'>,
  statement: { scope: 'MAX_WW' } | { scope: 'UNIT'; unitId: string } = { scope: 'MAX_WW' },
): Promise<string> {
  let admin = administrators.get(test);
  if (!admin) {
    admin = await createUser(test, [Role.ADMIN], Organisation.UWV);
    administrators.set(test, admin);
  }
  const response = await test.http
    .post('/api/confidentiality-statements')
    .set(admin.headers)
    .send({ userId: user.id, signedOn: '2026-01-05', reference: `GHV-${user.id.slice(0, 8)}`, ...statement });
  if (response.status !== 201) {
    throw new Error(`recording a statement failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return (response.body as { id: string }).id;
}
