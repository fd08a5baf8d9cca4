import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Page } from 'playwright-core';
import { Account, apiToken, createAccount, createFirstAdministrator } from './support/accounts';
import { Browser, choose, expectAccessible, openBrowser, screenshot, seen, signInAs } from './support/browser';
import { RunningService, startService, waitFor } from './support/service';
import { dutchDay } from './support/dutch-days';

jest.setTimeout(240_000);

/** The small geo fixture: 3311 is Dordrecht in the Drechtsteden. */
const GEO_FOLDER = resolve(__dirname, '../fixtures/geo/valid');

/** A BSN that passes the elfproef (9·d1 + … + 2·d8 − d9 divisible by 11), different each call. */
function newBsn(): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, (_, index) =>
      index === 0 ? 1 + Math.floor(Math.random() * 9) : Math.floor(Math.random() * 10),
    );
    const last = digits.reduce((sum, digit, index) => sum + digit * (9 - index), 0) % 11;
    if (last < 10) return [...digits, last].join('');
  }
}

function inDays(days: number): string {
  return dutchDay(days);
}

describe('the adviser’s candidates in the browser', () => {
  let service: RunningService;
  let admin: Account & { token: string };
  let municipalAdviser: Account;
  let uwvAdviser: Account;
  let municipalMatcher: Account;
  let vacancyId: string;
  let browser: Browser;
  let page: Page;
  let scratch: string;

  const call = async <T>(
    token: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };
  const ok = async <T>(token: string, method: string, path: string, body?: unknown): Promise<T> => {
    const answer = await call<T>(token, method, path, body);
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };

  beforeAll(async () => {
    service = await startService();
    admin = await createFirstAdministrator(service);
    const started = await ok<{ id: string }>(admin.token, 'POST', '/api/places/imports', { folder: GEO_FOLDER });
    let placesStatus = '';
    await waitFor(async () => {
      placesStatus = (await ok<{ status: string }>(admin.token, 'GET', `/api/places/imports/${started.id}`)).status;
      return placesStatus === 'done' || placesStatus === 'failed';
    }, 60_000);
    expect(placesStatus).toBe('done');
    municipalAdviser = await createAccount(service, admin.token, {
      name: 'Gerda Gemeente',
      roles: ['ADVISER'],
      organisation: 'MUNICIPALITY',
      unitName: 'De Poort',
    });
    uwvAdviser = await createAccount(service, admin.token, {
      name: 'Umar Uwv',
      roles: ['ADVISER'],
      organisation: 'UWV',
      unitName: 'Max-WW',
    });
    municipalMatcher = await createAccount(service, admin.token, {
      name: 'Mila Matcher',
      roles: ['MATCHER'],
      organisation: 'MUNICIPALITY',
      unitName: 'Matching',
    });
    const sales = await createAccount(service, admin.token, {
      name: 'Sam Sales',
      roles: ['SALES'],
      organisation: 'STAFFING_FIRM',
      unitName: 'Logistiek',
    });
    const salesToken = await apiToken(service, sales);
    const employer = await ok<{ id: string }>(salesToken, 'POST', '/api/employers', {
      name: 'Distributiecentrum Dordrecht B.V.',
      kvkNumber: String(10000000 + Math.floor(Math.random() * 89999999)),
      sector: 'Logistiek',
      address: { street: 'Handelsweg', houseNumber: '12a', postcode: '3311AB', city: 'Dordrecht' },
      contacts: [{ name: 'J. de Vries', role: 'HR-adviseur', phone: '078 123 4567', email: 'j.devries@example.nl' }],
      accountManagerId: sales.id,
    });
    const vacancy = await ok<{ id: string; version: number }>(salesToken, 'POST', '/api/vacancies', {
      employerId: employer.id,
      title: 'Orderpicker Dordrecht',
      hoursMin: 24,
      hoursMax: 36,
      workplacePostcode: '3311 AB',
      startDate: inDays(14),
      positions: 2,
      contractType: 'AGENCY',
    });
    await ok(salesToken, 'POST', `/api/vacancies/${vacancy.id}/status`, { status: 'OPEN', version: vacancy.version });
    vacancyId = vacancy.id;
    scratch = mkdtempSync(join(tmpdir(), 'candidates-e2e-'));
    browser = await openBrowser();
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('an adviser takes in a Bijstand client, assesses them jobready, records a note, and a matcher finds them on the ranked list', async () => {
    const bsn = newBsn();
    await page.goto(`${service.url}/`);
    await signInAs(page, municipalAdviser.email, municipalAdviser.password);
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await menu.getByRole('link', { name: 'Kandidaten', exact: true }).click();
    await seen(page.getByRole('heading', { name: 'Kandidaten' }));
    await seen(page.getByText('Je hebt (met deze filters) geen kandidaten.'));
    await expectAccessible(page, 'my candidates (empty)');

    await page.getByRole('link', { name: 'Nieuwe kandidaat' }).first().click();
    await seen(page.getByRole('heading', { name: 'Nieuwe kandidaat' }));
    const form = page.getByRole('form', { name: 'Nieuwe kandidaat' });
    await choose(form, 'Bestand', 'Bijstand (gemeente)');
    await form.getByLabel('Klantnummer').fill('SDD-2026-0815');
    // A BSN that fails the elfproef is stopped at the field before anything is sent.
    await form.getByLabel('BSN').fill('123456788');
    await form.getByLabel(/^Naam/).fill('Bram Bijstand');
    await form.getByLabel('Postcode').fill('3311 AB');
    await form.getByLabel('Uren per week, minimaal').fill('24');
    await form.getByLabel('Uren per week, maximaal').fill('36');
    await choose(form, 'Klantprofiel (classificatie)', '80-100 (loonwaarde 80–100%)');
    await form.getByRole('button', { name: 'Inschrijven' }).click();
    await seen(form.getByText('Vul een BSN van 9 cijfers in dat de elfproef doorstaat.'));
    await expectAccessible(page, 'candidate intake, with a field error');
    await screenshot(page, 'candidate-intake');
    await form.getByLabel('BSN').fill(bsn);
    await form.getByRole('button', { name: 'Inschrijven' }).click();

    await seen(page.getByRole('heading', { name: 'Bram Bijstand' }));
    // The BSN was typed once; from now on it is shown masked only.
    await seen(page.getByText(`*****${bsn.slice(-4)}`));
    expect(await page.content()).not.toContain(bsn);
    const candidateId = /\/kandidaten\/([0-9a-f-]{36})$/.exec(page.url())![1];

    const jobready = page.getByRole('form', { name: 'Jobready-beoordeling' });
    for (const item of [
      'Eigen vervoer',
      'Uren beschikbaar',
      'Kinderopvang geregeld',
      'Diploma’s en certificaten',
      'Gemotiveerd',
      'Realistisch zoekgedrag',
    ]) {
      await jobready.getByRole('checkbox', { name: item }).check();
    }
    await jobready.getByRole('radio', { name: 'Jobready', exact: true }).check();
    await jobready.getByRole('button', { name: 'Beoordeling opslaan' }).click();
    await seen(page.getByText(/Beoordeeld op .* door Gerda Gemeente\./));

    const notes = page.getByRole('form', { name: 'Nieuwe notitie' });
    await notes.getByLabel('Nieuwe notitie').fill('Heeft een heftruckcertificaat in aanvraag; kan vroege diensten.');
    await notes.getByRole('button', { name: 'Notitie vastleggen' }).click();
    await seen(page.getByRole('list', { name: 'Notities' }).getByText('Heeft een heftruckcertificaat in aanvraag'));
    await seen(page.getByRole('list', { name: 'Notities' }).getByText('Gerda Gemeente'));
    await expectAccessible(page, 'candidate page');
    await screenshot(page, 'candidate-page');

    // As a matcher would: the client is on the vacancy's ranked list (the index follows the change).
    const matcherToken = await apiToken(service, municipalMatcher);
    await waitFor(async () => {
      const ranked = await ok<{ items: Array<{ candidate: { id: string } }> }>(
        matcherToken,
        'GET',
        `/api/vacancies/${vacancyId}/matches?limit=200`,
      );
      return ranked.items.some((item) => item.candidate.id === candidateId);
    }, 30_000);

    // Job hunting from the client's side: the same vacancy, with why.
    await page.getByRole('link', { name: 'Vacatures zoeken' }).click();
    await seen(page.getByRole('heading', { name: 'Beste open vacatures voor deze kandidaat' }));
    await seen(page.getByRole('list', { name: 'Passende vacatures' }).getByText('Orderpicker Dordrecht'));
    await expectAccessible(page, 'job hunting for a candidate');
    await screenshot(page, 'candidate-matches');

    // The matcher sends them back as not jobready: it lands in the adviser's inbox, unread first.
    const proposal = await ok<{ id: string; version: number }>(
      matcherToken,
      'POST',
      `/api/vacancies/${vacancyId}/proposals`,
      {
        candidateId,
      },
    );
    const proposed = await ok<{ id: string; version: number }>(
      matcherToken,
      'POST',
      `/api/proposals/${proposal.id}/transitions`,
      {
        to: 'PROPOSED',
        version: proposal.version,
      },
    );
    await ok(matcherToken, 'POST', `/api/proposals/${proposal.id}/transitions`, {
      to: 'REJECTED',
      version: proposed.version,
      reasonCode: 'MISMATCH_NOT_JOBREADY',
      text: 'Kwam zonder vervoer naar het gesprek',
    });
    await menu.getByRole('link', { name: 'Inbox' }).click();
    await seen(page.getByRole('heading', { name: 'Mismatches van matchers (1 nieuw)' }));
    await seen(page.getByText('“Kwam zonder vervoer naar het gesprek”'));
    await seen(page.getByText('Jobready nu: Te beoordelen'));
    await expectAccessible(page, 'inbox');
    await screenshot(page, 'inbox');
    await page.getByRole('button', { name: 'Mismatch over Bram Bijstand afgehandeld' }).click();
    await seen(page.getByRole('heading', { name: 'Mismatches van matchers (0 nieuw)' }));
    const adviserToken = await apiToken(service, municipalAdviser);
    const mismatches = await ok<Array<{ proposalId: string; readAt: string | null }>>(
      adviserToken,
      'GET',
      '/api/advisers/me/mismatches',
    );
    expect(mismatches).toEqual([expect.objectContaining({ proposalId: proposal.id, readAt: expect.any(String) })]);

    // Back on the list: "my candidates", filtered by target group.
    await menu.getByRole('link', { name: 'Kandidaten', exact: true }).click();
    await seen(page.getByRole('link', { name: 'Bram Bijstand' }));
    await choose(page, 'Doelgroep', 'SDD 50-80');
    await seen(page.getByText('Je hebt (met deze filters) geen kandidaten.'));
    await choose(page, 'Doelgroep', 'SDD 80-100');
    await seen(page.getByRole('link', { name: 'Bram Bijstand' }));
    await expectAccessible(page, 'my candidates');
    await screenshot(page, 'candidates');
  });

  it('imports a pool from CSV, with the job’s progress and the refused rows per line', async () => {
    const csv = join(scratch, 'gemeente-export.csv');
    writeFileSync(
      csv,
      [
        'clientnummer;bsn;naam;postcode;uren_min;uren_max;klantprofiel',
        `SDD-IMP-1;${newBsn()};Ilse Import;3311 AB;20;32;80-100`,
        `SDD-IMP-2;123456788;Foutje Bedankt;3311 AB;20;32;80-100`,
        `SDD-IMP-3;${newBsn()};Ivo Import;3311 AB;40;20;50-80`,
      ].join('\n'),
    );
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Importeren' }).click();
    await seen(page.getByRole('heading', { name: 'Kandidaten importeren' }));
    const form = page.getByRole('form', { name: 'Import starten' });
    await choose(form, 'Bestand', 'Bijstand (gemeente)');
    await form.locator('input[type="file"]').setInputFiles(csv);
    await form.getByRole('button', { name: 'Import starten' }).click();
    await seen(page.getByRole('heading', { name: 'Import: Klaar' }), 60_000);
    await seen(page.getByText(/3 van 3 regels verwerkt \(100%\): 1 nieuw, 0 bijgewerkt, 0 ongewijzigd, 2 geweigerd\./));
    const refused = page.getByRole('table', { name: 'Geweigerde regels' });
    await seen(refused.getByRole('cell', { name: '3', exact: true }));
    await seen(refused.getByRole('cell', { name: '4', exact: true }));
    await expectAccessible(page, 'candidate import');
    await screenshot(page, 'candidate-import');
  });

  it('a UWV adviser records a consent, and a municipal matcher then sees the WW client; withdrawn, no longer', async () => {
    const uwvToken = await apiToken(service, uwvAdviser);
    const client = await ok<{ id: string }>(uwvToken, 'POST', '/api/candidates', {
      pool: 'WW',
      sourceReference: 'WW-2026-004512',
      bsn: newBsn(),
      name: 'Wim Werkloos',
      postcode: '3311 AB',
      hoursMin: 24,
      hoursMax: 36,
      availableFrom: inDays(0),
      wwEndDate: inDays(45),
      adviserId: uwvAdviser.id,
    });
    const matcherToken = await apiToken(service, municipalMatcher);
    expect((await call(matcherToken, 'GET', `/api/candidates/${client.id}`)).status).toBe(404);

    await page.getByRole('button', { name: 'Afmelden' }).click();
    await signInAs(page, uwvAdviser.email, uwvAdviser.password);
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    // The Max-WW list is the team's selection now: the month the WW ends in, 45 days from today.
    await menu.getByRole('link', { name: 'Selectie' }).click();
    await seen(page.getByRole('heading', { name: 'Selectie' }));
    const endMonth = new Date(`${inDays(45)}T12:00:00`);
    await choose(page, 'Maand', new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric' }).format(endMonth));
    await seen(page.getByRole('cell', { name: /over 4[456] dagen/ }));
    await expectAccessible(page, 'Max-WW selection');
    await screenshot(page, 'max-ww');
    await page.getByRole('link', { name: 'Wim Werkloos' }).click();
    await seen(page.getByRole('heading', { name: 'Wim Werkloos' }));

    const consent = page.getByRole('form', { name: 'Toestemming vastleggen' });
    await choose(consent, 'Organisatie', 'Gemeente (SDD)');
    await consent.getByLabel('Documentkenmerk').fill('DMS-2026-11-0042');
    await consent.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await seen(page.getByRole('table', { name: 'Vastgelegde toestemmingen' }).getByText('Geldig'));
    await expectAccessible(page, 'candidate consents');
    await screenshot(page, 'candidate-consents');

    const seenByMatcher = await call<{ name: string }>(matcherToken, 'GET', `/api/candidates/${client.id}`);
    expect(seenByMatcher.status).toBe(200);
    expect(seenByMatcher.body.name).toBe('Wim Werkloos');

    await page.getByRole('button', { name: 'Toestemming voor Gemeente (SDD) intrekken' }).click();
    await seen(page.getByText(/Ingetrokken/));
    expect((await call(matcherToken, 'GET', `/api/candidates/${client.id}`)).status).toBe(404);
  });
});
