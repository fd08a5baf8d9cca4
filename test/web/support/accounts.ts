import { randomBytes } from 'node:crypto';
import { RunningService } from './service';

export const E2E_PASSWORD = 'correct horse battery staple';

export interface Account {
  id: string;
  email: string;
  name: string;
  password: string;
}

interface Tokens {
  accessToken: string;
}

async function call<T>(
  service: RunningService,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<T> {
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * The first administrator, made through the set-up endpoint with the token the service printed (the
 * same way the set-up page does), for stories that start after the first run.
 */
export async function createFirstAdministrator(service: RunningService): Promise<Account & { token: string }> {
  if (!service.setupToken) throw new Error('the service printed no set-up token: it has users already');
  const email = `beheer.${randomBytes(3).toString('hex')}@example.org`;
  const tokens = await call<Tokens>(service, 'POST', '/api/setup/administrator', {
    setupToken: service.setupToken,
    name: 'Bea Beheer',
    email,
    password: E2E_PASSWORD,
    organisation: 'STAFFING_FIRM',
    unitName: 'Beheer',
  });
  const me = await call<{ id: string }>(service, 'GET', '/api/auth/me', undefined, tokens.accessToken);
  return { id: me.id, email, name: 'Bea Beheer', password: E2E_PASSWORD, token: tokens.accessToken };
}

/** A user with these roles in a unit of that name (made when new), created by the administrator through the API. */
export async function createAccount(
  service: RunningService,
  adminToken: string,
  input: { name: string; roles: string[]; organisation?: string; unitName?: string },
): Promise<Account> {
  const units = await call<Array<{ id: string; name: string }>>(service, 'GET', '/api/units', undefined, adminToken);
  const unitName = input.unitName ?? 'Beheer';
  const unit =
    units.find((candidate) => candidate.name === unitName) ??
    (await call<{ id: string }>(service, 'POST', '/api/units', { name: unitName, focus: '' }, adminToken));
  const email = `${input.roles.join('-').toLowerCase()}.${randomBytes(3).toString('hex')}@example.org`;
  const user = await call<{ id: string }>(
    service,
    'POST',
    '/api/users',
    {
      email,
      name: input.name,
      organisation: input.organisation ?? 'UWV',
      unitId: unit.id,
      roles: input.roles,
      password: E2E_PASSWORD,
    },
    adminToken,
  );
  return { id: user.id, email, name: input.name, password: E2E_PASSWORD };
}

/** Signs in through the API (not the page): a fresh access token for setting things up around a story. */
export async function apiToken(service: RunningService, account: Pick<Account, 'email' | 'password'>): Promise<string> {
  const tokens = await call<Tokens>(service, 'POST', '/api/auth/login', {
    email: account.email,
    password: account.password,
  });
  return tokens.accessToken;
}

/**
 * Records, as the administrator through the API, a signed confidentiality statement for a staffing-firm
 * user: without one they see none of UWV's clients (domain.md, "Privacy"). Scope UNIT names the unit
 * of the clients' UWV adviser.
 */
export async function signConfidentialityStatement(
  service: RunningService,
  adminToken: string,
  user: Pick<Account, 'id'>,
  statement: { scope: 'MAX_WW' } | { scope: 'UNIT'; unitName: string },
): Promise<void> {
  let unitId: string | null = null;
  if (statement.scope === 'UNIT') {
    const units = await call<Array<{ id: string; name: string }>>(service, 'GET', '/api/units', undefined, adminToken);
    const unit = units.find((candidate) => candidate.name === statement.unitName);
    if (!unit) throw new Error(`no unit ${statement.unitName}`);
    unitId = unit.id;
  }
  await call(
    service,
    'POST',
    '/api/confidentiality-statements',
    {
      userId: user.id,
      signedOn: '2026-01-05',
      reference: `GHV-E2E-${user.id.slice(0, 8)}`,
      scope: statement.scope,
      unitId,
    },
    adminToken,
  );
}
