import { Page } from 'playwright-core';
import { apiToken, createAccount, createFirstAdministrator } from './support/accounts';
import { Browser, choose, expectAccessible, openBrowser, screenshot, seen, signInAs } from './support/browser';
import { apiCall, Person, placedWorld } from './support/placed-world';
import { RunningService, startService } from './support/service';
import { dutchDay, dutchDayOfMonth, dutchMonthStart } from './support/dutch-days';

jest.setTimeout(420_000);

const WAREHOUSE = 'http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f';
const CHECKLIST = {
  ownTransport: true,
  childcareArranged: true,
  hoursAvailable: true,
  certificatesValid: true,
  motivated: true,
};
const LONG_MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
const SHORT_MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** Today (in Amsterdam, as the service reckons it) as `YYYY-MM-DD`, and as the panels write it (dd-mm-jjjj). */
const today = dutchDay();
const dutch = (day: string) => day.split('-').reverse().join('-');

/**
 * The month whose WW endings the team selects. The story is "December's WW endings" with the
 * clock at the start of December: while at most half of this month has gone by, this month (its
 * endings on the 16th to the 25th are still ahead, so the team can still catch them); later in the
 * month, the next one (the Selectie page's default), so the story holds on any day it runs.
 */
function selectedMonth(): { month: string; label: string } {
  const first = dutchMonthStart(dutchDayOfMonth() <= 15 ? 0 : 1);
  return {
    month: first.toISOString().slice(0, 7),
    label: `${LONG_MONTHS[first.getUTCMonth()]} ${first.getUTCFullYear()}`,
  };
}

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
 * The whole Max-WW route of issue 17 in the browser, through the screens and the API only (no SQL), so
 * it holds on the embedded database as on PostgreSQL: a UWV adviser selects the month's WW endings,
 * plans today's group meeting, invites ten, registers seven present and three absent, triages three to
 * the Max-WW adviser, takes those three into mediation, logs a contact, offers a vacancy and proposes
 * one of them; the staffing firm's matcher places her on the vacancy's page; the exit "placed by the
 * team" follows by itself and the manager's cohort report shows 10 / 7 / 3 / 1 for the meeting's month.
 */
describe('the Max-WW route of issue 17, from selection to the cohort report', () => {
  let service: RunningService;
  let world: Awaited<ReturnType<typeof placedWorld>>;
  let adviser: Person;
  let manager: Person;
  let browser: Browser;
  let page: Page;
  const clients = [
    'Anouk Aalders',
    'Bas Bosman',
    'Carla Claassen',
    'Daan Dekker',
    'Esra Ekinci',
    'Frits Franssen',
    'Gina Goossens',
    'Hamid Haddou',
    'Ilse Ingen',
    'Joost Jacobs',
  ];
  const present = clients.slice(0, 7);
  const absent = clients.slice(7);
  const mediated = clients.slice(0, 3);
  const placed = clients[0];
  const candidateIds = new Map<string, string>();
  const selection = selectedMonth();

  const signInFresh = async (who: Person): Promise<void> => {
    await page.context().clearCookies();
    await page.goto(`${service.url}/aanmelden`);
    await seen(page.getByRole('heading', { name: 'Aanmelden' }));
    await signInAs(page, who.email, who.password);
    await seen(page.getByRole('heading', { name: /^Welkom, / }));
  };
  const menu = () => page.getByRole('navigation', { name: 'Hoofdmenu' });

  beforeAll(async () => {
    service = await startService();
    const admin = await createFirstAdministrator(service);
    world = await placedWorld(service, admin.token); // places, an employer, the open vacancy "Orderpicker"
    adviser = world.uwvAdviser;
    const account = await createAccount(service, admin.token, {
      name: 'Mona Manager',
      roles: ['MANAGER'],
      organisation: 'MUNICIPALITY',
    });
    manager = { ...account, token: await apiToken(service, account) };
    // Ten jobready WW clients of the adviser whose WW ends in the selected month (16th to 25th).
    for (const [index, name] of clients.entries()) {
      const created = await apiCall<{ id: string; version: number }>(
        service,
        adviser.token,
        'POST',
        '/api/candidates',
        {
          pool: 'WW',
          sourceReference: `WW-STORY-${index}-${Date.now().toString(36)}`,
          bsn: newBsn(),
          name,
          postcode: '3311 AB',
          hoursMin: 24,
          hoursMax: 36,
          availableFrom: today,
          wwEndDate: `${selection.month}-${String(16 + index).padStart(2, '0')}`,
          workExperience: [{ occupationUri: WAREHOUSE, years: 3 }],
          transport: ['BIKE'],
          adviserId: adviser.id,
        },
      );
      await apiCall(service, adviser.token, 'PUT', `/api/candidates/${created.id}/jobready`, {
        jobready: 'YES',
        checklist: CHECKLIST,
        version: created.version,
      });
      candidateIds.set(name, created.id);
    }
    browser = await openBrowser();
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('selects, plans, invites ten, registers 7/3, mediates three, places one and reports 10 / 7 / 3 / 1', async () => {
    await signInFresh(adviser);

    // Plan today's group meeting (today: attendance is only taken for a meeting that has been held).
    await menu().getByRole('link', { name: 'Bijeenkomsten' }).click();
    await seen(page.getByRole('heading', { name: 'Bijeenkomsten', level: 1 }));
    await page.getByLabel(/^Datum/).fill(today);
    await page.getByLabel(/^Tijd/).fill('09:00');
    await page.getByRole('textbox', { name: 'Plaats' }).fill('Stadskantoor, Spuiboulevard 300, Dordrecht');
    await page.getByRole('button', { name: 'Bijeenkomst plannen' }).click();
    await seen(page.getByRole('heading', { level: 1, name: /^Bijeenkomst / }));

    // The selection of the month's WW endings: all ten invitable, all ten chosen.
    await menu().getByRole('link', { name: 'Selectie' }).click();
    await seen(page.getByRole('heading', { name: 'Selectie' }));
    await choose(page, 'Maand', selection.label);
    await seen(page.getByText(/^10 klanten met einde WW van /));
    for (const name of clients) await seen(page.getByRole('link', { name }));
    await page.getByRole('button', { name: 'Alle uitnodigbare kiezen' }).click();
    await seen(page.getByText(/10 klanten met einde WW .*; 10 gekozen\./));
    await screenshot(page, 'maxww-story-selection');

    // Invite the ten to today's meeting.
    await page.getByRole('button', { name: 'Uitnodigen voor bijeenkomst…' }).click();
    const invite = page.getByRole('dialog', { name: 'Uitnodigen voor bijeenkomst' });
    await invite.getByRole('combobox', { name: 'Bijeenkomst' }).click();
    await page.getByRole('option', { name: /Stadskantoor/ }).click();
    await invite.getByRole('button', { name: 'Uitnodigen' }).click();
    await seen(page.getByRole('heading', { level: 1, name: /^Bijeenkomst / }));
    await seen(page.getByText('10 van 15'));

    // The register: seven came, three did not.
    for (const name of present) await page.getByRole('radio', { name: `${name}: aanwezig` }).check();
    for (const name of absent) await page.getByRole('radio', { name: `${name}: afwezig` }).check();
    await page.getByRole('button', { name: 'Aanwezigheid opslaan' }).click();
    const noShows = page.getByRole('table', { name: 'Niet verschenen' });
    await seen(noShows);
    for (const name of absent) await seen(noShows.getByRole('row').filter({ hasText: name }));

    // Triage: three of those who came go to the Max-WW adviser.
    for (const [index, name] of mediated.entries()) {
      await choose(page, `Route voor ${name}`, 'Max-WW-adviseur');
      await page.getByRole('button', { name: `Route vastleggen voor ${name}` }).click();
      await seen(page.getByText('Max-WW-adviseur, door Ulla UWV').nth(index));
    }
    // The meeting page with a full register of ten, not checked this full elsewhere.
    await page.mouse.move(640, 790);
    await expectAccessible(page, 'Max-WW meeting, ten invited and triaged');
    await screenshot(page, 'maxww-story-meeting');

    // Mediation: the three triaged clients are taken in.
    await menu().getByRole('link', { name: 'Mijn bemiddeling' }).click();
    await seen(page.getByRole('heading', { name: 'Mijn bemiddeling' }));
    for (const name of mediated) {
      await page.getByRole('button', { name: 'In bemiddeling nemen' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'In bemiddeling nemen' });
      await seen(dialog);
      await dialog.getByRole('combobox', { name: 'Klant' }).fill(name.split(' ')[0]);
      await page.getByRole('option', { name: new RegExp(`^${name} \\(`) }).click();
      await dialog.getByRole('button', { name: 'In bemiddeling nemen' }).click();
      await seen(page.getByText(`${name} is in bemiddeling genomen.`));
      await seen(page.getByRole('row').filter({ hasText: name }));
    }
    await seen(page.getByText(/^3 klanten in bemiddeling/));

    // A contact with the first, an offer of the open vacancy, her yes, the proposal to the employer.
    await page.getByRole('link', { name: placed }).click();
    await seen(page.getByRole('heading', { name: `Bemiddeling van ${placed}` }));
    const contactForm = page.getByRole('region', { name: 'Contactmoment vastleggen' });
    await choose(contactForm, 'Kanaal', 'Telefoon');
    await contactForm.getByLabel('Samenvatting').fill('Na de bijeenkomst gebeld; wil in de logistiek werken.');
    await contactForm.getByRole('button', { name: 'Contactmoment vastleggen' }).click();
    await seen(page.getByText(/^Contactmoment vastgelegd\. Volgend contact: /));
    await seen(
      page
        .getByRole('table', { name: 'Contactlog' })
        .getByText('Na de bijeenkomst gebeld; wil in de logistiek werken.'),
    );
    await page.getByRole('combobox', { name: 'Open vacature' }).fill('Orderpicker');
    await page.getByRole('option', { name: /^Orderpicker/ }).click();
    await page.getByRole('button', { name: 'Vacature aanbieden' }).click();
    const offers = page.getByRole('table', { name: 'Aangeboden vacatures' });
    await seen(offers.getByText('Nog geen reactie'));
    await page.getByRole('button', { name: 'Klant is geïnteresseerd in Orderpicker' }).click();
    await seen(offers.getByText('Geïnteresseerd', { exact: true }));
    await page.getByRole('button', { name: `${placed} voorstellen aan werkgever voor Orderpicker` }).click();
    await seen(offers.getByText('Voorgesteld'));
    await screenshot(page, 'maxww-story-mediation');

    // The staffing firm's matcher takes the adviser's proposal through the interview to the placement on
    // the vacancy's page (the existing flow); placing a client in mediation records the exit by itself.
    const placedId = candidateIds.get(placed)!;
    type Proposal = { vacancyId: string; state: string };
    const answer = await apiCall<Proposal[] | { items: Proposal[] }>(
      service,
      world.matcher.token,
      'GET',
      `/api/candidates/${placedId}/proposals`,
    );
    const listed = Array.isArray(answer) ? answer : answer.items;
    expect(listed.map((proposal) => proposal.state)).toEqual(['PROPOSED']);
    await signInFresh(world.matcher);
    await page.goto(`${service.url}/vacatures/${listed[0].vacancyId}`);
    const pipeline = page.getByRole('region', { name: 'Voorstellen' });
    await seen(pipeline.getByRole('row', { name: new RegExp(`${placed}.*Voorgesteld`) }));
    await pipeline.getByRole('button', { name: `${placed}: gesprek` }).click();
    await seen(pipeline.getByRole('row', { name: new RegExp(`${placed}.*Gesprek`) }));
    await pipeline.getByRole('button', { name: `${placed} plaatsen` }).click();
    const placeDialog = page.getByRole('dialog', { name: `${placed} plaatsen` });
    await seen(placeDialog);
    // The vacancy starts today, so the proposed start is today, as the Netherlands reckons it.
    expect(await placeDialog.getByLabel('Startdatum').inputValue()).toBe(today);
    await placeDialog.getByRole('button', { name: 'Plaatsen' }).click();
    await placeDialog.waitFor({ state: 'hidden' });
    await seen(pipeline.getByRole('row', { name: new RegExp(`${placed}.*Geplaatst`) }));

    // On her page the adviser sees the exit the placement recorded by itself.
    await signInFresh(adviser);
    await page.goto(`${service.url}/kandidaten/${placedId}`);
    const panel = page.getByRole('region', { name: 'Max-WW: uitstroom en overdracht' });
    await seen(panel.getByText(`Geplaatst door het team op ${dutch(today)}`));
    await page.mouse.move(640, 790);
    await expectAccessible(page, 'candidate placed by the Max-WW team');

    // The manager's cohort report: the meeting's month (the intake month) shows 10 / 7 / 3 / 1.
    const intake = today.slice(0, 7);
    await signInFresh(manager);
    await menu().getByRole('link', { name: 'Max-WW cohorten' }).click();
    await seen(page.getByRole('heading', { name: 'Max-WW cohorten' }));
    await page.getByRole('textbox', { name: 'Van (maand)' }).fill(intake);
    await page.getByRole('textbox', { name: 'Tot en met (maand)' }).fill(intake);
    const table = page.getByRole('table', { name: 'Max-WW cohorten per instroommaand' });
    const row = table
      .getByRole('row')
      .filter({ hasText: `${SHORT_MONTHS[Number(intake.slice(5, 7)) - 1]} ${intake.slice(0, 4)}` });
    await seen(row);
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells.slice(0, 4)).toEqual(['10', '7', '3', '1']);
    await page.mouse.move(640, 790);
    await expectAccessible(page, 'Max-WW cohort report with a cohort');
    await screenshot(page, 'maxww-story-cohorts');
  });
});
