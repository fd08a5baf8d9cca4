import { resolve } from 'node:path';
import { Page } from 'playwright-core';
import {
  Account,
  apiToken,
  createAccount,
  createFirstAdministrator,
  signConfidentialityStatement,
} from './support/accounts';
import { Browser, choose, expectAccessible, openBrowser, screenshot, seen, signInAs } from './support/browser';
import { RunningService, startService } from './support/service';
import { apiCall, eventually } from './support/placed-world';

jest.setTimeout(240_000);

/** The calendar day `days` from today (Amsterdam), as the API takes it. */
function inDays(days: number): string {
  const day = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(day);
}

/**
 * Geheimhoudingsverklaringen: an administrator records that a staffing-firm adviser signed a statement
 * for the Max-WW programme, finds it with the filters and revokes it; the adviser sees the WW client
 * exactly while it stands. A UWV adviser marks the client's work limitation (loonwaarde 50-80).
 */
describe('confidentiality statements and the 50-80 mark in the browser', () => {
  let service: RunningService;
  let admin: Account & { token: string };
  let firmAdviser: Account;
  let firmMatcher: Account;
  let uwvAdviser: Account;
  let clientId: string;
  let browser: Browser;
  let page: Page;

  /** What the staffing-firm adviser gets when they open the WW client through the API. */
  const firmAdviserReadsClient = async (): Promise<number> => {
    const token = await apiToken(service, firmAdviser);
    return (await fetch(`${service.url}/api/candidates/${clientId}`, { headers: { authorization: `Bearer ${token}` } }))
      .status;
  };

  beforeAll(async () => {
    service = await startService();
    admin = await createFirstAdministrator(service);
    // The places (fixture postcodes), so the client's postcode resolves.
    const places = await apiCall<{ id: string }>(service, admin.token, 'POST', '/api/places/imports', {
      folder: resolve(__dirname, '../fixtures/geo/valid'),
    });
    await eventually(async () => {
      const job = await apiCall<{ status: string }>(service, admin.token, 'GET', `/api/places/imports/${places.id}`);
      if (job.status === 'failed') throw new Error('places import failed');
      return job.status === 'done' ? true : undefined;
    }, 'the places import');
    firmAdviser = await createAccount(service, admin.token, {
      name: 'Stijn Uitzend',
      roles: ['ADVISER'],
      organisation: 'STAFFING_FIRM',
      unitName: 'Max-WW-team',
    });
    firmMatcher = await createAccount(service, admin.token, {
      name: 'Mira Matcher',
      roles: ['MATCHER'],
      organisation: 'STAFFING_FIRM',
      unitName: 'Max-WW-team',
    });
    uwvAdviser = await createAccount(service, admin.token, {
      name: 'Ulla UWV',
      roles: ['ADVISER'],
      organisation: 'UWV',
      unitName: 'UWV Dordrecht',
    });
    // A WW client whose WW ends in two months: in the target group MAX WW, so in the Max-WW programme.
    const created = await apiCall<{ id: string }>(
      service,
      await apiToken(service, uwvAdviser),
      'POST',
      '/api/candidates',
      {
        pool: 'WW',
        sourceReference: `WW-GHV-${Date.now().toString(36)}`,
        bsn: '111222333',
        name: 'Wendy Werkzoekend',
        postcode: '3311 AB',
        hoursMin: 24,
        hoursMax: 36,
        availableFrom: inDays(0),
        wwEndDate: inDays(60),
        adviserId: uwvAdviser.id,
      },
    );
    clientId = created.id;
    // Another statement, for one unit, so the filters have something to leave out.
    await signConfidentialityStatement(service, admin.token, firmMatcher, { scope: 'UNIT', unitName: 'UWV Dordrecht' });
    browser = await openBrowser();
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('an administrator records a Max-WW statement, finds it with the filters, and revokes it after confirming', async () => {
    // Without a statement (and without the client's consent) the staffing firm does not see UWV's client.
    expect(await firmAdviserReadsClient()).toBe(404);

    await page.goto(`${service.url}/`);
    await signInAs(page, admin.email, admin.password);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Geheimhoudingsverklaringen' })
      .click();
    await seen(page.getByRole('heading', { name: 'Geheimhoudingsverklaringen' }));
    await seen(page.getByRole('cell', { name: 'Mira Matcher' }));

    await page.getByRole('button', { name: 'Verklaring vastleggen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Verklaring vastleggen' });
    // Nothing chosen yet: the form says what is missing at the fields, and sends nothing.
    await dialog.getByRole('button', { name: 'Vastleggen' }).click();
    await seen(dialog.getByText('Kies een medewerker.'));
    await seen(dialog.getByText('Vul het kenmerk in.'));
    await expectAccessible(page, 'record a statement, with field errors');
    await screenshot(page, 'admin-confidentiality-statement-form');
    await choose(dialog, 'Medewerker van het uitzendbureau', `Stijn Uitzend (${firmAdviser.email})`);
    await dialog.getByLabel('Getekend op').fill('2026-11-02');
    await dialog.getByLabel('Kenmerk').fill('GHV-2026-017');
    await expect(dialog.getByRole('radio', { name: 'Max-WW-programma' }).isChecked()).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Vastleggen' }).click();
    await seen(page.getByText('De verklaring is vastgelegd.'));

    const table = page.getByRole('table', { name: 'Geheimhoudingsverklaringen' });
    const stijn = table.getByRole('row').filter({ hasText: 'Stijn Uitzend' });
    await seen(stijn.getByRole('cell', { name: 'GHV-2026-017' }));
    await seen(stijn.getByRole('cell', { name: 'Max-WW-programma' }));
    await seen(stijn.getByRole('cell', { name: 'Bea Beheer' }));
    await seen(stijn.getByText('Actief'));
    await expectAccessible(page, 'confidentiality statements');
    await screenshot(page, 'admin-confidentiality-statements');
    // The statement opens the Max-WW client to the adviser at once.
    expect(await firmAdviserReadsClient()).toBe(200);

    // Filters ask the API: by scope, and by staff member.
    await choose(page, 'Reikwijdte', 'Eenheid');
    await seen(table.getByRole('cell', { name: 'Eenheid UWV Dordrecht' }));
    // The unit statement's row was there before the filter too: wait for the answer, not the first look
    // (counting at once raced the request in CI: 2 rows still shown).
    await table.getByRole('cell', { name: 'Stijn Uitzend' }).first().waitFor({ state: 'detached' });
    await choose(page, 'Reikwijdte', 'Max-WW-programma');
    await seen(table.getByRole('cell', { name: 'Stijn Uitzend' }));
    await table.getByRole('cell', { name: 'Mira Matcher' }).first().waitFor({ state: 'detached' });
    // The filters add up: the matcher has no Max-WW statement.
    await choose(page, 'Medewerker', `Mira Matcher (${firmMatcher.email})`);
    await seen(page.getByText('Niets gevonden.'));
    await choose(page, 'Medewerker', `Stijn Uitzend (${firmAdviser.email})`);
    await seen(table.getByRole('cell', { name: 'Stijn Uitzend' }));
    await expectAccessible(page, 'confidentiality statements, filtered');
    await screenshot(page, 'admin-confidentiality-statements-filtered');

    // Revoking asks first; cancelling keeps the statement.
    await page.getByRole('button', { name: 'Verklaring GHV-2026-017 van Stijn Uitzend intrekken' }).click();
    const confirm = page.getByRole('dialog', { name: 'Verklaring intrekken' });
    await seen(confirm.getByText('Stijn Uitzend ziet daarna de UWV-klanten van deze verklaring', { exact: false }));
    await expectAccessible(page, 'revoke a statement');
    await screenshot(page, 'admin-confidentiality-statement-revoke');
    await confirm.getByRole('button', { name: 'Annuleren' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await firmAdviserReadsClient()).toBe(200);

    await page.getByRole('button', { name: 'Verklaring GHV-2026-017 van Stijn Uitzend intrekken' }).click();
    await confirm.getByRole('button', { name: 'Intrekken bevestigen' }).click();
    await seen(page.getByText('De verklaring GHV-2026-017 is ingetrokken.'));
    // The list shows active statements: the revoked one is gone there, and found under Ingetrokken.
    await seen(page.getByText('Niets gevonden.'));
    await expect(table.getByRole('cell', { name: 'GHV-2026-017' }).count()).resolves.toBe(0);
    await choose(page, 'Status', 'Ingetrokken');
    await seen(stijn.getByText('Ingetrokken door Bea Beheer'));
    await expect(
      page.getByRole('button', { name: 'Verklaring GHV-2026-017 van Stijn Uitzend intrekken' }).count(),
    ).resolves.toBe(0);
    await expectAccessible(page, 'confidentiality statements, revoked');
    await screenshot(page, 'admin-confidentiality-statements-revoked');
    // Access ended with the revocation.
    expect(await firmAdviserReadsClient()).toBe(404);
  });

  it("a UWV adviser marks a WW client's work limitation (loonwaarde 50-80), and the client's page shows it", async () => {
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await signInAs(page, uwvAdviser.email, uwvAdviser.password);
    await seen(page.getByRole('heading', { name: 'Welkom, Ulla UWV' }));
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Kandidaten', exact: true })
      .click();
    await page.getByRole('link', { name: 'Wendy Werkzoekend' }).click();
    await seen(page.getByRole('heading', { name: 'Wendy Werkzoekend' }));
    const badge = page.getByText('Arbeidsbeperking (loonwaarde 50-80)', { exact: true });
    await expect(badge.count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Gegevens wijzigen' }).click();
    const form = page.getByRole('form', { name: 'Kandidaat wijzigen' });
    const mark = form.getByRole('checkbox', { name: 'Arbeidsbeperking (loonwaarde 50-80)' });
    await mark.check();
    await expectAccessible(page, 'WW client form with the 50-80 mark');
    await screenshot(page, 'candidate-ww-50-80-form');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await seen(page.getByText('Wendy Werkzoekend is bijgewerkt.'));
    await seen(badge);
    await expectAccessible(page, 'WW client page with the 50-80 badge');
    await screenshot(page, 'candidate-ww-50-80');

    // Kept by the API, not only on the screen.
    const saved = await apiCall<{ classification: string | null }>(
      service,
      await apiToken(service, uwvAdviser),
      'GET',
      `/api/candidates/${clientId}`,
    );
    expect(saved.classification).toBe('50-80');
  });
});
