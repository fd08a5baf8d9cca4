import { Client } from 'pg';
import { Page } from 'playwright-core';
import { apiToken, createAccount, createFirstAdministrator } from './support/accounts';
import { Browser, choose, expectAccessible, openBrowser, screenshot, seen, signInAs } from './support/browser';
import { apiCall, Person, placedWorld } from './support/placed-world';
import { RunningService, startService } from './support/service';

jest.setTimeout(240_000);

/** Today as a Dutch calendar day, and as the screens write it (dd-mm-jjjj). */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const dutch = (day: string) => day.split('-').reverse().join('-');
function dayFromToday(days: number): string {
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The Max-WW route out, in the browser: the team hands a client over to the social service under the
 * client's consent, records an exit, the social service finds the hand-over, the manager reads the
 * cohort report. The world is made through the API (and, for the meetings and mediations that other
 * parts of the programme record, in SQL when the story runs on its own database).
 */
describe('the Max-WW route out in the browser', () => {
  let service: RunningService;
  let world: Awaited<ReturnType<typeof placedWorld>>;
  let manager: Person;
  let browser: Browser;
  let page: Page;

  const signInFresh = async (email: string, password: string): Promise<void> => {
    await page.context().clearCookies();
    await page.goto(`${service.url}/aanmelden`);
    await seen(page.getByRole('heading', { name: 'Aanmelden' }));
    await signInAs(page, email, password);
    await seen(page.getByRole('heading', { name: /^Welkom, / }));
  };
  const menu = () => page.getByRole('navigation', { name: 'Hoofdmenu' });

  beforeAll(async () => {
    service = await startService();
    const admin = await createFirstAdministrator(service);
    world = await placedWorld(service, admin.token);
    const account = await createAccount(service, admin.token, {
      name: 'Mona Manager',
      roles: ['MANAGER'],
      organisation: 'MUNICIPALITY',
    });
    manager = { ...account, token: await apiToken(service, account) };
    browser = await openBrowser();
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('the team hands a client over and records exits; the social service finds the hand-over; the manager reads the cohorts', async () => {
    // Wendy's WW ends in three weeks; she signed the consent for the municipality. Pim was placed by the team.
    const wendy = (
      await apiCall<{ id: string }>(service, world.uwvAdviser.token, 'POST', '/api/candidates', {
        pool: 'WW',
        sourceReference: `WW-E2E-WENDY-${Date.now().toString(36)}`,
        bsn: '123456782',
        name: 'Wendy Wachtgeld',
        postcode: '3311 AB',
        hoursMin: 24,
        hoursMax: 36,
        availableFrom: today,
        wwEndDate: dayFromToday(21),
        transport: ['BIKE'],
        adviserId: world.uwvAdviser.id,
      })
    ).id;
    const pim = await world.place('WW', 'Pim Geplaatst');
    await apiCall(service, world.uwvAdviser.token, 'POST', `/api/candidates/${wendy}/consents`, {
      organisation: 'MUNICIPALITY',
      signedOn: today,
      documentReference: 'DMS-2026-118',
    });

    // The Max-WW adviser (UWV) on Wendy's page: the route panel, then the hand-over form.
    await signInFresh(world.uwvAdviser.email, world.uwvAdviser.password);
    await page.goto(`${service.url}/kandidaten/${wendy}`);
    const panel = page.getByRole('region', { name: 'Max-WW: uitstroom en overdracht' });
    await seen(panel.getByText('Nog geen uitstroom vastgelegd'));
    await seen(panel.getByText('Nog niet overgedragen'));
    await panel.getByRole('button', { name: 'Overdracht aan de sociale dienst' }).click();
    const form = page.getByRole('form', { name: 'Overdracht aan de sociale dienst' });
    // Sent empty, the form says what is missing and nothing is sent.
    await form.getByRole('button', { name: 'Overdracht vastleggen' }).click();
    await seen(form.getByText('Vul de samenvatting in.'));
    await choose(form, 'Toestemming', `${dutch(today)}, DMS-2026-118`);
    await form.getByRole('textbox', { name: 'Samenvatting' }).fill('Gemotiveerd, zoekt werk in de logistiek.');
    await form.getByRole('textbox', { name: 'Wat is geprobeerd' }).fill('Cv herschreven; proefplaatsing gestopt.');
    await expectAccessible(page, 'Max-WW hand-over form');
    await screenshot(page, 'maxww-handover-form');
    await form.getByRole('button', { name: 'Overdracht vastleggen' }).click();
    await seen(page.getByRole('heading', { name: 'Overdracht: Wendy Wachtgeld' }));
    await seen(page.getByText('Nog niet gekoppeld'));
    await seen(page.getByText('Ulla UWV'));
    await expectAccessible(page, 'Max-WW hand-over');

    // Pim's exit: placed by the team, naming the placement.
    await page.goto(`${service.url}/kandidaten/${pim.candidateId}`);
    const pimPanel = page.getByRole('region', { name: 'Max-WW: uitstroom en overdracht' });
    const exitForm = pimPanel.getByRole('form', { name: 'Uitstroom vastleggen' });
    await choose(exitForm, 'Soort uitstroom', 'Geplaatst door het team');
    await exitForm.getByRole('button', { name: 'Uitstroom vastleggen' }).click();
    await seen(exitForm.getByText('Kies de plaatsing door het team.'));
    await choose(exitForm, 'Plaatsing', `Orderpicker, Distributiecentrum Dordrecht B.V. (${dutch(today)})`);
    await exitForm.getByRole('button', { name: 'Uitstroom vastleggen' }).click();
    await seen(pimPanel.getByText(`Geplaatst door het team op ${dutch(today)}`));
    await expectAccessible(page, 'Max-WW exit recorded');

    // The social service (municipality) sees Wendy's hand-over through her consent.
    await signInFresh(world.municipalAdviser.email, world.municipalAdviser.password);
    await menu().getByRole('link', { name: 'Overdrachten' }).click();
    await seen(page.getByRole('heading', { name: 'Overdrachten', level: 1 }));
    await page.mouse.move(640, 790);
    const row = page.getByRole('row').filter({ hasText: 'Wendy Wachtgeld' });
    await seen(row.getByRole('cell', { name: 'Nog niet' }));
    await expectAccessible(page, 'Max-WW hand-overs');
    await screenshot(page, 'maxww-handovers');
    await row.getByRole('link', { name: 'Wendy Wachtgeld' }).click();
    await seen(page.getByRole('heading', { name: 'Overdracht: Wendy Wachtgeld' }));
    await seen(page.getByText('Cv herschreven; proefplaatsing gestopt.'));

    // The manager's cohort report. On its own database the story adds March 2025's cohort in SQL
    // (ten invited, seven came, three into mediation, Pim among them placed); otherwise the months are empty.
    const cohort = await addCohort(pim.candidateId, pim.placementId);
    await signInFresh(manager.email, manager.password);
    await menu().getByRole('link', { name: 'Max-WW cohorten' }).click();
    await seen(page.getByRole('heading', { name: 'Max-WW cohorten' }));
    await page.getByRole('textbox', { name: 'Van (maand)' }).fill('2025-03');
    await page.getByRole('textbox', { name: 'Tot en met (maand)' }).fill('2025-04');
    const table = page.getByRole('table', { name: 'Max-WW cohorten per instroommaand' });
    const march = table.getByRole('row').filter({ hasText: 'mrt 2025' });
    await seen(march);
    const cells = await march.getByRole('cell').allInnerTexts();
    expect(cells.slice(0, 4)).toEqual(cohort ? ['10', '7', '3', '1'] : ['0', '0', '0', '0']);
    await seen(table.getByRole('row').filter({ hasText: 'Totaal' }));
    await page.mouse.move(640, 790);
    await expectAccessible(page, 'Max-WW cohort report');
    await screenshot(page, 'maxww-cohorts');
  });

  /**
   * March 2025's cohort in SQL (the meetings, invitations and mediations belong to other parts of the
   * programme): ten invited, seven present, three into mediation, one placed by the team. Only on the
   * story's own database; false on the embedded run (a second process cannot reach PGlite).
   */
  async function addCohort(placedId: string, placementId: string): Promise<boolean> {
    if (!process.env.TEST_ADMIN_DATABASE_URL || !process.env.DATABASE_URL) return false;
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows: users } = await client.query<{ id: string; unit_id: string }>(
        `SELECT id, unit_id FROM users WHERE email = $1`,
        [world.uwvAdviser.email],
      );
      const adviser = users[0];
      const { rows: others } = await client.query<{ id: string }>(
        `SELECT id FROM candidates WHERE pool = 'WW' AND id <> $1 ORDER BY created_at LIMIT 9`,
        [placedId],
      );
      const clients = [placedId, ...others.map((row) => row.id)];
      for (let index = clients.length; index < 10; index++) {
        // Fewer than ten WW clients so far: copies of the placed one (a fresh person each).
        const { rows } = await client.query<{ id: string }>(
          `WITH person AS (INSERT INTO persons (bsn_hash) VALUES (NULL) RETURNING id)
           INSERT INTO candidates
           SELECT (jsonb_populate_record(NULL::candidates, to_jsonb(t) || jsonb_build_object(
                    'id', gen_random_uuid(), 'person_id', (SELECT id FROM person),
                    'source_reference', 'UWV-COHORT-' || $2::text))).*
           FROM candidates t WHERE t.id = $1 RETURNING id`,
          [placedId, String(index)],
        );
        clients.push(rows[0].id);
      }
      const { rows: meetings } = await client.query<{ id: string }>(
        `INSERT INTO max_ww_meetings (unit_id, starts_at, place, capacity, created_by)
         VALUES ($1, '2025-03-12T09:00:00Z', 'Dordrecht, Spuiboulevard', 15, $2) RETURNING id`,
        [adviser.unit_id, adviser.id],
      );
      for (const [index, candidateId] of clients.entries()) {
        await client.query(
          `INSERT INTO max_ww_invitations (meeting_id, candidate_id, attempt, channel, invited_on, invited_by,
                                           attendance, attendance_recorded_at, attendance_recorded_by)
           VALUES ($1, $2, 1, 'WORK_FOLDER', '2025-03-01', $3, $4, now(), $3)`,
          [meetings[0].id, candidateId, adviser.id, index < 7 ? 'PRESENT' : 'ABSENT'],
        );
        if (index < 3) {
          await client.query(
            `INSERT INTO max_ww_mediations (candidate_id, adviser_id, started_on, client_agreed_on, planned_end_on,
                                            ended_on, created_by)
             VALUES ($1, $2, '2025-03-20', '2025-03-20', '2025-06-20', $3, $2)`,
            [candidateId, adviser.id, index === 0 ? today : null],
          );
        }
      }
      // Pim's exit was recorded in the browser (PLACED_BY_TEAM, naming this placement).
      const { rows: exits } = await client.query(`SELECT 1 FROM max_ww_exits WHERE placement_id = $1`, [placementId]);
      expect(exits).toHaveLength(1);
      return true;
    } finally {
      await client.end();
    }
  }
});
