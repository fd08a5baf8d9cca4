import { Page } from 'playwright-core';
import { Account, createFirstAdministrator, E2E_PASSWORD } from './support/accounts';
import { Browser, choose, expectAccessible, openBrowser, screenshot, seen, signInAs } from './support/browser';
import { RunningService, startService } from './support/service';

jest.setTimeout(240_000);

describe('administration in the browser', () => {
  let service: RunningService;
  let admin: Account & { token: string };
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    service = await startService();
    admin = await createFirstAdministrator(service);
    browser = await openBrowser();
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('an administrator creates a unit and a user, who then signs in and sees their own name, organisation and unit', async () => {
    await page.goto(`${service.url}/`);
    await seen(page.getByRole('heading', { name: 'Aanmelden' }));
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'sign-in');
    await signInAs(page, admin.email, admin.password);
    await seen(page.getByRole('heading', { name: `Welkom, ${admin.name}` }));

    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await menu.getByRole('link', { name: 'Eenheden' }).click();
    await seen(page.getByRole('heading', { name: 'Eenheden' }));
    await page.getByRole('button', { name: 'Nieuwe eenheid' }).click();
    const unitDialog = page.getByRole('dialog', { name: 'Nieuwe eenheid' });
    await unitDialog.getByLabel('Naam').fill('Industrie & logistiek');
    await unitDialog.getByLabel('Focus').fill('Productie, magazijn en transport');
    await unitDialog.getByRole('button', { name: 'Opslaan' }).click();
    await seen(page.getByRole('cell', { name: 'Industrie & logistiek' }));
    await expectAccessible(page, 'units');
    await screenshot(page, 'admin-units');

    await menu.getByRole('link', { name: 'Gebruikers' }).click();
    await seen(page.getByRole('cell', { name: admin.email }));
    await page.getByRole('button', { name: 'Nieuwe gebruiker' }).click();
    const userDialog = page.getByRole('dialog', { name: 'Nieuwe gebruiker' });
    await userDialog.getByLabel('Naam').fill('Mo Matcher');
    // The administrator's own address: the API refuses it, and says so at the field.
    await userDialog.getByLabel('E-mailadres').fill(admin.email);
    await choose(userDialog, 'Organisatie', 'UWV');
    await choose(userDialog, 'Eenheid', 'Industrie & logistiek');
    await userDialog.getByRole('checkbox', { name: 'Matcher' }).check();
    await userDialog.getByLabel('Wachtwoord').fill(E2E_PASSWORD);
    await userDialog.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await seen(userDialog.getByText('Dit e-mailadres is al in gebruik.'));
    await expectAccessible(page, 'new user, with a field error');
    await screenshot(page, 'admin-user-form-error');

    await userDialog.getByLabel('E-mailadres').fill('mo.matcher@example.org');
    await userDialog.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await seen(page.getByRole('cell', { name: 'mo.matcher@example.org' }));
    // Filters ask the API: by role, only the new matcher is left.
    await choose(page, 'Rol', 'Matcher');
    await seen(page.getByText('1 gebruiker(s)'));
    expect(await page.getByRole('cell', { name: admin.email }).count()).toBe(0);
    await expectAccessible(page, 'users');
    await screenshot(page, 'admin-users');

    await page.getByRole('button', { name: 'Afmelden' }).click();
    await seen(page.getByRole('heading', { name: 'Aanmelden' }));
    await signInAs(page, 'mo.matcher@example.org', E2E_PASSWORD);
    await seen(page.getByRole('heading', { name: 'Welkom, Mo Matcher' }));
    const header = page.getByRole('banner');
    await seen(header.getByText('Mo Matcher'));
    await seen(header.getByText('UWV · Industrie & logistiek'));
    // Other pages of the matcher's own come and go with the app; administration never shows.
    const links = await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allInnerTexts();
    expect(links).toContain('Start');
    expect(links.filter((link) => ['Eenheden', 'Gebruikers'].includes(link))).toEqual([]);
  });

  it('offers to reload when someone else changed the user in the meantime (409), and then saves', async () => {
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await signInAs(page, admin.email, admin.password);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gebruikers' }).click();
    await page.getByRole('button', { name: 'Mo Matcher wijzigen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gebruiker wijzigen' });
    await dialog.getByLabel('Naam').fill('Mo de Matcher');

    // A colleague renames the user first.
    const users = (await (
      await fetch(`${service.url}/api/users?q=mo.matcher`, { headers: { authorization: `Bearer ${admin.token}` } })
    ).json()) as { items: Array<{ id: string; version: number }> };
    const [mo] = users.items;
    const colleague = await fetch(`${service.url}/api/users/${mo.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ version: mo.version, name: 'Mohammed Matcher' }),
    });
    expect(colleague.status).toBe(200);

    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await seen(page.getByText('Iemand anders heeft dit intussen gewijzigd.', { exact: false }));
    await screenshot(page, 'admin-user-stale-version');
    await page.getByRole('button', { name: 'Opnieuw laden' }).click();
    await seen(page.getByRole('cell', { name: 'Mohammed Matcher' }));

    await page.getByRole('button', { name: 'Mohammed Matcher wijzigen' }).click();
    await page.getByRole('dialog', { name: 'Gebruiker wijzigen' }).getByLabel('Naam').fill('Mo de Matcher');
    await page.getByRole('dialog', { name: 'Gebruiker wijzigen' }).getByRole('button', { name: 'Opslaan' }).click();
    await seen(page.getByRole('cell', { name: 'Mo de Matcher' }));
  });
});
