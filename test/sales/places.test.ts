import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { Role } from '@identity/organisation';
import { PlacesImportError } from '@sales/places/places.errors';
import { PlacesService } from '@sales/places/places.service';
import { signIn } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';

// The real data: ../shared/data/geo from the repository root.
const GEO_DIR = resolve(__dirname, '..', '..', '..', 'shared', 'data', 'geo');
const FIXTURES = resolve(__dirname, '..', 'fixtures', 'geo');

describe('places', () => {
  // The embedded database (no DATABASE_URL) takes one connection at a time: one app open at a time here.
  beforeAll(async () => {
    // On the embedded default the test files share one database: start from no places explicitly.
    const cleaner = await startTestApp();
    try {
      await cleaner.app
        .get(DataSource)
        .query('DELETE FROM places; DELETE FROM municipalities; DELETE FROM labour_market_regions');
    } finally {
      await cleaner.close();
    }
  });

  it('imports GEO_DATA_DIR at start when there are no places, and not when there are', async () => {
    const first = await startTestApp({ GEO_DATA_DIR: resolve(FIXTURES, 'valid') });
    try {
      const response = await first.http
        .get('/api/places/3311AB')
        .set(await signIn(first, [Role.MATCHER]))
        .expect(200);
      expect(response.body).toMatchObject({ municipality: 'Dordrecht', lat: 51.8, lon: 4.66 });
    } finally {
      await first.close();
    }
    const second = await startTestApp({ GEO_DATA_DIR: GEO_DIR });
    try {
      // Still the fixture's centroid: the real folder was not imported over existing places.
      const response = await second.http
        .get('/api/places/3311AB')
        .set(await signIn(second, [Role.MATCHER]))
        .expect(200);
      expect(response.body.lat).toBe(51.8);
      const [{ count }] = await second.app
        .get(DataSource)
        .query<[{ count: number }]>('SELECT count(*)::int AS count FROM places');
      expect(count).toBe(3);
    } finally {
      await second.close();
    }
  });
});

describe('places after importing the real data', () => {
  let test: TestApp;
  let places: PlacesService;
  let headers: Record<string, string>;

  const countPlaces = async (): Promise<number> => {
    const [{ count }] = await test.app
      .get(DataSource)
      .query<[{ count: number }]>('SELECT count(*)::int AS count FROM places');
    return count;
  };

  beforeAll(async () => {
    test = await startTestApp();
    places = test.app.get(PlacesService);
    headers = await signIn(test, [Role.MATCHER]);
  });
  afterAll(() => test.close());

  it('imports the real folder in one go, and a second import changes nothing', async () => {
    const report = await places.importFrom(GEO_DIR);
    // Over the fixture: 3011 is identical, 3311 has a new centroid, 1000 does not exist in reality.
    expect(report.places).toEqual({ inserted: 4084, updated: 1, deleted: 1, unchanged: 1, total: 4086 });
    expect(report.municipalities).toMatchObject({ inserted: 339, deleted: 0, total: 342 });
    expect(report.regions).toMatchObject({ inserted: 33, total: 35 });
    expect(report.changed).toBe(true);
    expect(await countPlaces()).toBe(4086);

    const again = await places.importFrom(GEO_DIR);
    expect(again.changed).toBe(false);
    expect(again.places).toEqual({ inserted: 0, updated: 0, deleted: 0, unchanged: 4086, total: 4086 });
    expect(again.municipalities).toEqual({ inserted: 0, updated: 0, deleted: 0, unchanged: 342, total: 342 });
    expect(again.regions).toEqual({ inserted: 0, updated: 0, deleted: 0, unchanged: 35, total: 35 });
  });

  it('refuses a malformed folder with file, line and reason and leaves the data as it was', async () => {
    const refusal = places.importFrom(resolve(FIXTURES, 'malformed'));
    await expect(refusal).rejects.toBeInstanceOf(PlacesImportError);
    await expect(refusal).rejects.toMatchObject({
      file: 'nl_pc4_centroids.csv',
      line: 4,
      reason: 'lat "abc" is not a decimal number',
    });
    await expect(places.importFrom(resolve(FIXTURES, 'no-such-folder'))).rejects.toMatchObject({
      file: 'nl_arbeidsmarktregios_2025.csv',
      line: undefined,
    });
    expect(await countPlaces()).toBe(4086);
    const response = await test.http.get('/api/places/3311AB').set(headers).expect(200);
    expect(response.body.lat).toBe(51.8131);
  });

  it('derives Dordrecht and Drechtsteden from 3311 AB', async () => {
    const response = await test.http.get('/api/places/3311%20AB').set(headers).expect(200);
    expect(response.body).toEqual({
      postcode: '3311 AB',
      pc4: '3311',
      lat: 51.8131,
      lon: 4.6685,
      municipalityCode: 'GM0505',
      municipality: 'Dordrecht',
      regionCode: 'AM23',
      region: 'Drechtsteden',
    });
  });

  it('accepts a postcode without space in lower case', async () => {
    const response = await test.http.get('/api/places/3311ab').set(headers).expect(200);
    expect(response.body).toMatchObject({ postcode: '3311 AB', municipality: 'Dordrecht' });
  });

  it('answers 422 naming the field for a well-formed postcode whose area does not exist', async () => {
    const response = await test.http.get('/api/places/1000AA').set(headers).expect(422);
    expect(response.body).toMatchObject({
      code: 'POSTCODE_UNKNOWN',
      errors: { postcode: 'postcode area 1000 does not exist' },
    });
  });

  it.each(['0311AB', '3311 SA', '3311-AB', '33111AB', 'regio'])(
    'answers 422 for the malformed postcode %p',
    async (postcode) => {
      const response = await test.http
        .get(`/api/places/${encodeURIComponent(postcode)}`)
        .set(headers)
        .expect(422);
      expect(response.body).toMatchObject({
        code: 'POSTCODE_INVALID',
        errors: { postcode: 'must be a Dutch postcode like 1234 AB' },
      });
    },
  );

  it('lists the 35 labour-market regions with their municipalities', async () => {
    const response = await test.http.get('/api/places/regions').set(headers).expect(200);
    expect(response.body).toHaveLength(35);
    const drechtsteden = response.body.find((region: { code: string }) => region.code === 'AM23');
    expect(drechtsteden.name).toBe('Drechtsteden');
    expect(drechtsteden.municipalities.map((municipality: { name: string }) => municipality.name)).toEqual([
      'Alblasserdam',
      'Dordrecht',
      'Hardinxveld-Giessendam',
      'Hendrik-Ido-Ambacht',
      'Papendrecht',
      'Sliedrecht',
      'Zwijndrecht',
    ]);
    const total = response.body.reduce(
      (sum: number, region: { municipalities: unknown[] }) => sum + region.municipalities.length,
      0,
    );
    expect(total).toBe(342);
  });

  it('measures Dordrecht to Rotterdam centre as about 17 km between centroids', async () => {
    // 3311 (51.8131, 4.6685) to 3011 (51.9191, 4.4867): 17.17 km, worked out in distance.spec.ts.
    expect(await places.distanceKmBetween('3311 AB', '3011AA')).toBeCloseTo(17.17, 1);
    expect(await places.distanceKmBetween('3311 AB', '3311 ZZ')).toBe(0);
    await expect(places.distanceKmBetween('3311 AB', '1000 AA', ['workplace', 'home'])).rejects.toMatchObject({
      code: 'POSTCODE_UNKNOWN',
      fieldErrors: { home: 'postcode area 1000 does not exist' },
    });
  });

  it('serves areas from memory for matching', () => {
    expect(places.place('3311')).toMatchObject({ municipality: 'Dordrecht', regionCode: 'AM23' });
    expect(places.place('1000')).toBeUndefined();
  });
});
