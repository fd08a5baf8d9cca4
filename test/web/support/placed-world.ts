import { resolve } from 'node:path';
import { Account, apiToken, createAccount, signConfidentialityStatement } from './accounts';
import { RunningService } from './service';
import { dutchDay } from './dutch-days';

const GEO_FIXTURE = resolve(__dirname, '../../fixtures/geo/valid');
const WAREHOUSE = 'http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f';
const CHECKLIST = {
  ownTransport: true,
  childcareArranged: true,
  hoursAvailable: true,
  certificatesValid: true,
  motivated: true,
};

/** Calls the API as a person with a token; throws with the answer on anything but 2xx. */
export async function apiCall<T>(
  service: RunningService,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Polls until `check` gives a value (not undefined), failing after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

let bsnCounter = 0;

/** A BSN that passes the elfproef, fresh per call in this process. */
function nextBsn(): string {
  for (;;) {
    bsnCounter++;
    const digits = String(30000000 + ((process.pid * 1000 + bsnCounter) % 60000000)).padStart(8, '0');
    const sum = [...digits].reduce((total, digit, index) => total + (9 - index) * Number(digit), 0);
    const check = sum % 11;
    if (check < 10) return `${digits}${check}`;
  }
}

export interface Person extends Account {
  token: string;
}

export interface Placed {
  placementId: string;
  candidateId: string;
  clientName: string;
}

/**
 * Through the API, as the people themselves: places (the fixture postcodes), a salesmanager with an
 * employer and an open vacancy, a matcher, a UWV and a municipal adviser, and the aftersales callers of
 * the vacancy's unit; `place()` takes a new jobready client to a placement, which plans the follow-ups.
 */
export async function placedWorld(service: RunningService, adminToken: string) {
  const importJob = await apiCall<{ id: string }>(service, adminToken, 'POST', '/api/places/imports', {
    folder: GEO_FIXTURE,
  });
  await eventually(async () => {
    const job = await apiCall<{ status: string }>(service, adminToken, 'GET', `/api/places/imports/${importJob.id}`);
    if (job.status === 'failed') throw new Error('places import failed');
    return job.status === 'done' ? true : undefined;
  }, 'the places import');

  const unitName = 'Nazorg Drechtsteden';
  const person = async (name: string, roles: string[], organisation: string): Promise<Person> => {
    const account = await createAccount(service, adminToken, { name, roles, organisation, unitName });
    return { ...account, token: await apiToken(service, account) };
  };
  const sales = await person('Sam Sales', ['SALES'], 'STAFFING_FIRM');
  const matcher = await person('Mia Matcher', ['MATCHER'], 'STAFFING_FIRM');
  const uwvAdviser = await person('Ulla UWV', ['ADVISER'], 'UWV');
  const municipalAdviser = await person('Gert Gemeente', ['ADVISER'], 'MUNICIPALITY');
  const caller = await person('Anna Aftersales', ['AFTERSALES'], 'STAFFING_FIRM');
  const municipalCaller = await person('Mark Gemeentebeller', ['AFTERSALES'], 'MUNICIPALITY');
  // The staffing firm's matcher and caller work UWV's clients of the unit under a confidentiality statement.
  for (const worker of [matcher, caller]) {
    await signConfidentialityStatement(service, adminToken, worker, { scope: 'UNIT', unitName });
  }

  const employer = await apiCall<{ id: string }>(service, sales.token, 'POST', '/api/employers', {
    name: 'Distributiecentrum Dordrecht B.V.',
    kvkNumber: String(10000000 + Math.floor(Math.random() * 89999999)),
    sector: 'Logistiek',
    address: { street: 'Handelsweg', houseNumber: '12a', postcode: '3311ab', city: 'Dordrecht' },
    contacts: [{ name: 'J. de Vries', role: 'HR-adviseur', phone: '078 123 4567', email: 'j.devries@example.nl' }],
    accountManagerId: sales.id,
  });
  const vacancy = await apiCall<{ id: string; version: number }>(service, sales.token, 'POST', '/api/vacancies', {
    employerId: employer.id,
    title: 'Orderpicker',
    occupationUri: WAREHOUSE,
    hoursMin: 24,
    hoursMax: 36,
    workplacePostcode: '3311 AB',
    // Today, never a fixed day: a client available from today is not available by a start date that
    // has passed (the Max-WW story failed from 2 December 2026 on, its clients being available from
    // today and this vacancy starting on the 1st). Today, not later: the placement dialog proposes the
    // vacancy's start, and the story expects the placement (and the exit it records) dated today.
    startDate: dutchDay(),
    positions: 10,
    contractType: 'FIXED_TERM',
    contractMonths: 12,
    instruments: ['PROEFPLAATSING', 'BAANBONUS'],
  });
  await apiCall(service, sales.token, 'POST', `/api/vacancies/${vacancy.id}/status`, {
    status: 'OPEN',
    version: vacancy.version,
  });

  let clients = 0;
  /** A new jobready client of the pool, proposed, interviewed and placed today for 12 months, 32 hours. */
  const place = async (pool: 'WW' | 'BIJSTAND', clientName: string, instruments: string[] = []): Promise<Placed> => {
    clients++;
    const adviser = pool === 'WW' ? uwvAdviser : municipalAdviser;
    const created = await apiCall<{ id: string; version: number }>(service, adviser.token, 'POST', '/api/candidates', {
      pool,
      sourceReference: `${pool}-E2E-${Date.now().toString(36)}-${clients}`,
      bsn: nextBsn(),
      name: clientName,
      phone: '06 1234 5678',
      email: `klant${clients}@example.nl`,
      postcode: '3311 AB',
      hoursMin: 24,
      hoursMax: 36,
      availableFrom: '2026-12-01',
      ...(pool === 'WW' ? { wwEndDate: '2027-12-31' } : { classification: '80-100' }),
      workExperience: [{ occupationUri: WAREHOUSE, years: 3 }],
      transport: ['BIKE'],
      adviserId: adviser.id,
    });
    await apiCall(service, adviser.token, 'PUT', `/api/candidates/${created.id}/jobready`, {
      jobready: 'YES',
      checklist: CHECKLIST,
      version: created.version,
    });
    type Proposal = { id: string; version: number };
    let proposal = await apiCall<Proposal>(service, matcher.token, 'POST', `/api/vacancies/${vacancy.id}/proposals`, {
      candidateId: created.id,
    });
    for (const to of ['PROPOSED', 'INTERVIEW']) {
      proposal = await apiCall<Proposal>(service, matcher.token, 'POST', `/api/proposals/${proposal.id}/transitions`, {
        to,
        version: proposal.version,
      });
    }
    const placement = await apiCall<{ id: string }>(service, matcher.token, 'POST', '/api/placements', {
      proposalId: proposal.id,
      startDate: dutchDay(),
      contractType: 'FIXED_TERM',
      contractMonths: 12,
      hoursPerWeek: 32,
      instruments,
    });
    return { placementId: placement.id, candidateId: created.id, clientName };
  };

  type Call = { id: string; placementId: string; party: string; calls: unknown[] };
  /** The DUE calls of the placement on this caller's list, once `count` of them are there. */
  const dueCalls = (who: Person, placementId: string, count: number): Promise<Call[]> =>
    eventually(async () => {
      const list = await apiCall<Call[]>(service, who.token, 'GET', '/api/follow-ups?status=DUE&assignee=unit');
      const mine = list.filter((call) => call.placementId === placementId);
      return mine.length === count ? mine : undefined;
    }, `${count} due calls of placement ${placementId}`);

  return { sales, matcher, uwvAdviser, municipalAdviser, caller, municipalCaller, place, dueCalls };
}
