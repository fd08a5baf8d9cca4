import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ALL_ORGANISATIONS, ALL_ROLES, Organisation, Role } from '@identity/organisation';
import { UnitsService } from '@identity/units/units.service';
import { addMonths } from '@matching/candidates/target-group';
import { createUser, TestUser } from '@test/support/auth';
import { recordStatement } from '@test/support/confidentiality';
import { startTestApp, TestApp } from '@test/support/test-app';
import { BSNS, makeCandidate } from '../matching/candidate-factory';
import { employerInput, importPlaces, vacancyInput } from '../sales/sales-factories';
import { AUTHORIZATION_MATRIX, EndpointAccess, Method, STAFFING_FIRM_VIEW, ViewClient } from './matrix';

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

describe('the staffing-firm view of UWV clients (STAFFING_FIRM_VIEW)', () => {
  let test: TestApp;
  let matcher: TestUser;
  let admin: TestUser;
  let vacancyId: string;
  const clients = {} as Record<ViewClient, { id: string; bsn: string; name: string }>;
  const CHECKLIST = {
    ownTransport: true,
    childcareArranged: true,
    hoursAvailable: true,
    certificatesValid: true,
    motivated: true,
  };

  beforeAll(async () => {
    test = await startTestApp();
    await importPlaces(test);
    const unit = await test.app.get(UnitsService).create({ name: 'Max-WW Drechtsteden', focus: 'Max-WW' });
    const uwvHere = await createUser(test, [Role.ADVISER], Organisation.UWV, { unitId: unit.id });
    const uwvElsewhere = await createUser(test, [Role.ADVISER], Organisation.UWV);
    const municipal = await createUser(test, [Role.ADVISER], Organisation.MUNICIPALITY);
    matcher = await createUser(test, [Role.MATCHER], Organisation.STAFFING_FIRM);
    admin = await createUser(test, [Role.ADMIN], Organisation.UWV);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const inAYear = addMonths(today, 12);
    const plans: Array<[ViewClient, TestUser, Record<string, unknown>]> = [
      ['maxWw', uwvElsewhere, { wwEndDate: addMonths(today, 1) }],
      ['invited', uwvElsewhere, { wwEndDate: inAYear }],
      ['unitClient', uwvHere, { wwEndDate: inAYear }],
      ['other', uwvElsewhere, { wwEndDate: inAYear }],
      ['consented', uwvElsewhere, { wwEndDate: inAYear }],
      ['bijstand', municipal, { pool: 'BIJSTAND' }],
    ];
    for (const [index, [client, adviser, fields]] of plans.entries()) {
      const name = `Zichtbaarheid ${client}`;
      const body = makeCandidate({ bsn: BSNS[index], name, adviserId: adviser.id, availableFrom: today, ...fields });
      const created = (await test.http.post('/api/candidates').set(adviser.headers).send(body).expect(201)).body;
      await test.http
        .put(`/api/candidates/${created.id}/jobready`)
        .set(adviser.headers)
        .send({ jobready: 'YES', checklist: CHECKLIST, version: created.version })
        .expect(200);
      clients[client] = { id: created.id, bsn: BSNS[index], name };
    }
    await test.http
      .post(`/api/candidates/${clients.consented.id}/consents`)
      .set(uwvElsewhere.headers)
      .send({ organisation: 'STAFFING_FIRM', signedOn: today, documentReference: 'TST-1' })
      .expect(201);
    // The Max-WW team invited one client to a group meeting (A's tables; here written directly).
    const db = test.app.get(DataSource);
    const [meeting] = await db.query<Array<{ id: string }>>(
      `INSERT INTO max_ww_meetings (unit_id, starts_at, place, capacity, created_by)
       VALUES ($1, now() + interval '7 days', 'Leerpark', 15, $2) RETURNING id`,
      [unit.id, uwvHere.id],
    );
    await db.query(
      `INSERT INTO max_ww_invitations (meeting_id, candidate_id, attempt, channel, invited_on, invited_by)
       VALUES ($1, $2, 1, 'EMAIL', $3, $4)`,
      [meeting.id, clients.invited.id, today, uwvHere.id],
    );
    const sales = await createUser(test, [Role.SALES], Organisation.STAFFING_FIRM);
    const employer = (await test.http.post('/api/employers').set(sales.headers).send(employerInput(sales)).expect(201))
      .body;
    const vacancy = (
      await test.http
        .post('/api/vacancies')
        .set(sales.headers)
        // Starting today, as the clients are available from today: a fixed start day in the past
        // left every client "not available in time" from the day after it, and the ranked list empty.
        .send(vacancyInput(employer.id, { hoursMin: 24, hoursMax: 36, startDate: today }))
        .expect(201)
    ).body;
    await test.http
      .post(`/api/vacancies/${vacancy.id}/status`)
      .set(sales.headers)
      .send({ status: 'OPEN', version: vacancy.version })
      .expect(200);
    vacancyId = vacancy.id;

    // Walk the table's states in order: record and revoke as the rows say.
    statementsOf = async (step) => {
      if (step === 'MAX_WW') maxWwStatement = await recordStatement(test, matcher, { scope: 'MAX_WW' });
      if (step === 'MAX_WW + UNIT')
        unitStatement = await recordStatement(test, matcher, { scope: 'UNIT', unitId: unit.id });
      if (step === 'UNIT (MAX_WW revoked)') await revoke(maxWwStatement);
      if (step === 'none (both revoked)') await revoke(unitStatement);
    };
  });
  afterAll(() => test.close());

  let maxWwStatement = '';
  let unitStatement = '';
  let statementsOf: (step: string) => Promise<void> = () => Promise.resolve();
  const revoke = (id: string) =>
    test.http.post(`/api/confidentiality-statements/${id}/revoke`).set(admin.headers).expect(200);
  const idsOf = (items: Array<{ id?: string; candidate?: { id: string } }>) =>
    new Set(items.map((item) => item.id ?? item.candidate!.id));

  /** What the matcher sees of the six, asked every way the API offers. */
  async function seen(): Promise<Record<string, ViewClient[]>> {
    const get = (url: string) => test.http.get(url).set(matcher.headers).expect(200);
    const list = idsOf((await get('/api/candidates?limit=200')).body.items);
    const maxWwList = idsOf((await get('/api/candidates/max-ww?limit=200')).body.items);
    const ranked = idsOf((await get(`/api/vacancies/${vacancyId}/matches?limit=50`)).body.items);
    const ways: Record<string, ViewClient[]> = { read: [], list: [], search: [], lookup: [], ranked: [], own: [] };
    for (const [client, { id, bsn, name }] of Object.entries(clients) as Array<
      [ViewClient, (typeof clients)[ViewClient]]
    >) {
      const read = await test.http.get(`/api/candidates/${id}`).set(matcher.headers);
      expect([200, 404]).toContain(read.status);
      if (read.status === 200) ways.read.push(client);
      if (list.has(id)) ways.list.push(client);
      const search = (await get(`/api/candidates?q=${encodeURIComponent(name)}`)).body.items;
      if (idsOf(search).has(id)) ways.search.push(client);
      const lookup = await test.http.post('/api/candidates/lookup').set(matcher.headers).send({ bsn }).expect(200);
      if (idsOf(lookup.body.items).has(id)) ways.lookup.push(client);
      if (ranked.has(id)) ways.ranked.push(client);
      const own = await test.http.get(`/api/candidates/${id}/matches`).set(matcher.headers);
      expect([200, 404]).toContain(own.status);
      if (own.status === 200) ways.own.push(client);
      // Only the Max-WW client can be on the Max-WW list, and only while seen.
      if (maxWwList.has(id)) expect(client).toBe('maxWw');
    }
    ways.maxWwList = (['maxWw'] as ViewClient[]).filter((client) => maxWwList.has(clients[client].id));
    return ways;
  }

  it.each(STAFFING_FIRM_VIEW.map((row) => [row.statements, row] as const))(
    "with statements %s the matcher sees exactly the table's clients, everywhere",
    async (step, row) => {
      await statementsOf(step);
      const sees = [...row.sees].sort();
      const expected = {
        read: sees,
        list: sees,
        search: sees,
        lookup: sees,
        ranked: sees,
        own: sees,
        maxWwList: row.sees.includes('maxWw') ? ['maxWw'] : [],
      };
      const actual = Object.fromEntries(Object.entries(await seen()).map(([way, found]) => [way, [...found].sort()]));
      expect(actual).toEqual(expected);
    },
  );
});
