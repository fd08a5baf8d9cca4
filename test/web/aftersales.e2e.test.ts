import { Page } from 'playwright-core';
import { createFirstAdministrator } from './support/accounts';
import { Browser, choose, expectAccessible, openBrowser, screenshot, seen, signInAs } from './support/browser';
import { apiCall, eventually, Placed, placedWorld } from './support/placed-world';
import { RunningService, startService } from './support/service';
import { dutchDay } from './support/dutch-days';

jest.setTimeout(240_000);

interface CallDto {
  id: string;
  party: string;
  status: string;
  result: string | null;
  client: unknown;
  calls: Array<{ followUpId: string; result: string }>;
}

/**
 * The aftersales caller's day in the browser: the call list, the call screen and its outcomes, and
 * what follows from "uit dienst". The world is placed through the API; milestone 1 comes due a second
 * after the placement, milestone 2 in an hour.
 */
describe('aftersales in the browser', () => {
  let service: RunningService;
  let world: Awaited<ReturnType<typeof placedWorld>>;
  let browser: Browser;
  let page: Page;
  // As placedWorld's start date (today in Amsterdam), so "yesterday" is always before the start.
  const today = dutchDay();
  const yesterday = dutchDay(-1);

  const signInFresh = async (email: string, password: string): Promise<void> => {
    await page.context().clearCookies();
    await page.goto(`${service.url}/aanmelden`);
    await seen(page.getByRole('heading', { name: 'Aanmelden' }));
    await signInAs(page, email, password);
    await seen(page.getByRole('heading', { name: /^Welkom, / }));
  };
  const openCallList = async (): Promise<void> => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Bellijst' }).click();
    await seen(page.getByRole('heading', { name: 'Bellijst' }));
    // Off the menu: the hovered active menu link (the foundation's NavLink) falls below AA contrast.
    await page.mouse.move(640, 790);
  };
  const row = (text: string) => page.getByRole('row').filter({ hasText: text });

  beforeAll(async () => {
    service = await startService({
      env: { FOLLOW_UP_OFFSETS: 'PT1S,PT1H', FOLLOW_UP_RECONCILE_SECONDS: '1' },
    });
    const admin = await createFirstAdministrator(service);
    world = await placedWorld(service, admin.token);
    browser = await openBrowser();
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('a caller answers "uit dienst": the client is on the pick-up list and in the adviser\'s inbox; the next call comes up', async () => {
    const leaving: Placed = await world.place('WW', 'Wim Werkzoekende', ['PROEFPLAATSING']);
    await world.dueCalls(world.caller, leaving.placementId, 2);
    const staying: Placed = await world.place('BIJSTAND', 'Bea Bijstand');
    await world.dueCalls(world.caller, staying.placementId, 2);

    await signInFresh(world.caller.email, world.caller.password);
    await openCallList();
    await seen(row('Wim Werkzoekende'));
    await expectAccessible(page, 'call list');
    await screenshot(page, 'aftersales-call-list');

    // Claim it from the list: it is then on "Mijn gesprekken".
    await page.getByRole('button', { name: 'Gesprek met Wim Werkzoekende oppakken' }).click();
    await seen(row('Wim Werkzoekende').getByRole('cell', { name: 'Ik', exact: true }));
    await page.locator('label', { hasText: 'Mijn gesprekken' }).click();
    await seen(page.getByText('1 gesprek te bellen'));
    await page.getByRole('link', { name: 'Gesprek met Wim Werkzoekende openen' }).click();

    await seen(page.getByRole('heading', { name: 'Gesprek met Wim Werkzoekende' }));
    const client = page.getByRole('region', { name: 'Klant' });
    const phone = client.getByRole('link', { name: '06 1234 5678' });
    expect(await phone.getAttribute('href')).toBe('tel:0612345678');
    await seen(client.getByRole('link', { name: /^klant\d+@example\.nl$/ }));
    const placement = page.getByRole('region', { name: 'Plaatsing' });
    await seen(placement.getByText('Tijdelijk contract, 12 maanden'));
    await seen(placement.getByText('Proefplaatsing'));
    await seen(placement.getByText('Distributiecentrum Dordrecht B.V.'));
    await seen(page.getByText('Nog geen gesprekken gevoerd.'));
    await expectAccessible(page, 'call screen');
    await screenshot(page, 'aftersales-call-screen');

    // Uit dienst needs the reason and the last day: the screen says so and records nothing.
    const outcome = page.getByRole('group', { name: 'Uitkomst van het gesprek' });
    await outcome.getByRole('button', { name: 'Uit dienst' }).click();
    await seen(page.getByText('Vul in waarom het werk stopte.'));
    await seen(page.getByText('Vul de laatste werkdag in.'));
    await expectAccessible(page, 'call screen with field errors');
    await page.getByLabel('Notitie').fill('Contract in de proeftijd opgezegd');
    // The API judges the date: not before the start (today), said at the field, nothing recorded.
    await page.getByLabel('Laatste werkdag').fill(yesterday);
    await outcome.getByRole('button', { name: 'Uit dienst' }).click();
    await seen(page.getByText('Deze datum ligt vóór de start van de plaatsing.'));
    await page.getByLabel('Laatste werkdag').fill(today);
    await outcome.getByRole('button', { name: 'Uit dienst' }).click();

    // The next call comes up: one of Bea's (Wim's other calls were cancelled with the placement).
    await seen(page.getByText(/Vastgelegd: Uit dienst \(Wim Werkzoekende\)\. Het volgende gesprek staat klaar\./));
    await seen(page.getByRole('heading', { name: /^Gesprek met (Bea Bijstand|Distributiecentrum Dordrecht B\.V\.)/ }));
    await seen(page.getByRole('region', { name: 'Plaatsing' }).getByText('Orderpicker'));
    await screenshot(page, 'aftersales-next-call');

    // The adviser hears of it (read through the API as the adviser).
    const inbox = await apiCall<Array<{ kind: string; candidateId: string; reason: string | null; endDate: string }>>(
      service,
      world.uwvAdviser.token,
      'GET',
      '/api/advisers/me/messages?unread=true',
    );
    expect(inbox.filter((message) => message.candidateId === leaving.candidateId)).toEqual([
      expect.objectContaining({ kind: 'LEFT_JOB', reason: 'Contract in de proeftijd opgezegd', endDate: today }),
    ]);

    // The UWV adviser finds Wim on "Weer oppakken" and marks him picked up.
    await signInFresh(world.uwvAdviser.email, world.uwvAdviser.password);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Weer oppakken' }).click();
    await seen(page.getByRole('heading', { name: 'Weer oppakken' }));
    await page.mouse.move(640, 790);
    const waiting = row('Wim Werkzoekende');
    await seen(waiting.getByText('Contract in de proeftijd opgezegd'));
    await seen(waiting.getByText('Orderpicker, Distributiecentrum Dordrecht B.V.'));
    await expectAccessible(page, 'pick-up list');
    await screenshot(page, 'aftersales-pick-ups');
    await page.getByRole('button', { name: 'Wim Werkzoekende als opgepakt markeren' }).click();
    await seen(page.getByText(/^Wim Werkzoekende is opgepakt/));
    await waiting.waitFor({ state: 'detached' });
    const stillWaiting = await apiCall<Array<{ candidateId: string }>>(
      service,
      world.uwvAdviser.token,
      'GET',
      '/api/pick-ups',
    );
    expect(stillWaiting.map((pickUp) => pickUp.candidateId)).not.toContain(leaving.candidateId);
  });

  it('a double click on an outcome records one outcome', async () => {
    const placed = await world.place('BIJSTAND', 'Dirk Dubbelklik');
    const calls = await world.dueCalls(world.caller, placed.placementId, 2);
    const employerCall = calls.find((call) => call.party === 'EMPLOYER')!;

    await signInFresh(world.caller.email, world.caller.password);
    await page.goto(`${service.url}/nazorg/bellen?gesprek=${employerCall.id}`);
    await seen(page.getByRole('heading', { name: 'Gesprek met Distributiecentrum Dordrecht B.V. (J. de Vries)' }));
    const employer = page.getByRole('region', { name: 'Werkgever' });
    expect(await employer.getByRole('link', { name: '078 123 4567' }).getAttribute('href')).toBe('tel:0781234567');
    await seen(employer.getByText('Dirk Dubbelklik'));
    await page.getByLabel('Notitie').fill('Tevreden over Dirk');
    await page
      .getByRole('group', { name: 'Uitkomst van het gesprek' })
      .getByRole('button', { name: 'Nog aan het werk' })
      .dblclick();
    await seen(page.getByText(/Vastgelegd: Nog aan het werk/));
    expect(await page.getByText('Dit lukte niet').count()).toBe(0);

    const answered = await apiCall<CallDto>(service, world.caller.token, 'GET', `/api/follow-ups/${employerCall.id}`);
    expect(answered).toMatchObject({ status: 'DONE', result: 'STILL_WORKING' });
    expect(answered.calls.filter((made) => made.followUpId === employerCall.id)).toEqual([
      expect.objectContaining({ result: 'STILL_WORKING' }),
    ]);
    // The earlier call shows on the screen of the placement's other call, with its note and caller.
    const clientCall = calls.find((call) => call.party === 'CLIENT')!;
    await page.goto(`${service.url}/nazorg/bellen?gesprek=${clientCall.id}`);
    const earlier = page.getByRole('region', { name: 'Eerdere gesprekken voor deze plaatsing' });
    await seen(earlier.getByRole('cell', { name: 'Tevreden over Dirk' }));
    await seen(earlier.getByRole('cell', { name: 'Anna Aftersales' }));
    expect(await earlier.getByRole('row').count()).toBe(2);
  });

  it('a caller gives a call to a colleague of the unit, who finds it under "Mijn gesprekken"', async () => {
    const placed = await world.place('BIJSTAND', 'Toos Toegewezen');
    await world.dueCalls(world.caller, placed.placementId, 2);

    await signInFresh(world.caller.email, world.caller.password);
    await openCallList();
    await page.getByRole('button', { name: 'Gesprek met Toos Toegewezen toewijzen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gesprek toewijzen' });
    await choose(dialog, 'Toewijzen aan', 'Mark Gemeentebeller');
    await expectAccessible(page, 'assign a call');
    await dialog.getByRole('button', { name: 'Toewijzen' }).click();
    await seen(page.getByText('Het gesprek is nu van Mark Gemeentebeller.'));
    await seen(row('Toos Toegewezen').getByRole('cell', { name: 'Mark Gemeentebeller' }));

    // A Bijstand client: the municipality's own, so its caller sees the client call.
    await signInFresh(world.municipalCaller.email, world.municipalCaller.password);
    await openCallList();
    await page.locator('label', { hasText: 'Mijn gesprekken' }).click();
    await seen(page.getByText('1 gesprek te bellen'));
    await seen(row('Toos Toegewezen').getByRole('cell', { name: 'Ik', exact: true }));
  });

  it("a municipal caller's list for a WW client without consent shows only the employer call", async () => {
    const placed = await world.place('WW', 'Wendy Zonder-Toestemming');
    const [employerCall] = await world.dueCalls(world.municipalCaller, placed.placementId, 1);
    expect(employerCall).toMatchObject({ party: 'EMPLOYER', client: null });
    // The staffing firm's caller sees both calls of the same placement.
    await world.dueCalls(world.caller, placed.placementId, 2);

    await signInFresh(world.municipalCaller.email, world.municipalCaller.password);
    await openCallList();
    await seen(page.getByRole('link', { name: 'Gesprek met Distributiecentrum Dordrecht B.V. (J. de Vries) openen' }));
    expect(await page.getByText('Wendy Zonder-Toestemming').count()).toBe(0);

    await page.goto(`${service.url}/nazorg/bellen?gesprek=${employerCall.id}`);
    await seen(page.getByRole('heading', { name: 'Gesprek met Distributiecentrum Dordrecht B.V. (J. de Vries)' }));
    await seen(page.getByRole('region', { name: 'Werkgever' }).getByText('J. de Vries, HR-adviseur'));
    expect(await page.getByRole('region', { name: 'Klant' }).count()).toBe(0);
    expect(await page.getByText('Over klant').count()).toBe(0);
    expect(await page.getByText('Instrumenten').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('Wendy');
    await expectAccessible(page, 'call screen, employer call only');
    await screenshot(page, 'aftersales-municipal-employer-call');

    // The client call itself is not theirs to open: as for an unknown call.
    const clientCall = (
      await eventually(async () => {
        const list = await apiCall<Array<CallDto & { placementId: string }>>(
          service,
          world.caller.token,
          'GET',
          '/api/follow-ups?status=DUE&assignee=unit',
        );
        return list.find((call) => call.placementId === placed.placementId && call.party === 'CLIENT');
      }, 'the client call')
    ).id;
    await page.goto(`${service.url}/nazorg/bellen?gesprek=${clientCall}`);
    await seen(page.getByText('Dit gesprek bestaat niet, of hoort niet bij wat je mag zien.'));
  });
});
