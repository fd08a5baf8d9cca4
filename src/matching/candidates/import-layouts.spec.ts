import { LAYOUTS, missingColumns, parseRow, RowContext, toIsoDate } from './import-layouts';

const WAREHOUSE = 'http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f';
const context: RowContext = {
  today: '2026-11-22',
  knownPc4: (pc4) => pc4 === '3311',
  selectableCertificates: new Set(['VCA', 'HEFTRUCK']),
};

const uwvRow = {
  klantnummer: 'WW-1',
  bsn: '111222333',
  naam: 'Jan de Vries',
  postcode: '3311ab',
  einddatum_ww: '15-01-2027',
  uren_min: '24',
  uren_max: '38',
  werkervaring: `${WAREHOUSE}=4`,
  rijbewijzen: 'B|C',
  vervoer: 'auto|fiets',
  certificaten: 'VCA',
  opleidingsniveau: 'MBO-2',
  wajong: 'nee',
};

describe('parseRow (UWV layout)', () => {
  it('normalises a valid row', () => {
    const result = parseRow(LAYOUTS.WW, uwvRow, context);
    expect(result).toEqual({
      row: expect.objectContaining({
        sourceReference: 'WW-1',
        bsn: '111222333',
        postcode: '3311 AB',
        pc4: '3311',
        wwEndDate: '2027-01-15',
        workExperience: [{ occupationUri: WAREHOUSE, years: 4 }],
        drivingLicences: ['B', 'C'],
        transport: ['CAR', 'BIKE'],
        educationLevel: 'mbo-2',
        availableFrom: '2026-11-22',
        acceptsBroodbaan: true,
      }),
    });
  });

  it('reports every problem of a row by column, without the values', () => {
    const result = parseRow(
      LAYOUTS.WW,
      { ...uwvRow, bsn: '123456789', postcode: '9999 ZZ', uren_min: '40', uren_max: '20', certificaten: 'XYZ' },
      context,
    );
    expect(result).toEqual({
      problems: [
        { field: 'bsn', reason: 'is not a valid BSN (9 digits, elfproef)' },
        { field: 'postcode', reason: 'postcode area 9999 does not exist' },
        { field: 'certificaten', reason: 'unknown or deactivated certificate XYZ' },
        { field: 'uren_max', reason: 'must be at least uren_min' },
      ],
    });
    expect(JSON.stringify(result)).not.toContain('123456789');
  });

  it('requires the WW end date in the UWV layout', () => {
    expect(parseRow(LAYOUTS.WW, { ...uwvRow, einddatum_ww: '' }, context)).toEqual({
      problems: [{ field: 'einddatum_ww', reason: 'is empty' }],
    });
  });
});

describe('parseRow (municipal layout)', () => {
  it('reads the klantprofiel as classification', () => {
    const result = parseRow(
      LAYOUTS.BIJSTAND,
      {
        clientnummer: 'SDD-9',
        bsn: '111222333',
        naam: 'X',
        postcode: '3311 AB',
        uren_min: '20',
        uren_max: '32',
        klantprofiel: 'Participatie',
      },
      context,
    );
    expect(result).toEqual({
      row: expect.objectContaining({ classification: 'PARTICIPATIE', wwEndDate: null, wajong: false }),
    });
  });
});

describe('columns and dates', () => {
  it('names the required columns a file lacks', () => {
    expect(missingColumns('BIJSTAND', ['Clientnummer', 'BSN', 'naam', 'uren_min'])).toEqual(['postcode', 'uren_max']);
  });

  it('reads ISO and Dutch dates and refuses days that do not exist', () => {
    expect(toIsoDate('2026-02-28')).toBe('2026-02-28');
    expect(toIsoDate('1-3-2026')).toBe('2026-03-01');
    expect(toIsoDate('30-02-2026')).toBeNull();
  });
});
