import { resolve } from 'node:path';
import { Page } from 'playwright-core';
import { Account, apiToken, createAccount, createFirstAdministrator } from './support/accounts';
import { Browser, expectAccessible, openBrowser, seen, signInAs } from './support/browser';
import { RunningService, startService, waitFor } from './support/service';
import { dutchDay } from './support/dutch-days';

jest.setTimeout(240_000);

const GEO_FOLDER = resolve(__dirname, '../fixtures/geo/valid');

function newBsn(): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, (_, index) =>
      index === 0 ? 1 + Math.floor(Math.random() * 9) : Math.floor(Math.random() * 10),
    );
    const last = digits.reduce((sum, digit, index) => sum + digit * (9 - index), 0) % 11;
    if (last < 10) return [...digits, last].join('');
  }
}

/** A calendar day `days` from today in Amsterdam. */
const day = (days: number): string => dutchDay(days);

/**
 * The Max-WW team's corrections in the browser: a group meeting changed (a bigger room, not below
 * the two invited) and another cancelled with a reason, and a mediation ended because the client
 * chose to stop. Each with its confirm step, and axe-core on each dialog and page.
 */
describe('Max-WW: change or cancel a meeting, end a mediation, in the browser', () => {
  let service: RunningService;
  let adviser: Account;
  let token: string;
  let browser: Browser;
  let page: Page;
  const clients: string[] = [];

  const ok = async <T>(method: string, path: string, body?: unknown, as = token): Promise<T> => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${as}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  };
  const planWithTwo = async (place: string): Promise<string> => {
    const meeting = await ok<{ id: string }>('POST', '/api/max-ww/meetings', {
      unitId: (await ok<{ unitId: string }>('GET', '/api/auth/me')).unitId,
      startsAt: `${day(7)}T10:00:00+01:00`,
      place,
      capacity: 2,
      hostIds: [adviser.id],
    });
    return meeting.id;
  };

  beforeAll(async () => {
    service = await startService();
    const admin = await createFirstAdministrator(service);
    const started = await ok<{ id: string }>('POST', '/api/places/imports', { folder: GEO_FOLDER }, admin.token);
    await waitFor(
      async () =>
        (await ok<{ status: string }>('GET', `/api/places/imports/${started.id}`, undefined, admin.token)).status ===
        'done',
      60_000,
    );
    adviser = await createAccount(service, admin.token, {
      name: 'Umar Uwv',
      roles: ['ADVISER'],
      organisation: 'UWV',
      unitName: 'Max-WW',
    });
    token = await apiToken(service, adviser);
    for (const [index, name] of ['Anna Afloop', 'Bram Bijna', 'Cora Curatief', 'Dirk Dertig'].entries()) {
      const created = await ok<{ id: string }>('POST', '/api/candidates', {
        pool: 'WW',
        sourceReference: `WW-CHG-${index}-${Date.now().toString(36)}`,
        bsn: newBsn(),
        name,
        phone: `078 123 45 6${index}`,
        postcode: '3311 AB',
        hoursMin: 24,
        hoursMax: 36,
        availableFrom: day(0),
        wwEndDate: day(45),
        adviserId: adviser.id,
      });
      clients.push(created.id);
    }
    browser = await openBrowser();
    page = browser.page;
    await page.goto(`${service.url}/aanmelden`);
    await signInAs(page, adviser.email, adviser.password);
    await seen(page.getByRole('heading', { name: /^Welkom, / }));
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('changes a meeting: never below the two invited, then a bigger room after the confirm step', async () => {
    const id = await planWithTwo('Spuiboulevard 300, Dordrecht');
    await ok('POST', `/api/max-ww/meetings/${id}/invitations`, {
      candidateIds: clients.slice(0, 2),
      channel: 'EMAIL',
      invitedOn: day(0),
    });
    await page.goto(`${service.url}/max-ww/bijeenkomsten/${id}`);
    await seen(page.getByText('2 van 2'));
    await page.getByRole('button', { name: 'Bijeenkomst wijzigen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bijeenkomst wijzigen' });
    await seen(dialog);
    await expectAccessible(page, 'change meeting');

    await dialog.getByRole('textbox', { name: 'Capaciteit' }).fill('1');
    await dialog.getByRole('button', { name: 'Verder' }).click();
    await seen(dialog.getByText('Er zijn al 2 klanten uitgenodigd; de capaciteit kan niet lager.'));

    await dialog.getByRole('textbox', { name: 'Capaciteit' }).fill('4');
    await dialog.getByRole('textbox', { name: 'Plaats' }).fill('Stadskantoor, Spuiboulevard 300, Dordrecht');
    await dialog.getByRole('button', { name: 'Verder' }).click();
    await seen(dialog.getByText('Klopt dit? De bijeenkomst wordt:'));
    await seen(dialog.getByText('Capaciteit 4'));
    await expectAccessible(page, 'change meeting, confirm');
    await dialog.getByRole('button', { name: 'Wijziging bevestigen' }).click();
    await seen(page.getByText('Bijeenkomst gewijzigd.'));
    await seen(page.getByText('2 van 4'));
    await seen(page.getByText(/^Stadskantoor, Spuiboulevard 300, Dordrecht · begeleiders: Umar Uwv$/));
  });

  it('cancels a meeting with a reason: its invitees are listed to be told, and it is no longer offered', async () => {
    const id = await planWithTwo('Zaal De Kuil, Dordrecht');
    await planWithTwo('Buurthuis Crabbehof, Dordrecht'); // the meeting still on
    await ok('POST', `/api/max-ww/meetings/${id}/invitations`, {
      candidateIds: clients.slice(2, 4),
      channel: 'WORK_FOLDER',
      invitedOn: day(0),
    });
    await page.goto(`${service.url}/max-ww/bijeenkomsten/${id}`);
    await seen(page.getByRole('heading', { name: 'Aanwezigheid' }));
    await page.getByRole('button', { name: 'Bijeenkomst annuleren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bijeenkomst annuleren' });
    await seen(dialog);
    await dialog.getByRole('button', { name: 'Verder' }).click();
    await seen(dialog.getByText('Vul de reden in.'));
    await dialog.getByRole('textbox', { name: 'Reden' }).fill('Zaal niet beschikbaar');
    await dialog.getByRole('button', { name: 'Verder' }).click();
    await seen(dialog.getByText(/De 2 uitgenodigden tellen niet als afwezig/));
    await expectAccessible(page, 'cancel meeting, confirm');
    await dialog.getByRole('button', { name: 'Ja, annuleren' }).click();
    await seen(page.getByText('Bijeenkomst geannuleerd.'));

    await seen(page.getByText(/door Umar Uwv\. Reden: Zaal niet beschikbaar/));
    const lapsed = page.getByRole('table', { name: 'Uitgenodigd voor de geannuleerde bijeenkomst' });
    await seen(lapsed.getByRole('row').filter({ hasText: 'Cora Curatief' }));
    await seen(lapsed.getByRole('row').filter({ hasText: 'Dirk Dertig' }));
    // No register, so nobody can be marked absent; no more changes.
    expect(await page.getByRole('heading', { name: 'Aanwezigheid' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Bijeenkomst annuleren' }).count()).toBe(0);
    await expectAccessible(page, 'cancelled meeting');

    // The list marks it; the invitation dialog of the selection offers only the meeting still on.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Bijeenkomsten' }).click();
    await seen(page.getByRole('link', { name: /\(geannuleerd\)$/ }));
    // Cora's invitation lapsed: she may be chosen again, and only the meeting still on is offered.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Selectie' }).click();
    await page.getByRole('checkbox', { name: 'Kies Cora Curatief' }).check();
    await page.getByRole('button', { name: 'Uitnodigen voor bijeenkomst…' }).click();
    const invite = page.getByRole('dialog', { name: 'Uitnodigen voor bijeenkomst' });
    await invite.getByRole('combobox', { name: 'Bijeenkomst' }).click();
    await seen(page.getByRole('option', { name: /Buurthuis Crabbehof/ }));
    expect(await page.getByRole('option', { name: /Zaal De Kuil/ }).count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('ends a mediation because the client chose to stop, after the confirm step', async () => {
    const mediation = await ok<{ id: string }>('POST', '/api/max-ww/mediations', {
      candidateId: clients[0],
      startedOn: day(-7),
      clientAgreedOn: day(-7),
    });
    await page.goto(`${service.url}/max-ww/bemiddeling/${mediation.id}`);
    await seen(page.getByRole('heading', { name: 'Bemiddeling van Anna Afloop' }));
    await page.getByRole('button', { name: 'Bemiddeling beëindigen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bemiddeling beëindigen' });
    await seen(dialog);
    await expectAccessible(page, 'end mediation');
    await dialog.getByRole('button', { name: 'Verder' }).click();
    await seen(dialog.getByText('Kies een reden.'));
    await dialog.getByRole('radio', { name: 'Keuze van de klant' }).check();
    await dialog.getByRole('button', { name: 'Verder' }).click();
    await seen(dialog.getByText(/Weet je zeker dat je de bemiddeling van Anna Afloop beëindigt/));
    await expectAccessible(page, 'end mediation, confirm');
    await dialog.getByRole('button', { name: 'Ja, beëindigen' }).click();
    await seen(page.getByText('Bemiddeling beëindigd.'));
    await seen(page.getByText(/\(keuze van de klant\)$/));
    expect(await page.getByRole('button', { name: 'Bemiddeling beëindigen' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Contactmoment vastleggen' }).count()).toBe(0);
  });
});
