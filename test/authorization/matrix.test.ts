import { randomUUID } from 'node:crypto';
import { ALL_ORGANISATIONS, ALL_ROLES } from '@identity/organisation';
import { createUser, TestUser } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';
import { AUTHORIZATION_MATRIX, EndpointAccess, Method } from './matrix';

const METHODS: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function urlOf(row: EndpointAccess): string {
  const path = row.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(row.params?.[name] ?? randomUUID()),
  );
  return row.query ? `${path}?${row.query}` : path;
}

describe('authorization matrix', () => {
  let test: TestApp;
  const callers: TestUser[] = [];
  beforeAll(async () => {
    test = await startTestApp();
    for (const organisation of ALL_ORGANISATIONS) {
      for (const role of ALL_ROLES) callers.push(await createUser(test, [role], organisation));
    }
  });
  afterAll(() => test.close());

  const call = (row: EndpointAccess, headers: Record<string, string> = {}) => {
    const request = test.http[row.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](urlOf(row)).set(
      headers,
    );
    return row.method === 'GET' || row.method === 'DELETE' ? request : request.send({});
  };

  it('has a row for every endpoint in the API documentation, and no row for an endpoint that does not exist', async () => {
    const document = (await test.http.get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .map((method) => method.toUpperCase())
        .filter((method): method is Method => METHODS.includes(method as Method))
        .map((method) => `${method} ${path}`),
    );
    const rows = AUTHORIZATION_MATRIX.map((row) => `${row.method} ${row.path}`);
    expect(documented.filter((endpoint) => !rows.includes(endpoint))).toEqual([]);
    expect(rows.filter((endpoint) => !documented.includes(endpoint))).toEqual([]);
  });

  it.each(AUTHORIZATION_MATRIX.map((row) => [`${row.method} ${row.path}`, row] as const))(
    '%s: anonymous callers and each role × organisation get what the matrix says',
    async (_name, row) => {
      const anonymous = await call(row);
      if (row.access !== 'public') expect(anonymous.status).toBe(401);
      else if (row.ownCredential) expect(anonymous.status).toBe(401);
      else expect(anonymous.status).not.toBe(401);

      for (const caller of callers) {
        const response = await call(row, caller.headers);
        const allowed =
          row.access === 'public' ||
          caller.roles.some(
            (role) =>
              (row.access as readonly string[]).includes(role) &&
              (row.organisations?.[role]?.includes(caller.organisation) ?? true),
          );
        const outcome = `${caller.roles.join()}@${caller.organisation} → ${response.status}`;
        if (row.ownCredential) {
          // An access token is no refresh token: signed in or not, the missing refresh token is refused.
          expect(outcome).toBe(`${caller.roles.join()}@${caller.organisation} → 401`);
        } else if (allowed) {
          expect([outcome, [401, 403].includes(response.status) || response.status >= 500]).toEqual([outcome, false]);
        } else {
          expect(outcome).toBe(`${caller.roles.join()}@${caller.organisation} → 403`);
        }
      }
    },
  );
});
