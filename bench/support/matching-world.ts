/**
 * A matching world for the benches that run the real service: made through the API (administrator,
 * places, users, employer, an open warehouse vacancy, two template candidates), then grown by SQL to
 * any pool size, copying the templates with varied homes, hours, experience and licences. The world's
 * ids and accounts are kept in the scratch database (bench_world), so a later run can reuse it.
 */
import { Client } from 'pg';
import { Account, apiToken, createAccount, createFirstAdministrator } from '../../test/web/support/accounts';
import { RunningService, startService, waitFor } from '../../test/web/support/service';

export const WAREHOUSE = 'http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f';

/** Homes in the Drechtsteden and around (postcode areas of the real geo data). */
export const AREAS = [
  '3311',
  '3312',
  '3313',
  '3314',
  '3315',
  '3316',
  '3317',
  '3318',
  '3319',
  '3328',
  '3331',
  '3332',
  '3333',
  '3334',
  '3335',
  '3336',
  '3341',
  '3342',
  '3343',
  '3344',
  '3351',
  '3352',
  '3353',
  '3354',
  '3355',
  '3356',
  '3361',
  '3362',
  '3363',
  '3371',
  '2951',
  '2952',
  '2953',
  '2954',
  '3011',
  '3081',
  '4201',
  '4231',
];

export interface World {
  vacancyId: string;
  /** Template candidates, WW then Bijstand. */
  templates: string[];
  matchers: Account[];
  /** The UWV adviser, who may change WW candidates. */
  wwAdviser: Account;
  /**
   * The municipality's adviser, who may change Bijstand candidates: the cross-instance probe is one of
   * theirs, since the staffing-firm matchers who read instance B see Bijstand clients (UWV's clients only
   * under a confidentiality statement, which the bench's matchers have not signed).
   */
  bijstandAdviser?: Account;
}

export const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export async function call<T>(url: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A fresh scratch database `name` next to the admin URL's; returns its URL. */
export async function scratchDatabase(adminUrl: string, name: string, fresh: boolean): Promise<string> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  if (fresh || !exists) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  }
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function storedWorld(databaseUrl: string): Promise<World | null> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const found = await db.query<{ world: World }>(
      `SELECT world FROM bench_world WHERE EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = 'bench_world')`,
    );
    return found.rows[0]?.world ?? null;
  } catch {
    return null;
  } finally {
    await db.end();
  }
}

/** Makes the world through the API of a service started on `env` (a fresh database), then stops it. */
export async function makeWorld(env: Record<string, string>, geoDir: string, matcherCount: number): Promise<World> {
  const service = await startService({ env });
  try {
    return await populate(service, geoDir, matcherCount, env.DATABASE_URL);
  } finally {
    await service.stop();
  }
}

async function populate(
  service: RunningService,
  geoDir: string,
  matcherCount: number,
  databaseUrl: string,
): Promise<World> {
  const adminToken = (await createFirstAdministrator(service)).token;
  const places = await call<{ id: string }>(service.url, adminToken, 'POST', '/api/places/imports', {
    folder: geoDir,
  });
  await waitFor(
    async () =>
      (await call<{ status: string }>(service.url, adminToken, 'GET', `/api/places/imports/${places.id}`)).status ===
      'done',
    300_000,
  );
  const account = (name: string, roles: string[], organisation: string) =>
    createAccount(service, adminToken, { name, roles, organisation, unitName: 'Logistiek' });
  const sales = await account('Bench Sales', ['SALES'], 'STAFFING_FIRM');
  const matchers: Account[] = [];
  for (let index = 0; index < matcherCount; index++)
    matchers.push(await account(`Bench Matcher ${index + 1}`, ['MATCHER'], 'STAFFING_FIRM'));
  const advisers = {
    WW: await account('Bench UWV-Adviser', ['ADVISER'], 'UWV'),
    BIJSTAND: await account('Bench Gemeente-Adviser', ['ADVISER'], 'MUNICIPALITY'),
  };
  const salesToken = await apiToken(service, sales);
  const employer = await call<{ id: string }>(service.url, salesToken, 'POST', '/api/employers', {
    name: 'Distributiecentrum Dordrecht B.V.',
    kvkNumber: '12345678',
    sector: 'Logistiek',
    address: { street: 'Handelsweg', houseNumber: '12a', postcode: '3311ab', city: 'Dordrecht' },
    contacts: [],
    accountManagerId: sales.id,
  });
  const vacancy = await call<{ id: string; version: number }>(service.url, salesToken, 'POST', '/api/vacancies', {
    employerId: employer.id,
    title: 'Magazijnmedewerker orderpick',
    occupationUri: WAREHOUSE,
    hoursMin: 24,
    hoursMax: 36,
    workplacePostcode: '3311 AB',
    startDate: inDays(14),
    positions: 2,
    contractType: 'AGENCY',
  });
  await call(service.url, salesToken, 'POST', `/api/vacancies/${vacancy.id}/status`, {
    status: 'OPEN',
    version: vacancy.version,
  });
  const templates: string[] = [];
  for (const [index, pool] of (['WW', 'BIJSTAND'] as const).entries()) {
    const adviserToken = await apiToken(service, advisers[pool]);
    const created = await call<{ id: string; version: number }>(service.url, adviserToken, 'POST', '/api/candidates', {
      pool,
      sourceReference: `TEMPLATE-${pool}`,
      bsn: ['111222333', '123456782'][index],
      name: `Sjabloon ${pool}`,
      postcode: '3311 AB',
      hoursMin: 24,
      hoursMax: 36,
      availableFrom: inDays(0),
      transport: ['BIKE', 'CAR'],
      drivingLicences: ['B'],
      workExperience: [{ occupationUri: WAREHOUSE, years: 3 }],
      ...(pool === 'WW' ? { wwEndDate: inDays(60) } : { classification: '80-100' }),
    });
    await call(service.url, adviserToken, 'PUT', `/api/candidates/${created.id}/jobready`, {
      jobready: 'YES',
      checklist: {
        ownTransport: true,
        childcareArranged: true,
        hoursAvailable: true,
        certificatesValid: true,
        motivated: true,
      },
      version: created.version,
    });
    templates.push(created.id);
  }
  const world: World = {
    vacancyId: vacancy.id,
    templates,
    matchers,
    wwAdviser: advisers.WW,
    bijstandAdviser: advisers.BIJSTAND,
  };
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query('CREATE TABLE bench_world (world jsonb NOT NULL)');
  await db.query('INSERT INTO bench_world (world) VALUES ($1)', [JSON.stringify(world)]);
  await db.end();
  return world;
}

/**
 * Grows the pool to `size` candidates (half WW, half Bijstand), copied by SQL from the templates in
 * chunks; returns the seconds it took. Copies differ in home, hours, experience and licences.
 */
export async function growPool(databaseUrl: string, world: World, size: number): Promise<number> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const started = performance.now();
  try {
    const count = async (pool: string) =>
      Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM candidates WHERE pool = $1', [pool])).rows[0].n);
    const columns = (
      await db.query<{ name: string }>(
        `SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'candidates' ORDER BY ordinal_position`,
      )
    ).rows.map((row) => row.name);
    for (const [index, pool] of (['WW', 'BIJSTAND'] as const).entries()) {
      const want = index === 0 ? Math.floor(size / 2) : size - Math.floor(size / 2);
      for (let have = await count(pool); have < want; have = await count(pool)) {
        const chunk = Math.min(100_000, want - have);
        await copyTemplate(db, columns, world.templates[index], `${pool}-${have}`, chunk);
      }
    }
    await db.query('ANALYZE candidates');
  } finally {
    await db.end();
  }
  return (performance.now() - started) / 1000;
}

async function copyTemplate(
  db: Client,
  columns: string[],
  templateId: string,
  prefix: string,
  count: number,
): Promise<void> {
  const areas = `ARRAY[${AREAS.map((area) => `'${area}'`).join(',')}]`;
  const varied: Record<string, string> = {
    id: 'gen_random_uuid()',
    person_id: 'p.id',
    source_reference: `'${prefix}-' || p.n`,
    name: `'Kandidaat ${prefix} ' || p.n`,
    pc4: `(${areas})[1 + p.n % ${AREAS.length}]`,
    postcode: `(${areas})[1 + p.n % ${AREAS.length}] || ' AB'`,
    hours_min: '(8 + (p.n % 5) * 4)::smallint',
    hours_max: '(16 + (p.n % 5) * 5)::smallint',
    driving_licences: `CASE WHEN p.n % 4 = 0 THEN ARRAY[]::text[] ELSE t.driving_licences END`,
    work_experience: `CASE WHEN p.n % 3 = 0 THEN jsonb_build_array(jsonb_build_object('occupationUri', '${WAREHOUSE}', 'years', p.n % 9)) ELSE '[]'::jsonb END`,
    created_at: 'now()',
    updated_at: 'now()',
  };
  const expressions = columns.map((column) => varied[column] ?? `t.${column}`);
  await db.query(
    `WITH people AS (
       INSERT INTO persons (bsn_hash)
       SELECT encode(sha256(convert_to('${prefix}-' || n, 'UTF8')), 'hex') FROM generate_series(1, $2::int) n
       RETURNING id
     ), numbered AS (SELECT id, row_number() OVER () AS n FROM people)
     INSERT INTO candidates (${columns.join(', ')})
     SELECT ${expressions.join(', ')} FROM numbered p, candidates t WHERE t.id = $1`,
    [templateId, count],
  );
}
