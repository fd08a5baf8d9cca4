import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Page } from 'playwright-core';
import { Account, apiToken, createAccount, createFirstAdministrator } from './support/accounts';
import { Browser, choose, expectAccessible, openBrowser, screenshot, seen, signInAs } from './support/browser';
import { RunningService, startService, waitFor } from './support/service';

jest.setTimeout(300_000);

const ROOT = resolve(__dirname, '../..');
/** The small postcode fixture: 3311 (Dordrecht) is all this story needs. */
const GEO_FOLDER = join(ROOT, 'test/fixtures/geo/valid');
const WAREHOUSE = 'http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f';
const UNIT = 'Industrie & logistiek';
const OTHER_UNIT = 'Zorg & welzijn';

/** Today and this quarter in the Netherlands, as the API counts them. */
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const QUARTER = Math.ceil(Number(TODAY.slice(5, 7)) / 3);
const QUARTER_LABEL = `${QUARTER}e kwartaal ${TODAY.slice(0, 4)}`;

/** A BSN that passes the elfproef (9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 mod 11), different for each run. */
function freshBsn(): string {
  for (let seed = Date.now() % 70_000_000; ; seed++) {
    const digits = String(20_000_000 + seed).padStart(8, '0');
    const check = [...digits].reduce((sum, digit, index) => sum + (9 - index) * Number(digit), 0) % 11;
    if (check < 10) return `${digits}${check}`;
  }
}

/**
 * A manager's story on the reports screens, on the real built service: the world (units, an employer,
 * an open vacancy, a jobready WW client at the interview stage) is made through the API as
 * test/reports/reports-world.ts does, and the placement arrives through the API mid-story, as a matcher
 * registering it elsewhere would.
 */
describe('the managers’ reports in the browser', () => {
  let service: RunningService;
  let browser: Browser;
  let page: Page;
  let manager: Account;
  let matcherToken: string;
  let proposal: { id: string };
  const bsn = freshBsn();
  const candidateName = `Kandidaat ${bsn.slice(-4)}`;

  async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  beforeAll(async () => {
    service = await startService();
    const admin = await createFirstAdministrator(service);
    const places = await call<{ id: string }>(admin.token, 'POST', '/api/places/imports', { folder: GEO_FOLDER });
    await waitFor(
      async () =>
        (await call<{ status: string }>(admin.token, 'GET', `/api/places/imports/${places.id}`)).status === 'done',
      60_000,
    );
    manager = await createAccount(service, admin.token, { name: 'Mila Manager', roles: ['MANAGER'], unitName: UNIT });
    const sales = await createAccount(service, admin.token, { name: 'Sam Sales', roles: ['SALES'], unitName: UNIT });
    const matcher = await createAccount(service, admin.token, {
      name: 'Mo Matcher',
      roles: ['MATCHER'],
      unitName: UNIT,
    });
    const adviser = await createAccount(service, admin.token, { name: 'Ada Adviseur', roles: ['ADVISER'] });
    await createAccount(service, admin.token, { name: 'Zoë Zorg', roles: ['MATCHER'], unitName: OTHER_UNIT });
    const [salesToken, adviserToken] = await Promise.all([apiToken(service, sales), apiToken(service, adviser)]);
    matcherToken = await apiToken(service, matcher);

    const employer = await call<{ id: string }>(salesToken, 'POST', '/api/employers', {
      name: 'Distributiecentrum Dordrecht B.V.',
      kvkNumber: String(10_000_000 + Math.floor(Math.random() * 89_999_999)),
      sector: 'Logistiek',
      address: { street: 'Handelsweg', houseNumber: '12a', postcode: '3311ab', city: 'Dordrecht' },
      contacts: [{ name: 'J. de Vries', role: 'HR-adviseur', phone: '078 123 4567', email: 'j.devries@example.nl' }],
      accountManagerId: sales.id,
    });
    const vacancy = await call<{ id: string; version: number }>(salesToken, 'POST', '/api/vacancies', {
      employerId: employer.id,
      title: 'Magazijnmedewerker',
      occupationUri: WAREHOUSE,
      hoursMin: 24,
      hoursMax: 36,
      workplacePostcode: '3311 AB',
      startDate: TODAY,
      positions: 2,
      contractType: 'PERMANENT',
    });
    await call(salesToken, 'POST', `/api/vacancies/${vacancy.id}/status`, { status: 'OPEN', version: vacancy.version });
    const candidate = await call<{ id: string; version: number }>(adviserToken, 'POST', '/api/candidates', {
      pool: 'WW',
      sourceReference: `WW-E2E-${bsn}`,
      bsn,
      name: candidateName,
      postcode: '3311 AB',
      hoursMin: 24,
      hoursMax: 36,
      availableFrom: TODAY,
      wwEndDate: `${Number(TODAY.slice(0, 4)) + 1}-06-30`,
      workExperience: [{ occupationUri: WAREHOUSE, years: 3 }],
      transport: ['BIKE'],
      adviserId: adviser.id,
    });
    await call(adviserToken, 'PUT', `/api/candidates/${candidate.id}/jobready`, {
      jobready: 'YES',
      checklist: {
        ownTransport: true,
        childcareArranged: true,
        hoursAvailable: true,
        certificatesValid: true,
        motivated: true,
      },
      version: candidate.version,
    });
    let step = await call<{ id: string; version: number }>(
      matcherToken,
      'POST',
      `/api/vacancies/${vacancy.id}/proposals`,
      {
        candidateId: candidate.id,
      },
    );
    for (const to of ['PROPOSED', 'INTERVIEW']) {
      step = await call(matcherToken, 'POST', `/api/proposals/${step.id}/transitions`, { to, version: step.version });
    }
    proposal = step;

    browser = await openBrowser();
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  /** The cells after the unit's row header in a figure's table: [Doel, Geplaatst, Verwacht, Voortgang, …]. */
  const targetRow = (unit: string) =>
    page.getByRole('table', { name: 'Plaatsingen tegen doel' }).getByRole('row', { name: new RegExp(`^${unit}`) });
  const cellText = async (unit: string, column: number) =>
    (await targetRow(unit).getByRole('cell').nth(column).innerText()).trim();

  it('a manager sets this quarter’s target for a unit; a placement comes in and the bar moves on the dashboard and the wall board', async () => {
    await page.goto(`${service.url}/`);
    await signInAs(page, manager.email, manager.password);
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await menu.getByRole('link', { name: 'Doelen' }).click();
    await seen(page.getByRole('heading', { name: 'Doelen' }));
    await choose(page, 'Periode', QUARTER_LABEL);
    await page.getByRole('button', { name: `Doel ${UNIT}` }).click();
    const dialog = page.getByRole('dialog', { name: `Doel ${UNIT}, ${QUARTER_LABEL}` });
    await dialog.getByLabel('Aantal plaatsingen').fill('5');
    await dialog.getByLabel('WW', { exact: true }).fill('3');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await seen(page.getByText(`Doel van ${UNIT} voor ${QUARTER_LABEL} is vastgelegd.`));
    const targetsRow = page.getByRole('row', { name: new RegExp(`^${UNIT}`) });
    await seen(targetsRow.getByRole('cell', { name: 'WW: 3' }));
    await seen(targetsRow.getByRole('cell', { name: /^Mila Manager, / }));
    await expectAccessible(page, 'targets');
    await screenshot(page, 'reports-targets');

    await menu.getByRole('link', { name: 'Dashboard' }).click();
    await seen(page.getByRole('heading', { name: 'Plaatsingen tegen doel' }));
    // Before: the target is there, nothing placed yet; the other unit has no target.
    await waitFor(async () => (await cellText(UNIT, 0)) === '5', 20_000);
    expect(await cellText(UNIT, 1)).toBe('0');
    expect(await cellText(OTHER_UNIT, 0)).toBe('–');
    const groupsTotal = page
      .getByRole('table', { name: 'Plaatsingen per doelgroep en maand' })
      .locator('tfoot')
      .getByRole('cell')
      .last();
    const placedBefore = Number(await groupsTotal.innerText());
    await seen(page.locator('.recharts-surface'));
    await expectAccessible(page, 'dashboard');
    await screenshot(page, 'reports-dashboard-before');

    await page.getByRole('link', { name: UNIT, exact: true }).click();
    await seen(page.getByRole('heading', { name: UNIT, level: 1 }));
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);
    const quarterTile = page.getByRole('region', { name: `Dit kwartaal: ${QUARTER_LABEL}` });
    await seen(quarterTile.getByText('0 van 5'));
    await expectAccessible(page, 'wall board');
    await screenshot(page, 'reports-wall-board-before');

    // A matcher registers the placement (through the API) while the wall board hangs there.
    await call(matcherToken, 'POST', '/api/placements', {
      proposalId: proposal.id,
      startDate: TODAY,
      contractType: 'PERMANENT',
      hoursPerWeek: 32,
      instruments: [],
    });
    // Nobody touches the wall board: it asks again by itself (every 60 seconds).
    await seen(quarterTile.getByText('1 van 5'), 90_000);
    expect(await quarterTile.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('20');
    await screenshot(page, 'reports-wall-board-after');

    await page.getByRole('link', { name: 'Naar het dashboard' }).click();
    await seen(page.getByRole('heading', { name: 'Plaatsingen tegen doel' }));
    await waitFor(async () => (await cellText(UNIT, 1)) === '1', 20_000);
    expect(await cellText(UNIT, 0)).toBe('5');
    expect(await cellText(UNIT, 3)).toBe('20%');
    expect(await cellText(OTHER_UNIT, 1)).toBe('0');
    expect(Number(await groupsTotal.innerText())).toBe(placedBefore + 1);
    await screenshot(page, 'reports-dashboard-after');
  });

  it('lists the placement in the register, filters it, and exports the same as CSV without the BSN', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Plaatsingenregister' })
      .click();
    await seen(page.getByRole('heading', { name: 'Plaatsingenregister' }));
    await seen(page.getByRole('cell', { name: candidateName }));
    await seen(page.getByText(/^1 plaatsing\(en\)/));
    await choose(page, 'Eenheid', UNIT);
    await choose(page, 'Uitstroom', 'Nog niet vastgelegd');
    await seen(page.getByRole('cell', { name: candidateName }));
    await choose(page, 'SROI', 'Alleen SROI');
    await seen(page.getByText('Geen plaatsingen met deze filters.'));
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await seen(page.getByRole('cell', { name: candidateName }));
    await expectAccessible(page, 'placements register');
    await screenshot(page, 'reports-register');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporteren (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^plaatsingen-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain(candidateName);
    expect(csv).toContain(UNIT);
    expect(csv).not.toContain(bsn);
    await seen(page.getByText(`${download.suggestedFilename()} is gedownload.`));
  });
});
