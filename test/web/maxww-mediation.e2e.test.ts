import { Page } from 'playwright-core';
import { createFirstAdministrator } from './support/accounts';
import { Browser, choose, expectAccessible, openBrowser, screenshot, seen, signInAs } from './support/browser';
import { apiCall, Person, placedWorld } from './support/placed-world';
import { RunningService, startService } from './support/service';
import { dutchDay } from './support/dutch-days';

jest.setTimeout(300_000);

const WAREHOUSE = 'http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f';
const CHECKLIST = {
  ownTransport: true,
  childcareArranged: true,
  hoursAvailable: true,
  certificatesValid: true,
  motivated: true,
};

/** A calendar day `days` from today (Amsterdam), and how the screens write it ("15 dec. 2026"). */
const day = (days: number): string => dutchDay(days);
const shown = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

function newBsn(): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, (_, index) =>
      index === 0 ? 1 + Math.floor(Math.random() * 9) : Math.floor(Math.random() * 10),
    );
    const last = digits.reduce((sum, digit, index) => sum + digit * (9 - index), 0) % 11;
    if (last < 10) return [...digits, last].join('');
  }
}

/**
 * The Max-WW adviser's mediation in the browser: three WW clients taken into mediation (one of them
 * three weeks ago, so its first contact is overdue and comes first), a contact logged, an open
 * vacancy offered, the client's yes, and the proposal to the employer.
 */
describe('Max-WW mediation in the browser', () => {
  let service: RunningService;
  let browser: Browser;
  let page: Page;
  let adviser: Person;

  const wwClient = async (name: string): Promise<void> => {
    const created = await apiCall<{ id: string; version: number }>(service, adviser.token, 'POST', '/api/candidates', {
      pool: 'WW',
      sourceReference: `WW-BMD-${Date.now().toString(36)}-${name.split(' ')[0]}`,
      bsn: newBsn(),
      name,
      postcode: '3311 AB',
      hoursMin: 24,
      hoursMax: 36,
      availableFrom: '2026-12-01',
      wwEndDate: day(60),
      workExperience: [{ occupationUri: WAREHOUSE, years: 3 }],
      transport: ['BIKE'],
      adviserId: adviser.id,
    });
    await apiCall(service, adviser.token, 'PUT', `/api/candidates/${created.id}/jobready`, {
      jobready: 'YES',
      checklist: CHECKLIST,
      version: created.version,
    });
  };

  const takeIn = async (name: string, startedOn?: string): Promise<void> => {
    await page.getByRole('button', { name: 'In bemiddeling nemen' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'In bemiddeling nemen' });
    await seen(dialog);
    await dialog.getByRole('combobox', { name: 'Klant' }).fill(name.split(' ')[0]);
    await page.getByRole('option', { name: new RegExp(`^${name} \\(`) }).click();
    if (startedOn) {
      await dialog.getByLabel('Startdatum').fill(startedOn);
      await dialog.getByLabel('Akkoord klant op').fill(startedOn);
    }
    await dialog.getByRole('button', { name: 'In bemiddeling nemen' }).click();
    await seen(page.getByText(`${name} is in bemiddeling genomen.`));
    await seen(page.getByRole('row').filter({ hasText: name }));
  };

  beforeAll(async () => {
    service = await startService();
    const admin = await createFirstAdministrator(service);
    const world = await placedWorld(service, admin.token); // places, an employer, the open vacancy "Orderpicker"
    adviser = world.uwvAdviser;
    for (const name of ['Wim de Vries', 'Fatima El Amrani', 'Kees Jansen']) await wwClient(name);
    browser = await openBrowser();
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('takes three clients into mediation, logs a contact, offers a vacancy and proposes the interested client', async () => {
    await page.goto(`${service.url}/aanmelden`);
    await signInAs(page, adviser.email, adviser.password);
    await seen(page.getByRole('heading', { name: /^Welkom, / }));
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn bemiddeling' }).click();
    await seen(page.getByRole('heading', { name: 'Mijn bemiddeling' }));
    await seen(page.getByText('Nog geen klanten in bemiddeling.'));
    await page.mouse.move(640, 790);
    await expectAccessible(page, 'mediations, empty');

    // The dialog, checked once open.
    await page.getByRole('button', { name: 'In bemiddeling nemen' }).click();
    await seen(page.getByRole('dialog', { name: 'In bemiddeling nemen' }));
    await expectAccessible(page, 'take into mediation');
    await page.keyboard.press('Escape');

    // Kees started three weeks ago: no contact since, so due 14 days after the start, 7 days late.
    await takeIn('Kees Jansen', day(-21));
    await takeIn('Wim de Vries');
    await takeIn('Fatima El Amrani');
    await seen(page.getByText('3 klanten in bemiddeling, 1 met een contactmoment te laat'));
    const rows = page.getByRole('row');
    await seen(rows.filter({ hasText: 'Kees Jansen' }).getByText('7 dagen te laat'));
    // Most overdue first: Kees, then the two due in two weeks.
    expect(await rows.nth(1).textContent()).toContain('Kees Jansen');
    expect(await rows.filter({ hasText: 'Wim de Vries' }).textContent()).toContain(shown(day(14)));
    await expectAccessible(page, 'mediations');
    await screenshot(page, 'maxww-mediations');

    // The programme view.
    await page.getByRole('link', { name: 'Wim de Vries' }).click();
    await seen(page.getByRole('heading', { name: 'Bemiddeling van Wim de Vries' }));
    await seen(page.getByText('Zonder triage'));
    await expectAccessible(page, 'mediation');

    // A contact: the next one falls two weeks later by default.
    const contactForm = page.getByRole('region', { name: 'Contactmoment vastleggen' });
    await choose(contactForm, 'Kanaal', 'WhatsApp');
    await contactForm.getByLabel('Samenvatting').fill('Cv bijgewerkt, wil graag in de logistiek werken.');
    await contactForm.getByRole('button', { name: 'Contactmoment vastleggen' }).click();
    await seen(page.getByText(`Contactmoment vastgelegd. Volgend contact: ${shown(day(14))}.`));
    const logRow = page.getByRole('table', { name: 'Contactlog' }).getByRole('row').filter({ hasText: 'WhatsApp' });
    await seen(logRow.getByText('Cv bijgewerkt, wil graag in de logistiek werken.'));

    // Offer the open vacancy, record the yes, propose to the employer.
    await page.getByRole('combobox', { name: 'Open vacature' }).fill('Orderpicker');
    await page.getByRole('option', { name: /^Orderpicker/ }).click();
    await page.getByRole('button', { name: 'Vacature aanbieden' }).click();
    const offers = page.getByRole('table', { name: 'Aangeboden vacatures' });
    await seen(offers.getByText('Nog geen reactie'));
    await page.getByRole('button', { name: 'Klant is geïnteresseerd in Orderpicker' }).click();
    await seen(offers.getByText('Geïnteresseerd', { exact: true }));
    await page.getByRole('button', { name: 'Wim de Vries voorstellen aan werkgever voor Orderpicker' }).click();
    await seen(offers.getByText('Voorgesteld'));
    await expectAccessible(page, 'mediation with an offer and a proposal');
    await screenshot(page, 'maxww-mediation');

    // Back on the list, Wim's last contact is today.
    await page.getByRole('link', { name: 'Terug naar Mijn bemiddeling' }).click();
    await seen(page.getByRole('heading', { name: 'Mijn bemiddeling' }));
    expect(await page.getByRole('row').filter({ hasText: 'Wim de Vries' }).textContent()).toContain(shown(day(0)));
  });
});
