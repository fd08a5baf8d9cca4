import { DataSource } from 'typeorm';
import { Organisation, Role } from '@identity/organisation';
import { PlacesService } from '@sales/places/places.service';
import { createUser, TestUser } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';
import { GEO_DIR, makeCandidate, WAREHOUSE } from './candidate-factory';

const UWV_HEADER =
  'klantnummer;bsn;naam;telefoonnummer;emailadres;postcode;geboortedatum;einddatum_ww;wajong;opleidingsniveau;' +
  'taalniveau_nl;rijbewijzen;certificaten;werkervaring;vaardigheden;uren_min;uren_max;vervoer;max_reisafstand_km;' +
  'beschikbaar_per;gewenste_beroepen;broodbaan;doelgroepregister';
const uwvLine = (reference: string, bsn: string, name: string, overrides: Partial<Record<string, string>> = {}) => {
  const cells: Record<string, string> = {
    klantnummer: reference,
    bsn,
    naam: name,
    telefoonnummer: '06 12345678',
    emailadres: 'kandidaat@example.org',
    postcode: '3311 AB',
    geboortedatum: '12-04-1980',
    einddatum_ww: '2027-03-31',
    wajong: 'nee',
    opleidingsniveau: 'mbo-2',
    taalniveau_nl: 'B1',
    rijbewijzen: 'B',
    certificaten: '',
    werkervaring: `${WAREHOUSE}=5`,
    vaardigheden: '',
    uren_min: '24',
    uren_max: '38',
    vervoer: 'fiets|ov',
    max_reisafstand_km: '15',
    beschikbaar_per: '',
    gewenste_beroepen: '',
    broodbaan: 'ja',
    doelgroepregister: 'nee',
    ...overrides,
  };
  return UWV_HEADER.split(';')
    .map((column) => cells[column] ?? '')
    .join(';');
};

describe('candidate CSV import', () => {
  let test: TestApp;
  let uwvAdviser: TestUser;
  let municipalAdviser: TestUser;

  beforeAll(async () => {
    test = await startTestApp();
    await test.app.get(PlacesService).importFrom(GEO_DIR);
    uwvAdviser = await createUser(test, [Role.ADVISER], Organisation.UWV);
    municipalAdviser = await createUser(test, [Role.ADVISER], Organisation.MUNICIPALITY);
  });
  afterAll(() => test.close());

  const upload = (user: TestUser, pool: string, csv: string) =>
    test.http
      .post('/api/candidates/imports')
      .set(user.headers)
      .field('pool', pool)
      .attach('file', Buffer.from(csv), 'export.csv');

  const finished = async (user: TestUser, id: string) => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const response = await test.http.get(`/api/candidates/imports/${id}`).set(user.headers).expect(200);
      if (['DONE', 'FAILED'].includes(response.body.status)) return response.body;
      await new Promise((wait) => setTimeout(wait, 50));
    }
    throw new Error('import did not finish');
  };

  const countOf = async (sql: string, params: unknown[]) =>
    (await test.app.get(DataSource).query<[{ count: number }]>(sql, params))[0].count;

  it('loads the good rows, reports each bad one by row, field and reason, and re-imports without duplicates', async () => {
    const csv = [
      UWV_HEADER,
      uwvLine('UWV-1001', '111222333', 'Goede Rij Een'),
      uwvLine('UWV-1002', '123456789', 'Slechte Bsn Rij'),
      uwvLine('UWV-1003', '100000009', 'Goede Rij Twee'),
      uwvLine('UWV-1004', '100000010', 'Slechte Uren Rij', { uren_min: '40', uren_max: '20', postcode: '0000 AA' }),
      uwvLine('UWV-1005', '100000022', 'Goede Rij Drie'),
    ].join('\n');
    const started = await upload(uwvAdviser, 'WW', csv).expect(201);
    expect(started.body).toMatchObject({ pool: 'WW' });
    const report = await finished(uwvAdviser, started.body.id);
    expect(report).toMatchObject({ status: 'DONE', totalRows: 5, inserted: 3, updated: 0, failed: 2, progress: 100 });
    expect(report.errors).toEqual([
      { row: 3, field: 'bsn', reason: 'is not a valid BSN (9 digits, elfproef)' },
      { row: 5, field: 'postcode', reason: 'must be a Dutch postcode like 1234 AB' },
      { row: 5, field: 'uren_max', reason: 'must be at least uren_min' },
    ]);
    expect(JSON.stringify(report)).not.toMatch(/123456789|Slechte/);
    expect(
      await countOf(`SELECT count(*)::int AS count FROM candidates WHERE source_reference LIKE 'UWV-10%'`, []),
    ).toBe(3);
    // The upload itself (names, BSNs) is gone once the import ran.
    expect(await countOf(`SELECT count(*)::int AS count FROM candidate_imports WHERE content IS NOT NULL`, [])).toBe(0);

    // Again, with one row changed: upserts by klantnummer, no duplicates.
    const again = [
      UWV_HEADER,
      uwvLine('UWV-1001', '111222333', 'Goede Rij Een', { uren_max: '32' }),
      uwvLine('UWV-1003', '100000009', 'Goede Rij Twee'),
    ].join('\n');
    const second = await finished(uwvAdviser, (await upload(uwvAdviser, 'WW', again).expect(201)).body.id);
    expect(second).toMatchObject({ status: 'DONE', inserted: 0, updated: 1, unchanged: 1, failed: 0 });
    expect(
      await countOf(`SELECT count(*)::int AS count FROM candidates WHERE source_reference LIKE 'UWV-10%'`, []),
    ).toBe(3);
    const [{ hoursMax }] = await test.app
      .get(DataSource)
      .query<[{ hoursMax: number }]>(
        `SELECT hours_max AS "hoursMax" FROM candidates WHERE source_reference = 'UWV-1001'`,
      );
    expect(hoursMax).toBe(32);
  });

  it('refuses a date outside 1900-2199 as the API does, naming the row and the field, and loads the other rows', async () => {
    const csv = [
      UWV_HEADER,
      uwvLine('UWV-2001', '100000034', 'Oude Geboortedatum', { geboortedatum: '31-12-1899' }),
      uwvLine('UWV-2002', '100000046', 'Verre Einddatum', { einddatum_ww: '2200-01-01' }),
      uwvLine('UWV-2003', '100000058', 'Jaar Nul', { beschikbaar_per: '0000-01-01' }),
      // The edges themselves are dates the API takes.
      uwvLine('UWV-2004', '100000071', 'Randen', { geboortedatum: '01-01-1900', einddatum_ww: '2199-12-31' }),
    ].join('\n');
    const report = await finished(uwvAdviser, (await upload(uwvAdviser, 'WW', csv).expect(201)).body.id);
    expect(report).toMatchObject({ status: 'DONE', totalRows: 4, inserted: 1, failed: 3 });
    expect(report.errors).toEqual([
      { row: 2, field: 'geboortedatum', reason: 'must be a date between 1900 and 2199' },
      { row: 3, field: 'einddatum_ww', reason: 'must be a date between 1900 and 2199' },
      { row: 4, field: 'beschikbaar_per', reason: 'must be a date between 1900 and 2199' },
    ]);
    expect(
      await countOf(`SELECT count(*)::int AS count FROM candidates WHERE source_reference LIKE 'UWV-200%'`, []),
    ).toBe(1);
    // The same value by hand is refused at the same field.
    const byHand = await test.http
      .post('/api/candidates')
      .set(uwvAdviser.headers)
      .send(makeCandidate({ bsn: '100000083', wwEndDate: '2200-01-01' }))
      .expect(422);
    expect(byHand.body.errors).toHaveProperty('wwEndDate', 'must be a date between 1900 and 2199');
  });

  it('links a Bijstand import to the WW candidate with the same BSN: one person', async () => {
    const ww = (
      await test.http
        .post('/api/candidates')
        .set(uwvAdviser.headers)
        .send(makeCandidate({ bsn: '100000034' }))
        .expect(201)
    ).body;
    const csv = [
      'clientnummer,bsn,naam,telefoon,email,postcode,geboortedatum,klantprofiel,doelgroepregister,uren_min,uren_max,vervoer',
      'SDD-77,100000034,Zelfde Persoon,,,3312 AA,,80-100,nee,20,32,fiets',
    ].join('\n');
    const report = await finished(
      municipalAdviser,
      (await upload(municipalAdviser, 'BIJSTAND', csv).expect(201)).body.id,
    );
    expect(report).toMatchObject({ status: 'DONE', inserted: 1, failed: 0 });
    const [row] = await test.app
      .get(DataSource)
      .query<[{ personId: string; classification: string }]>(
        `SELECT person_id AS "personId", classification FROM candidates WHERE pool = 'BIJSTAND' AND source_reference = 'SDD-77'`,
      );
    expect(row).toEqual({ personId: ww.personId, classification: '80-100' });
    expect(
      await countOf(
        `SELECT count(*)::int AS count FROM persons p JOIN candidates c ON c.person_id = p.id WHERE p.id = $1`,
        [ww.personId],
      ),
    ).toBe(2);
  });

  it('fails a file that lacks required columns, naming them, and loads nothing', async () => {
    const report = await finished(
      uwvAdviser,
      (await upload(uwvAdviser, 'WW', 'klantnummer;naam\nUWV-9;X').expect(201)).body.id,
    );
    expect(report.status).toBe('FAILED');
    expect(report.failureReason).toContain('bsn, postcode, einddatum_ww, uren_min, uren_max');
  });

  it('refuses an upload without a file or pool, and an import into the other organisation’s pool', async () => {
    const missing = await test.http.post('/api/candidates/imports').set(uwvAdviser.headers).send({}).expect(422);
    expect(missing.body.code).toBe('IMPORT_FILE_MISSING');
    await upload(municipalAdviser, 'WW', UWV_HEADER).expect(403);
  });
});
