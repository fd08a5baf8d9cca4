import { Account, apiToken, createAccount, createFirstAdministrator } from './support/accounts';
import { Browser, expectAccessible, openBrowser, screenshot, seen, signInAs } from './support/browser';
import { RunningService, startService } from './support/service';

jest.setTimeout(240_000);

// Short tokens, so a session can run out within a test: access 5 s, refresh 10 s. The web app refreshes
// silently before the access token expires; a session is over when the refresh token has run out or the
// API revoked it.
const SHORT_TOKENS = { ACCESS_TOKEN_TTL_SECONDS: '5', REFRESH_TOKEN_TTL_SECONDS: '10' };

describe('sessions and access in the browser', () => {
  let service: RunningService;
  let admin: Account & { token: string };
  let matcher: Account;
  const browsers: Browser[] = [];
  const fresh = async (): Promise<Browser> => {
    const browser = await openBrowser();
    browsers.push(browser);
    return browser;
  };
  beforeAll(async () => {
    service = await startService({ env: SHORT_TOKENS });
    admin = await createFirstAdministrator(service);
    matcher = await createAccount(service, admin.token, {
      name: 'Mira Matcher',
      roles: ['MATCHER'],
      organisation: 'MUNICIPALITY',
      unitName: 'Zorg & schoonmaak',
    });
  });
  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await service?.stop();
  });

  it('keeps a session alive by silent refresh, and after it ran out sends the user to sign in and back to the same page', async () => {
    const { page, context } = await fresh();
    await page.goto(`${service.url}/beheer/gebruikers`);
    await seen(page.getByRole('heading', { name: 'Aanmelden' }));
    await signInAs(page, admin.email, admin.password);
    await seen(page.getByRole('heading', { name: 'Gebruikers' }));
    expect(new URL(page.url()).pathname).toBe('/beheer/gebruikers');
    expect(await page.evaluate('[localStorage.length, sessionStorage.length]')).toEqual([0, 0]);
    expect(await page.evaluate('document.cookie')).toBe('');

    // 12 s is more than two access tokens' lifetime and more than the refresh token's: still signed in.
    await page.waitForTimeout(12_000);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Eenheden' }).click();
    await seen(page.getByRole('cell', { name: 'Beheer' }));
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gebruikers' }).click();
    await seen(page.getByRole('cell', { name: matcher.email }));

    // The laptop sleeps (no network) until the refresh token has run out.
    await context.setOffline(true);
    await page.waitForTimeout(12_000);
    await context.setOffline(false);
    await seen(page.getByText('Je sessie is beëindigd'), 30_000);
    expect(new URL(page.url()).pathname).toBe('/aanmelden');
    await expectAccessible(page, 'sign-in after the session ended');
    await screenshot(page, 'session-ended');

    await signInAs(page, admin.email, admin.password);
    await seen(page.getByRole('heading', { name: 'Gebruikers' }));
    expect(new URL(page.url()).pathname).toBe('/beheer/gebruikers');
  });

  it('ends the session of a user whom an administrator deactivates, at once', async () => {
    const { page } = await fresh();
    const colleague = await createAccount(service, await apiToken(service, admin), {
      name: 'Dirk Deactief',
      roles: ['ADVISER'],
    });
    await page.goto(`${service.url}/`);
    await signInAs(page, colleague.email, colleague.password);
    await seen(page.getByRole('heading', { name: 'Welkom, Dirk Deactief' }));

    const users = (await (
      await fetch(`${service.url}/api/users?q=${encodeURIComponent(colleague.email)}`, {
        headers: { authorization: `Bearer ${await apiToken(service, admin)}` },
      })
    ).json()) as { items: Array<{ id: string }> };
    const deactivated = await fetch(`${service.url}/api/users/${users.items[0].id}/deactivate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await apiToken(service, admin)}` },
    });
    expect(deactivated.status).toBe(200);

    await seen(page.getByText('Je sessie is beëindigd'), 15_000);
    await signInAs(page, colleague.email, colleague.password);
    await seen(page.getByText('Het e-mailadres of het wachtwoord klopt niet.'));
  });

  it('shows a matcher only what their role may use: "Geen toegang" on an administration page, "Pagina niet gevonden" on an unknown one', async () => {
    const { page } = await fresh();
    await page.goto(`${service.url}/beheer/gebruikers`);
    await signInAs(page, matcher.email, matcher.password);
    await seen(page.getByRole('heading', { name: 'Geen toegang' }));
    expect(new URL(page.url()).pathname).toBe('/beheer/gebruikers');
    // Other pages of the matcher's own come and go with the app; administration never shows.
    const links = await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allInnerTexts();
    expect(links).toContain('Start');
    expect(links.filter((link) => ['Eenheden', 'Gebruikers'].includes(link))).toEqual([]);
    await seen(page.getByRole('banner').getByText('Mira Matcher'));
    await expectAccessible(page, 'no access');
    await screenshot(page, 'no-access');

    await page.goto(`${service.url}/bestaat-niet`);
    await seen(page.getByRole('heading', { name: 'Pagina niet gevonden' }));
    await page.getByRole('link', { name: 'Naar de startpagina' }).click();
    await seen(page.getByRole('heading', { name: 'Welkom, Mira Matcher' }));
  });
});
