import { RegisterItemDto } from './dto/register.dto';
import { registerCsv } from './register-csv';

const item = (overrides: Partial<RegisterItemDto> = {}): RegisterItemDto => ({
  id: '6f1c1d52-1111-4a5b-9c6d-000000000001',
  startDate: '2026-09-01',
  endDate: null,
  ended: false,
  candidate: { id: 'c1', name: 'Zoë de Vries' },
  pool: 'BIJSTAND',
  targetGroup: 'SDD 80-100',
  unit: { id: 'u1', name: 'Zorg & schoonmaak' },
  vacancy: { id: 'v1', title: 'Schoonmaker; avond' },
  employer: { id: 'e1', name: 'Schoonmaakbedrijf "De Merwe"' },
  matcher: { id: 'm1', name: 'Matcher Staffing firm', organisation: 'STAFFING_FIRM' as never },
  contractType: 'FIXED_TERM',
  contractMonths: 6,
  hoursPerWeek: 24,
  instruments: ['BAANBONUS', 'PROEFPLAATSING'],
  sroi: true,
  sroiTenderReference: 'AB-2026-0173',
  outflow: { outflow: 'PARTIAL', benefitChangedOn: '2026-10-01' },
  ...overrides,
});

describe('register CSV', () => {
  it('opens in a Dutch Excel: BOM, ; between fields, CRLF, Dutch headers, quotes where needed', () => {
    const csv = registerCsv([item()]);
    expect(csv.startsWith('\ufeffPlaatsing;Startdatum;Einddatum;Kandidaat;')).toBe(true);
    const [header, row, end] = csv.split('\r\n');
    expect(header.split(';')).toHaveLength(19);
    expect(end).toBe('');
    // A ; and a " inside a value are quoted, the " doubled.
    expect(row).toBe(
      '6f1c1d52-1111-4a5b-9c6d-000000000001;2026-09-01;;Zoë de Vries;Bijstand;SDD 80-100;Zorg & schoonmaak;' +
        '"Schoonmaker; avond";"Schoonmaakbedrijf ""De Merwe""";Matcher Staffing firm;STAFFING_FIRM;bepaalde tijd;6;24;' +
        'BAANBONUS, PROEFPLAATSING;ja;AB-2026-0173;gedeeltelijk;2026-10-01',
    );
  });

  it('neutralises formulas: a cell starting with = + - or @ gets a leading quote', () => {
    const csv = registerCsv([
      item({
        candidate: { id: 'c2', name: '=HYPERLINK("http://x","klik")' },
        vacancy: { id: 'v2', title: '@SUM(A1)' },
      }),
      item({ employer: { id: 'e2', name: '+31 Bouw' }, sroiTenderReference: '-2+3' }),
    ]);
    const [, first, second] = csv.split('\r\n');
    expect(first).toContain(`;"'=HYPERLINK(""http://x"",""klik"")";`);
    expect(first).toContain(";'@SUM(A1);");
    expect(second).toContain(";'+31 Bouw;");
    expect(second).toContain(";'-2+3;");
  });

  it('writes a header only when nothing matches', () => {
    expect(registerCsv([]).split('\r\n')).toEqual([expect.stringContaining('Plaatsing;'), '']);
  });
});
