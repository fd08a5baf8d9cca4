import { resolve } from 'node:path';
import { Page } from 'playwright-core';
import { Account, apiToken, createAccount, createFirstAdministrator } from './support/accounts';
import { Browser, choose, expectAccessible, openBrowser, screenshot, seen, signInAs } from './support/browser';
import { RunningService, startService, waitFor } from './support/service';

jest.setTimeout(240_000);

const GEO_FOLDER = resolve(__dirname, '../fixtures/geo/valid');

/** A BSN that passes the elfproef, different each call. */
function newBsn(): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, (_, index) =>
      index === 0 ? 1 + Math.floor(Math.random() * 9) : Math.floor(Math.random() * 10),
    );
    const last = digits.reduce((sum, digit, index) => sum + digit * (9 - index), 0) % 11;
    if (last < 10) return [...digits, last].join('');
  }
}

/** `YYYY-MM` of the month after this one: the Selectie page opens on it. */
function nextMonth(): string {
  const now = new Date();
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return next.toISOString().slice(0, 7);
}

describe('the Max-WW team’s selection and group meeting in the browser', () => {
  let service: RunningService;
  let admin: Account & { token: string };
  let adviser: Account;
  let browser: Browser;
  let page: Page;
  const clients = ['Anna Afloop', 'Bram Bijna', 'Cora Curatief', 'Dirk Dertig', 'Eva Einde'];

  const ok = async <T>(token: string, method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  };

  beforeAll(async () => {
    service = await startService();
    admin = await createFirstAdministrator(service);
    const started = await ok<{ id: string }>(admin.token, 'POST', '/api/places/imports', { folder: GEO_FOLDER });
    await waitFor(
      async () =>
        (await ok<{ status: string }>(admin.token, 'GET', `/api/places/imports/${started.id}`)).status === 'done',
      60_000,
    );
    adviser = await createAccount(service, admin.token, {
      name: 'Umar Uwv',
      roles: ['ADVISER'],
      organisation: 'UWV',
      unitName: 'Max-WW',
    });
    const token = await apiToken(service, adviser);
    const month = nextMonth();
    for (const [index, name] of clients.entries()) {
      await ok(token, 'POST', '/api/candidates', {
        pool: 'WW',
        sourceReference: `WW-MAXWW-${index}-${Date.now().toString(36)}`,
        bsn: newBsn(),
        name,
        phone: '078 123 45 6' + index,
        postcode: '3311 AB',
        hoursMin: 24,
        hoursMax: 36,
        availableFrom: new Date().toISOString().slice(0, 10),
        wwEndDate: `${month}-${String(10 + index).padStart(2, '0')}`,
        adviserId: adviser.id,
      });
    }
    // A later meeting for the second invitation of whoever stays away.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await ok(token, 'POST', '/api/max-ww/meetings', {
      unitId: (await ok<{ unitId: string }>(token, 'GET', '/api/auth/me')).unitId,
      startsAt: `${tomorrow}T10:00:00+01:00`,
      place: 'Stadskantoor, Spuiboulevard 300, Dordrecht',
      capacity: 15,
      hostIds: [adviser.id],
    });
    browser = await openBrowser();
    page = browser.page;
  });

  /** Another user in a browser of their own (each story below runs on its own, e.g. with -t). */
  const signInFresh = async (account: Account) => {
    await browser.close();
    browser = await openBrowser();
    page = browser.page;
    await page.goto(`${service.url}/`);
    await signInAs(page, account.email, account.password);
  };

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('plans a meeting, flags one client, invites four, registers who came, triages, calls an absentee and invites them again', async () => {
    await page.goto(`${service.url}/`);
    await signInAs(page, adviser.email, adviser.password);
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });

    // Plan today's meeting (today, so the register can be filled in at once).
    await menu.getByRole('link', { name: 'Bijeenkomsten' }).click();
    await seen(page.getByRole('heading', { name: 'Bijeenkomsten', level: 1 }));
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel(/^Datum/).fill(today);
    await page.getByLabel(/^Tijd/).fill('09:00');
    await page.getByRole('textbox', { name: 'Plaats' }).fill('Baanbrekend, Spuiboulevard 300, Dordrecht');
    await expectAccessible(page, 'Max-WW meetings');
    await screenshot(page, 'max-ww-meetings');
    // The form's own heading is "Bijeenkomst plannen": wait for the meeting's page (level 1) itself.
    await page.getByRole('button', { name: 'Bijeenkomst plannen' }).click();
    await seen(page.getByRole('heading', { level: 1, name: /^Bijeenkomst / }));

    // The selection of next month's WW endings: one works already, four are invited.
    await menu.getByRole('link', { name: 'Selectie' }).click();
    await seen(page.getByRole('heading', { name: 'Selectie' }));
    await seen(page.getByRole('link', { name: 'Eva Einde' }));
    await seen(page.getByText(/^5 klanten met einde WW van /));
    await page.getByRole('button', { name: 'Eva Einde uitsluiten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Niet uitnodigen' });
    await choose(dialog, 'Reden', 'Werkt al');
    await dialog.getByRole('button', { name: 'Uitsluiten' }).click();
    await seen(page.getByText(/^Uitgesloten: Werkt al \(Umar Uwv, /));
    expect(await page.getByRole('checkbox', { name: 'Kies Eva Einde' }).isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: 'Kies Anna Afloop' }).check();
    await page.getByRole('button', { name: 'Alle uitnodigbare kiezen' }).click();
    await seen(page.getByText(/5 klanten met einde WW .*; 4 gekozen\./));
    await expectAccessible(page, 'Max-WW selection');
    await screenshot(page, 'max-ww-selection');
    await page.getByRole('button', { name: 'Uitnodigen voor bijeenkomst…' }).click();
    const invite = page.getByRole('dialog', { name: 'Uitnodigen voor bijeenkomst' });
    await invite.getByRole('combobox', { name: 'Bijeenkomst' }).click();
    await page.getByRole('option', { name: /Baanbrekend/ }).click();
    await expectAccessible(page, 'Max-WW invite dialog');
    await invite.getByRole('button', { name: 'Uitnodigen' }).click();
    await seen(page.getByRole('heading', { level: 1, name: /^Bijeenkomst / }));
    await seen(page.getByText('4 van 15'));

    // The register: three came; Dirk did not (chosen with the keyboard: the arrow moves to Afwezig).
    for (const name of clients.slice(0, 3)) await page.getByRole('radio', { name: `${name}: aanwezig` }).check();
    await page.getByRole('radio', { name: 'Dirk Dertig: aanwezig' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'Dirk Dertig: afwezig' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Aanwezigheid opslaan' }).click();
    await seen(page.getByRole('table', { name: 'Niet verschenen' }));

    // Triage of one who came; the call to the absentee and a second invitation to tomorrow's meeting.
    await choose(page, 'Route voor Anna Afloop', 'Max-WW-adviseur');
    await page.getByRole('button', { name: 'Route vastleggen voor Anna Afloop' }).click();
    await seen(page.getByText('Max-WW-adviseur, door Umar Uwv'));
    await page.getByRole('button', { name: 'Dirk Dertig: niet bereikt' }).click();
    await seen(page.getByRole('table', { name: 'Niet verschenen' }).getByText('Niet bereikt', { exact: true }));
    await page.getByRole('combobox', { name: 'Latere bijeenkomst voor een tweede uitnodiging' }).click();
    await page.getByRole('option', { name: /Stadskantoor/ }).click();
    await page.getByRole('button', { name: 'Dirk Dertig opnieuw uitnodigen' }).click();
    await seen(page.getByText(/Opnieuw uitgenodigd voor/));

    // The invitation text to copy into the work folder: date, place, compulsory, no BSN.
    await choose(page, 'Uitnodiging van', 'Bram Bijna');
    const letter = page.getByRole('textbox', { name: 'Uitnodigingstekst' });
    await seen(letter);
    const text = await letter.inputValue();
    expect(text).toContain('Beste Bram Bijna,');
    expect(text).toContain('Uw aanwezigheid is verplicht.');
    expect(text).toContain('Plaats: Baanbrekend, Spuiboulevard 300, Dordrecht');
    expect(text).not.toMatch(/\d{9}/);
    expect(page.url()).not.toContain('Bram');
    await expectAccessible(page, 'Max-WW meeting');
    await screenshot(page, 'max-ww-meeting');

    // The old address of the Max-WW list leads to the selection.
    await page.goto(`${service.url}/kandidaten/max-ww`);
    await seen(page.getByRole('heading', { name: 'Selectie' }));
  });

  it('tells a staffing-firm adviser how many WW clients of the window their statement keeps from them', async () => {
    // A WW client whose WW ends six months on (10th of that month: inside "5 to 7 months ahead" whatever
    // today is), outside MAX_WW_MONTHS (3) and not yet invited: not in a MAX_WW statement's programme.
    const now = new Date();
    const later = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 6, 10)).toISOString().slice(0, 10);
    await ok(await apiToken(service, adviser), 'POST', '/api/candidates', {
      pool: 'WW',
      sourceReference: `WW-MAXWW-LATER-${Date.now().toString(36)}`,
      bsn: newBsn(),
      name: 'Lotte Later',
      postcode: '3311 AB',
      hoursMin: 24,
      hoursMax: 36,
      availableFrom: now.toISOString().slice(0, 10),
      wwEndDate: later,
      adviserId: adviser.id,
    });
    const staffing = await createAccount(service, admin.token, {
      name: 'Rik Randstad',
      roles: ['ADVISER'],
      organisation: 'STAFFING_FIRM',
      unitName: 'Max-WW',
    });
    await ok(admin.token, 'POST', '/api/confidentiality-statements', {
      userId: staffing.id,
      signedOn: now.toISOString().slice(0, 10),
      reference: 'GHV-2026-017',
      scope: 'MAX_WW',
    });

    await signInFresh(staffing);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Selectie' }).click();
    await seen(page.getByRole('heading', { name: 'Selectie' }));
    await page.getByText('5-7 maanden vooruit').click();
    await seen(page.getByText(/^0 klanten met einde WW van /));
    await seen(
      page.getByText(
        /^1 WW-klant met einde WW in deze periode mag je niet zien \(buiten je geheimhoudingsverklaring\)/,
      ),
    );
    await expect(page.getByRole('link', { name: 'Lotte Later' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'Max-WW selection outside the statement');
  });

  it("leads a matcher's old Max-WW link to the candidates filtered on Max-WW, not to 'Geen toegang'", async () => {
    // The team's selection is not the matcher's; the Max-WW clients (next month's WW endings) still are.
    const matcher = await createAccount(service, admin.token, {
      name: 'Mees Matcher',
      roles: ['MATCHER'],
      organisation: 'UWV',
      unitName: 'Matching',
    });
    await signInFresh(matcher);
    await seen(page.getByRole('navigation', { name: 'Hoofdmenu' }));
    await page.goto(`${service.url}/kandidaten/max-ww`);
    await seen(page.getByRole('heading', { name: 'Kandidaten', level: 1 }));
    expect(await page.getByRole('checkbox', { name: 'Alleen Max-WW' }).isChecked()).toBe(true);
    await seen(page.getByRole('link', { name: 'Anna Afloop' }));
    await expect(page.getByRole('link', { name: 'Lotte Later' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'candidates filtered on Max-WW for a matcher');
  });

  it('flags a WW client whose WW has ended in the candidate list: no longer matched as a WW client', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await ok(await apiToken(service, adviser), 'POST', '/api/candidates', {
      pool: 'WW',
      sourceReference: `WW-MAXWW-ENDED-${Date.now().toString(36)}`,
      bsn: newBsn(),
      name: 'Wout Weggelopen',
      postcode: '3311 AB',
      hoursMin: 24,
      hoursMax: 36,
      availableFrom: yesterday,
      wwEndDate: yesterday,
      adviserId: adviser.id,
    });
    await signInFresh(adviser);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Kandidaten' }).click();
    await page.getByLabel('Naam of klantnummer').fill('Wout');
    const row = page.getByRole('row', { name: /Wout Weggelopen/ });
    await seen(row.getByText('WW beëindigd', { exact: true }));
    await expect(row.getByText('Max-WW', { exact: true }).count()).resolves.toBe(0);
    await expectAccessible(page, 'candidates with a WW that has ended');
  });
});
