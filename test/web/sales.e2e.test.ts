import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Locator, Page } from 'playwright-core';
import {
  Account,
  apiToken,
  createAccount,
  createFirstAdministrator,
  signConfidentialityStatement,
} from './support/accounts';
import { Browser, choose, expectAccessible, openBrowser, screenshot, seen, signInAs } from './support/browser';
import { RunningService, startService } from './support/service';

jest.setTimeout(300_000);

const ROOT = resolve(__dirname, '../..');
// Four real ESCO occupations (heftruckchauffeur among them) with real URIs; the full release takes minutes
// on the embedded database. Places: the real geo folder beside the repository, the fixture where it is absent.
const ESCO_FOLDER = join(ROOT, 'test/fixtures/esco/sales');
const REAL_GEO = resolve(ROOT, '../shared/data/geo');
const GEO_FOLDER = existsSync(join(REAL_GEO, 'nl_pc4_centroids.csv'))
  ? REAL_GEO
  : join(ROOT, 'test/fixtures/geo/valid');
const UNIT = 'Industrie & logistiek';

async function api<T>(service: RunningService, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const CHECKLIST = {
  ownTransport: true,
  childcareArranged: true,
  hoursAvailable: true,
  certificatesValid: true,
  motivated: true,
};

describe('the salesmanager in the browser', () => {
  let service: RunningService;
  let browser: Browser;
  let page: Page;
  let sales: Account;
  let matcherToken: string;

  beforeAll(async () => {
    service = await startService({ env: { GEO_DATA_DIR: GEO_FOLDER } });
    const admin = await createFirstAdministrator(service);
    const started = await api<{ id: string }>(service, admin.token, 'POST', '/api/taxonomy/imports', {
      folder: ESCO_FOLDER,
    });
    for (let attempt = 0; ; attempt++) {
      const job = await api<{ status: string }>(service, admin.token, 'GET', `/api/taxonomy/imports/${started.id}`);
      if (job.status === 'succeeded') break;
      if (job.status === 'failed' || attempt > 600) throw new Error(`ESCO import: ${JSON.stringify(job)}`);
      await new Promise((wait) => setTimeout(wait, 200));
    }
    sales = await createAccount(service, admin.token, {
      name: 'Sanne Sales',
      roles: ['SALES'],
      organisation: 'STAFFING_FIRM',
      unitName: UNIT,
    });
    const matcher = await createAccount(service, admin.token, {
      name: 'Mo Matcher',
      roles: ['MATCHER'],
      organisation: 'STAFFING_FIRM',
      unitName: UNIT,
    });
    matcherToken = await apiToken(service, matcher);
    // The staffing firm's salesmanager and matcher count and find UWV's clients of the unit under a
    // confidentiality statement; without one the preview would leave the WW clients out.
    for (const worker of [sales, matcher]) {
      await signConfidentialityStatement(service, admin.token, worker, { scope: 'UNIT', unitName: UNIT });
    }
    // Supply: two jobready candidates with a forklift certificate (one per pool) and one without.
    // Each client has their adviser (klantregisseur) in the unit, whose clients the statements open.
    const adviserOf = {
      WW: await createAccount(service, admin.token, {
        name: 'Ad UWV',
        roles: ['ADVISER'],
        organisation: 'UWV',
        unitName: UNIT,
      }),
      BIJSTAND: await createAccount(service, admin.token, {
        name: 'Ad SDD',
        roles: ['ADVISER'],
        organisation: 'MUNICIPALITY',
        unitName: UNIT,
      }),
    };
    const advisers = {
      WW: await apiToken(service, adviserOf.WW),
      BIJSTAND: await apiToken(service, adviserOf.BIJSTAND),
    };
    const people = [
      { pool: 'WW', bsn: '111222333', certificates: ['HEFTRUCK'] },
      { pool: 'BIJSTAND', bsn: '123456782', certificates: ['HEFTRUCK'] },
      { pool: 'WW', bsn: '100000009', certificates: [] },
    ] as const;
    for (const [index, person] of people.entries()) {
      const token = advisers[person.pool];
      const created = await api<{ id: string; version: number }>(service, token, 'POST', '/api/candidates', {
        pool: person.pool,
        sourceReference: `SALES-E2E-${index}`,
        bsn: person.bsn,
        name: `Kandidaat ${index}`,
        postcode: '3311 AB',
        hoursMin: 24,
        hoursMax: 40,
        availableFrom: '2026-12-01',
        ...(person.pool === 'WW' ? { wwEndDate: '2027-06-30' } : { classification: '80-100' }),
        certificates: person.certificates,
        transport: ['BIKE'],
        adviserId: adviserOf[person.pool].id,
      });
      await api(service, token, 'PUT', `/api/candidates/${created.id}/jobready`, {
        jobready: 'YES',
        checklist: CHECKLIST,
        version: created.version,
      });
    }
    browser = await openBrowser();
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('registers an employer, enters a forklift vacancy while the supply preview follows, and opens it', async () => {
    await page.goto(`${service.url}/`);
    await signInAs(page, sales.email, sales.password);
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await menu.getByRole('link', { name: 'Werkgevers' }).click();
    await seen(page.getByRole('heading', { name: 'Werkgevers' }));
    await seen(page.getByText('Geen werkgevers gevonden.'));
    await expectAccessible(page, 'employers');
    await screenshot(page, 'sales-employers');

    // Register: the KvK number checked, the postcode resolved to place and region while typing.
    await page.getByRole('button', { name: 'Nieuwe werkgever' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuwe werkgever' });
    await dialog.getByLabel('Naam').fill('Logistiek Centrum Dordrecht B.V.');
    await dialog.getByLabel('KvK-nummer').fill('2412');
    await dialog.getByLabel('KvK-nummer').fill('24123456');
    await seen(dialog.getByText('Nog niet geregistreerd.'));
    await dialog.getByLabel('Sector').fill('Logistiek');
    await dialog.getByLabel('Straat').fill('Handelsweg');
    await dialog.getByLabel('Huisnummer').fill('12a');
    await dialog.getByLabel('Postcode').fill('3311 AB');
    await seen(dialog.getByText('Gemeente Dordrecht, arbeidsmarktregio Drechtsteden'));
    await dialog.getByLabel('Plaats').fill('Dordrecht');
    await dialog.getByRole('button', { name: 'Contactpersoon toevoegen' }).click();
    await dialog.getByLabel('Naam contactpersoon 1').fill('J. de Vries');
    await dialog.getByLabel('Functie').fill('HR-adviseur');
    await dialog.getByLabel('Telefoon').fill('12');
    await dialog.getByLabel('E-mail').fill('j.devries@example.nl');
    // The API judges the phone number; its refusal shows at the contact person's field, in Dutch.
    await dialog.getByRole('button', { name: 'Registreren' }).click();
    await seen(dialog.getByText(/^Vul een Nederlands telefoonnummer in/));
    await expectAccessible(page, 'employer form');
    await dialog.getByLabel('Telefoon').fill('078 123 4567');
    await dialog.getByRole('button', { name: 'Registreren' }).click();

    await seen(page.getByRole('heading', { name: 'Logistiek Centrum Dordrecht B.V.' }));
    await seen(page.getByRole('cell', { name: 'J. de Vries' }));
    await seen(page.getByText('Nog geen vacatures.'));
    await seen(page.getByText('Nog geen plaatsingen.'));
    await expectAccessible(page, 'employer page');
    await screenshot(page, 'sales-employer');

    // The intake, as the employer tells it.
    await page.getByRole('main').getByRole('link', { name: 'Nieuwe vacature' }).click();
    await seen(page.getByRole('heading', { name: 'Nieuwe vacature' }));
    const title = page.getByLabel('Functietitel');
    await title.fill('Heftruckchauffeur m/v 32-40 uur');
    await title.blur();
    const suggestion = page.getByRole('radio', { name: /^heftruckchauffeur/ });
    await seen(suggestion);
    await suggestion.check();
    await expectHours(page, '32', '40');
    // The workplace starts as the employer's address.
    await seenValue(page.getByLabel('Postcode werkplek'), '3311 AB');
    await seen(page.getByText('Werkplek in Dordrecht, arbeidsmarktregio Drechtsteden'));
    await page.getByLabel('Maximale reisafstand (km)').fill('20');
    await page.getByLabel('Startdatum').fill('2027-01-04');
    await choose(page, 'Contract', 'Uitzendcontract');
    await page.getByRole('checkbox', { name: 'Uitzendeuro' }).check();

    const now = page.getByTestId('supply-now');
    await seen(now.getByText('3 kandidaten voldoen'));
    await seen(now.getByText('WW: 2 · Bijstand: 1'));

    // With the forklift certificate the one without it drops out; the preview says what dropping it adds.
    await page.getByRole('combobox', { name: 'Certificaten' }).click();
    await page.getByRole('option', { name: 'Heftruckcertificaat' }).click();
    await page.keyboard.press('Escape');
    await seen(now.getByText('2 kandidaten voldoen'));
    await seen(now.getByText('WW: 1 · Bijstand: 1'));
    const relaxations = page.getByTestId('relaxations');
    await seen(relaxations.getByRole('row', { name: 'zonder Heftruckcertificaat +1' }));
    await seen(page.getByTestId('excluded').getByRole('row', { name: 'Certificaten 1' }));
    await expectAccessible(page, 'vacancy intake');
    await screenshot(page, 'sales-intake');

    // Removed again: back to three. Then added back for good.
    await page.getByRole('combobox', { name: 'Certificaten' }).click();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Escape');
    await seen(now.getByText('3 kandidaten voldoen'));
    await page.getByRole('combobox', { name: 'Certificaten' }).click();
    await page.getByRole('option', { name: 'Heftruckcertificaat' }).click();
    await page.keyboard.press('Escape');
    await seen(now.getByText('2 kandidaten voldoen'));

    await page.getByRole('button', { name: 'Vacature opslaan' }).click();
    await seen(page.getByRole('heading', { name: 'Heftruckchauffeur m/v 32-40 uur' }));
    await seen(page.getByTestId('vacancy-status').getByText('Concept'));
    await page.getByRole('button', { name: 'Openen' }).click();
    await seen(page.getByTestId('vacancy-status').getByText('Open'));
    await seen(page.getByRole('button', { name: 'On hold zetten' }));
    await screenshot(page, 'sales-vacancy');

    // The matcher of the unit finds it on the open list, with the occupation picked and the certificate.
    const open = await api<Array<{ id: string; title: string; occupationUri: string | null }>>(
      service,
      matcherToken,
      'GET',
      '/api/vacancies/open',
    );
    expect(open.map((vacancy) => vacancy.title)).toEqual(['Heftruckchauffeur m/v 32-40 uur']);
    const listed = await api<{ items: Array<Record<string, unknown>> }>(
      service,
      matcherToken,
      'GET',
      '/api/vacancies?status=OPEN',
    );
    expect(listed.items).toEqual([
      expect.objectContaining({
        title: 'Heftruckchauffeur m/v 32-40 uur',
        occupationUri: 'http://data.europa.eu/esco/occupation/eeac6251-1974-42f5-91ed-513c6c883755',
        occupationConfirmed: true,
        certificates: ['HEFTRUCK'],
        hoursMin: 32,
        hoursMax: 40,
        maxTravelKm: 20,
        instruments: ['UITZENDEURO'],
      }),
    ]);
    // The ranked list of the saved vacancy holds as many as the preview counted.
    const matches = await api<{ eligible: number }>(
      service,
      matcherToken,
      'GET',
      `/api/vacancies/${open[0].id}/matches`,
    );
    expect(matches.eligible).toBe(2);

    await menu.getByRole('link', { name: 'Open vacatures' }).click();
    await seen(page.getByRole('link', { name: 'Heftruckchauffeur m/v 32-40 uur' }));
    await expectAccessible(page, 'open vacancies');
  });

  it('offers to reload when the vacancy was changed meanwhile (409 STALE_VERSION)', async () => {
    // From the stand-up list to the ranked list, and from there to the vacancy's own page.
    await page.getByRole('link', { name: 'Heftruckchauffeur m/v 32-40 uur' }).click();
    await page.getByRole('link', { name: 'Vacaturegegevens en status' }).click();
    await seen(page.getByTestId('vacancy-status').getByText('Open'));
    // A colleague changes the positions through the API while the page shows the old version.
    const [vacancy] = await api<Array<{ id: string }>>(service, matcherToken, 'GET', '/api/vacancies/open');
    const current = await api<{ version: number }>(service, matcherToken, 'GET', `/api/vacancies/${vacancy.id}`);
    await api(service, await apiToken(service, sales), 'PATCH', `/api/vacancies/${vacancy.id}`, {
      version: current.version,
      positions: 3,
    });
    await page.getByLabel('Omschrijving').fill('Reachtruck is een pré.');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await seen(page.getByText('Intussen gewijzigd'));
    await page.getByRole('button', { name: 'Opnieuw laden' }).click();
    await seenValue(page.getByLabel('Aantal plaatsen'), '3');
  });
});

async function expectHours(page: Page, from: string, to: string): Promise<void> {
  await seenValue(page.getByLabel('Uren per week van'), from);
  await seenValue(page.getByLabel('Uren per week tot'), to);
}

/** Waits until the field shows this value (what the user reads in it). */
async function seenValue(field: Locator, value: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let shown = await field.inputValue();
  while (shown !== value && Date.now() < until) {
    await new Promise((wait) => setTimeout(wait, 100));
    shown = await field.inputValue();
  }
  expect(shown).toBe(value);
}
