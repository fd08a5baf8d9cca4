import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Browser, choose, expectAccessible, openBrowser, screenshot, seen } from './support/browser';
import { RunningService, startService } from './support/service';
import { zipFolder } from './support/zip';

jest.setTimeout(300_000);

const ROOT = resolve(__dirname, '../..');
// ESCO: the small fixture release (the full 39 MB release takes minutes on the embedded database and is
// imported by test/taxonomy and the bench). Places: the real geo folder beside the repository
// (../shared/data/geo), uploaded as a zip; the fixture where that folder is absent.
const ESCO_FOLDER = join(ROOT, 'test/fixtures/esco/valid');
const REAL_GEO = resolve(ROOT, '../shared/data/geo');
const GEO_FOLDER = existsSync(join(REAL_GEO, 'nl_pc4_centroids.csv'))
  ? REAL_GEO
  : join(ROOT, 'test/fixtures/geo/valid');

describe('first run in the browser', () => {
  let service: RunningService;
  let browser: Browser;
  let scratch: string;
  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'first-run-'));
    // An empty embedded database, as after `npm ci && npm start` on a new machine.
    service = await startService({ database: 'embedded' });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('leads from / on an empty database to a signed-in administrator with ESCO and the places imported', async () => {
    const { page } = browser;
    expect(service.setupToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    await page.goto(`${service.url}/`);
    await seen(page.getByRole('heading', { name: 'Eerste inrichting' }));
    expect(new URL(page.url()).pathname).toBe('/inrichten');
    expect(page.url()).not.toContain(service.setupToken!);
    await expectAccessible(page, 'set-up');
    await screenshot(page, 'setup-administrator');

    await page.getByLabel('Set-up-token').fill('not-the-token');
    await page.getByLabel('Naam').fill('Bea Beheer');
    await page.getByLabel('E-mailadres').fill('bea@example.org');
    await page.getByLabel('Wachtwoord').fill('a long enough password');
    await choose(page, 'Organisatie', 'Gemeente (sociale dienst)');
    await page.getByRole('button', { name: 'Beheerder aanmaken' }).click();
    await seen(page.getByText('Dit is niet het token dat de service toonde.'));

    await page.getByLabel('Set-up-token').fill(service.setupToken!);
    await page.getByRole('button', { name: 'Beheerder aanmaken' }).click();

    const esco = page.getByRole('region', { name: 'Beroepen en vaardigheden (ESCO)' });
    await seen(esco);
    await esco.getByLabel('Map op de server').fill(ESCO_FOLDER);
    await esco.getByRole('button', { name: 'Importeren uit map' }).click();
    await seen(esco.getByText('Klaar.'), 120_000);
    await seen(esco.getByText(/^Beroepen: \d+/));

    const places = page.getByRole('region', { name: 'Plaatsen (postcodegebieden)' });
    await places
      .locator('input[type="file"]')
      .setInputFiles(await zipFolder(GEO_FOLDER, join(scratch, 'geo.zip'), 'geo'));
    await places.getByRole('button', { name: 'Zip uploaden' }).click();
    await seen(places.getByText('Klaar.'), 120_000);
    await seen(places.getByText(/\d+ postcodegebieden, \d+ gemeenten/));
    await expectAccessible(page, 'set-up, reference data');
    await screenshot(page, 'setup-reference-data');

    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByRole('button', { name: 'Overslaan' }).click();
    await page.getByRole('button', { name: 'Naar de startpagina' }).click();
    await seen(page.getByRole('heading', { name: 'Welkom, Bea Beheer' }));
    const header = page.getByRole('banner');
    await seen(header.getByText('Bea Beheer'));
    await seen(header.getByText(/Sociale Dienst|Gemeente|· Beheer/));
    await screenshot(page, 'home-administrator');

    // The set-up is gone: its page and its endpoint.
    expect((await fetch(`${service.url}/api/setup`)).status).toBe(410);
    await page.goto(`${service.url}/inrichten`);
    await seen(page.getByRole('heading', { name: 'Pagina niet gevonden' }));
    // The places are imported: the API resolves a Dordrecht postcode.
    const login = await fetch(`${service.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bea@example.org', password: 'a long enough password' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const place = await fetch(`${service.url}/api/places/3311AB`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(place.status).toBe(200);
  });
});
