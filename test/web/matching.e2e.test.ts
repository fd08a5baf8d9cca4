import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Page } from 'playwright-core';
import { Account, apiToken, createAccount, createFirstAdministrator } from './support/accounts';
import { Browser, expectAccessible, openBrowser, screenshot, seen, signInAs } from './support/browser';
import { RunningService, startService, waitFor } from './support/service';
import { dutchDay } from './support/dutch-days';

jest.setTimeout(300_000);

const ROOT = resolve(__dirname, '../..');
const REAL_GEO = resolve(ROOT, '../shared/data/geo');
const GEO_FOLDER = existsSync(join(REAL_GEO, 'nl_pc4_centroids.csv'))
  ? REAL_GEO
  : join(ROOT, 'test/fixtures/geo/valid');
const WAREHOUSE = 'http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f';
const CHECKLIST = {
  ownTransport: true,
  childcareArranged: true,
  hoursAvailable: true,
  certificatesValid: true,
  motivated: true,
};

/** Valid BSNs (elfproef), one per person of the world. */
const BSNS = ['111222333', '123456782', '100000009', '100000010', '100000022', '100000034'];

/** A date `days` from today, as the API writes dates. */
const inDays = (days: number): string => dutchDay(days);

/**
 * The matcher's day in the browser, on a world built through the API: an employer with a
 * demo-like warehouse vacancy in Dordrecht, Bijstand and WW candidates made jobready by their
 * advisers, one WW client with consent for the municipality and one without.
 */
describe("the matcher's day in the browser", () => {
  let service: RunningService;
  let browser: Browser;
  let page: Page;
  let adminToken: string;
  let matcher: Account;
  let otherSales: Account;
  let vacancyId: string;
  const names = {
    top: 'Bram Bijstand',
    second: 'Sanne Bijstand',
    nearMiss: 'Nina Weinig-Uren',
    wwWithConsent: 'Wim Max-WW',
    wwWithoutConsent: 'Wendy Zonder-Toestemming',
  };
  const ids: Record<keyof typeof names, string> = {} as Record<keyof typeof names, string>;

  const call = async <T>(token: string, method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    service = await startService();
    const admin = await createFirstAdministrator(service);
    adminToken = admin.token;
    const placesImport = await call<{ id: string }>(adminToken, 'POST', '/api/places/imports', { folder: GEO_FOLDER });
    await waitFor(
      async () =>
        (await call<{ status: string }>(adminToken, 'GET', `/api/places/imports/${placesImport.id}`)).status === 'done',
      120_000,
    );

    const sales = await createAccount(service, adminToken, {
      name: 'Sam Sales',
      roles: ['SALES'],
      organisation: 'STAFFING_FIRM',
      unitName: 'Logistiek',
    });
    matcher = await createAccount(service, adminToken, {
      name: 'Mila Matcher',
      roles: ['MATCHER'],
      organisation: 'MUNICIPALITY',
      unitName: 'Logistiek',
    });
    otherSales = await createAccount(service, adminToken, {
      name: 'Zeno Zorg-Sales',
      roles: ['SALES'],
      organisation: 'STAFFING_FIRM',
      unitName: 'Zorg',
    });
    const uwvAdviser = await createAccount(service, adminToken, {
      name: 'Ulla UWV',
      roles: ['ADVISER'],
      organisation: 'UWV',
      unitName: 'Logistiek',
    });
    const municipalAdviser = await createAccount(service, adminToken, {
      name: 'Gerda Gemeente',
      roles: ['ADVISER'],
      organisation: 'MUNICIPALITY',
      unitName: 'Logistiek',
    });
    const salesToken = await apiToken(service, sales);
    const uwvToken = await apiToken(service, uwvAdviser);
    const municipalToken = await apiToken(service, municipalAdviser);

    const employer = await call<{ id: string }>(salesToken, 'POST', '/api/employers', {
      name: 'Distributiecentrum Dordrecht B.V.',
      kvkNumber: '12345678',
      sector: 'Logistiek',
      address: { street: 'Handelsweg', houseNumber: '12a', postcode: '3311ab', city: 'Dordrecht' },
      contacts: [{ name: 'J. de Vries', role: 'HR-adviseur', phone: '078 123 4567', email: 'j.devries@example.nl' }],
      accountManagerId: sales.id,
    });
    const vacancy = await call<{ id: string; version: number }>(salesToken, 'POST', '/api/vacancies', {
      employerId: employer.id,
      title: 'Magazijnmedewerker orderpick',
      occupationUri: WAREHOUSE,
      hoursMin: 24,
      hoursMax: 36,
      workplacePostcode: '3311 AB',
      startDate: inDays(14),
      positions: 2,
      contractType: 'FIXED_TERM',
      contractMonths: 12,
      instruments: ['PROEFPLAATSING', 'BAANBONUS', 'UITZENDEURO'],
    });
    await call(salesToken, 'POST', `/api/vacancies/${vacancy.id}/status`, { status: 'OPEN', version: vacancy.version });
    vacancyId = vacancy.id;

    const candidate = async (
      key: keyof typeof names,
      token: string,
      adviserId: string,
      overrides: Record<string, unknown>,
    ) => {
      const pool = overrides.pool as string;
      const created = await call<{ id: string; version: number }>(token, 'POST', '/api/candidates', {
        sourceReference: `${pool}-E2E-${key}`,
        bsn: BSNS[Object.keys(names).indexOf(key)],
        name: names[key],
        postcode: '3311 AB',
        hoursMin: 24,
        hoursMax: 36,
        availableFrom: inDays(0),
        workExperience: [{ occupationUri: WAREHOUSE, years: 3 }],
        transport: ['BIKE'],
        adviserId,
        ...(pool === 'WW' ? {} : { classification: '80-100' }),
        ...overrides,
      });
      await call(token, 'PUT', `/api/candidates/${created.id}/jobready`, {
        jobready: 'YES',
        checklist: CHECKLIST,
        version: created.version,
      });
      ids[key] = created.id;
      return created.id;
    };
    await candidate('top', municipalToken, municipalAdviser.id, {
      pool: 'BIJSTAND',
      workExperience: [{ occupationUri: WAREHOUSE, years: 6 }],
      wishedOccupationUris: [WAREHOUSE],
    });
    await candidate('second', municipalToken, municipalAdviser.id, {
      pool: 'BIJSTAND',
      workExperience: [{ occupationUri: WAREHOUSE, years: 1 }],
    });
    await candidate('nearMiss', municipalToken, municipalAdviser.id, { pool: 'BIJSTAND', hoursMin: 8, hoursMax: 16 });
    // Max-WW, but without warehouse experience: ranked below the experienced Bijstand client.
    await candidate('wwWithConsent', uwvToken, uwvAdviser.id, {
      pool: 'WW',
      wwEndDate: inDays(40),
      workExperience: [],
    });
    await candidate('wwWithoutConsent', uwvToken, uwvAdviser.id, { pool: 'WW', wwEndDate: inDays(30) });
    await call(uwvToken, 'POST', `/api/candidates/${ids.wwWithConsent}/consents`, {
      organisation: 'MUNICIPALITY',
      signedOn: inDays(-10),
      documentReference: 'DMS-E2E-1',
    });
    await call(municipalToken, 'POST', `/api/candidates/${ids.top}/notes`, {
      text: 'Heeft heftruckcursus gepland; graag dagdiensten.',
    });

    browser = await openBrowser();
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  /** A fresh start as another person: the refresh cookie gone, the in-memory token with the page. */
  const signInFresh = async (account: Account, path: string) => {
    await browser.context.clearCookies();
    await page.goto(`${service.url}${path}`);
    await seen(page.getByRole('heading', { name: 'Aanmelden' }));
    await signInAs(page, account.email, account.password);
  };

  it('a municipal matcher ranks the vacancy, reads why, proposes the top candidate by keyboard, and places once', async () => {
    await signInFresh(matcher, '/');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Open vacatures' }).click();
    await seen(page.getByRole('heading', { name: 'Open vacatures' }));
    const row = page.getByRole('row', { name: /Magazijnmedewerker orderpick/ });
    await seen(row);
    // Visible to the municipality: the two Bijstand candidates and the WW client with consent.
    await seen(row.getByRole('cell', { name: '3', exact: true }));
    await expectAccessible(page, 'open vacancies');
    await screenshot(page, 'matching-open-vacancies');

    await row.getByRole('link', { name: 'Magazijnmedewerker orderpick' }).click();
    await seen(page.getByRole('heading', { name: 'Magazijnmedewerker orderpick' }));
    const ranked = page.getByRole('list', { name: 'Ranglijst' });
    await seen(ranked.getByRole('listitem').first());
    expect(await ranked.getByRole('listitem').first().innerText()).toContain(names.top);
    expect(await ranked.innerText()).toContain(names.wwWithConsent);
    await seen(ranked.getByText(/WW eindigt over \d+ weken/));
    // The score's components and their sentences.
    await ranked.getByRole('button', { name: `Uitleg score ${names.top}` }).click();
    await seen(ranked.getByRole('cell', { name: 'Woont bij de werkplek' }));
    await seen(ranked.getByRole('img', { name: /^Score .* van 100: .*Zelfde beroep/ }));
    // Why others are missing: the exclusion counts (numbers in a table) and the near miss with its reason.
    const missing = page.getByRole('region', { name: 'Waarom ontbreken anderen' });
    await seen(missing.getByRole('row', { name: 'Uren 1' }));
    await seen(missing.getByText(`${names.nearMiss}`));
    await seen(missing.getByText(/zoekt 8–16 uur, vacature 24–36 uur/));
    await expectAccessible(page, 'ranked list');
    await screenshot(page, 'matching-ranked-list');

    // Keyboard from the expanded first row: j down to the second, k back up, Enter opens the candidate
    // panel with the newest notes.
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog', { name: names.top });
    await seen(panel.getByText('Heeft heftruckcursus gepland; graag dagdiensten.'));
    await seen(panel.getByRole('cell', { name: '*****2333' })); // the BSN masked, as the API sends it
    expect(await panel.innerText()).not.toContain('111222333');
    await expectAccessible(page, 'candidate panel');
    await screenshot(page, 'matching-candidate-panel');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });

    // p proposes the row, with a note; Ctrl+Enter sends.
    await page.keyboard.press('p');
    const proposeDialog = page.getByRole('dialog', { name: `${names.top} voorstellen` });
    await proposeDialog.getByLabel('Notitie bij het voorstel').fill('Past goed: zes jaar orderpicken.');
    await page.keyboard.press('Control+Enter');
    await proposeDialog.waitFor({ state: 'hidden' });
    const pipeline = page.getByRole('region', { name: 'Voorstellen' });
    await seen(pipeline.getByRole('row', { name: new RegExp(`${names.top}.*Voorgesteld`) }));

    await pipeline.getByRole('button', { name: `${names.top}: gesprek` }).click();
    await seen(pipeline.getByRole('row', { name: new RegExp(`${names.top}.*Gesprek`) }));
    await pipeline.getByRole('button', { name: `${names.top} plaatsen` }).click();
    const placeDialog = page.getByRole('dialog', { name: `${names.top} plaatsen` });
    // The vacancy's 12-month contract: the Baanbonus of €4,000 may go with it, the Uitzendeuro not.
    await seen(placeDialog.getByText(/Mag: €\s?4\.000 voor de werkgever/));
    await seen(placeDialog.getByText('Kan niet: alleen bij plaatsing via het uitzendbureau'));
    // The start it proposes is the vacancy's own, still to come.
    expect(await placeDialog.getByLabel('Startdatum').inputValue()).toBe(inDays(14));
    await placeDialog.getByRole('checkbox', { name: 'Baanbonus' }).check();
    await expectAccessible(page, 'placement dialog');
    await screenshot(page, 'matching-placement-dialog');
    await placeDialog.getByRole('button', { name: 'Plaatsen' }).dblclick();
    await placeDialog.waitFor({ state: 'hidden' });
    await seen(pipeline.getByRole('row', { name: new RegExp(`${names.top}.*Geplaatst`) }));
    await seen(pipeline.getByText('1 voorgesteld, 1 geplaatst: 1 voorstellen per plaatsing (doel: 2 of minder)'));

    // Through the API: one placement, with the Baanbonus of €4,000, and one position taken.
    const register = await call<{ items: Array<{ candidate: { id: string }; vacancy: { id: string } }> }>(
      adminToken,
      'GET',
      `/api/placements?from=${inDays(-30)}&to=${inDays(60)}&instrument=BAANBONUS&limit=200`,
    );
    expect(register.items.filter((item) => item.vacancy.id === vacancyId)).toHaveLength(1);
    const vacancy = await call<{ positionsLeft: number }>(adminToken, 'GET', `/api/vacancies/${vacancyId}`);
    expect(vacancy.positionsLeft).toBe(1);
  });

  it('never shows a municipal matcher a WW client without consent', async () => {
    await signInFresh(matcher, `/vacatures/${vacancyId}`);
    const ranked = page.getByRole('list', { name: 'Ranglijst' });
    await seen(ranked.getByRole('listitem').first());
    await seen(ranked.getByText(names.wwWithConsent));
    expect(await page.locator('body').innerText()).not.toContain(names.wwWithoutConsent);
    // Nor among the near misses or counts: the client is not there at all for the municipality.
    const missing = page.getByRole('region', { name: 'Waarom ontbreken anderen' });
    expect(await missing.innerText()).not.toContain(names.wwWithoutConsent);
    // The client exists and is ranked for UWV, so the absence above is the consent rule.
    const uwvMatcher = await createAccount(service, adminToken, {
      name: 'Umar UWV-Matcher',
      roles: ['MATCHER'],
      organisation: 'UWV',
      unitName: 'Logistiek',
    });
    const forUwv = await call<{ items: Array<{ candidate: { id: string } }> }>(
      await apiToken(service, uwvMatcher),
      'GET',
      `/api/vacancies/${vacancyId}/matches`,
    );
    expect(forUwv.items.map((item) => item.candidate.id)).toContain(ids.wwWithoutConsent);
  });

  it("keeps another unit's ranked list closed to a salesmanager", async () => {
    await signInFresh(otherSales, `/vacatures/${vacancyId}`);
    await seen(page.getByRole('heading', { name: 'Magazijnmedewerker orderpick' }));
    await seen(page.getByText('Geen toegang tot deze ranglijst'));
    expect(await page.locator('body').innerText()).not.toContain(names.second);
    expect(await page.getByRole('list', { name: 'Ranglijst' }).count()).toBe(0);
  });

  it("shows a matcher a candidate's best open vacancies for job hunting", async () => {
    await signInFresh(matcher, `/vacatures/${vacancyId}`);
    const ranked = page.getByRole('list', { name: 'Ranglijst' });
    await ranked.getByRole('button', { name: names.second, exact: true }).click();
    const panel = page.getByRole('dialog', { name: names.second });
    await panel.getByRole('link', { name: 'Beste open vacatures voor deze kandidaat' }).click();
    await seen(page.getByRole('heading', { name: 'Beste open vacatures voor deze kandidaat' }));
    await seen(page.getByRole('list', { name: 'Passende vacatures' }).getByText('Magazijnmedewerker orderpick'));
    await expectAccessible(page, 'candidate vacancies');
    await screenshot(page, 'matching-candidate-vacancies');
  });
});
