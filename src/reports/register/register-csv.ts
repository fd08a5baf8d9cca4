import { stringify } from 'csv-stringify/sync';
import { RegisterItemDto } from './dto/register.dto';

/**
 * The register as a CSV file for Excel as Dutch users have it: `;` between fields (a Dutch Excel reads
 * `,` as the decimal sign), UTF-8 with a byte-order mark (so "Zoë" and "€" survive), CRLF line ends,
 * Dutch headers, and cells that start with = + - @ (or a tab or CR) prefixed with ' so Excel never runs
 * them as a formula (CSV injection). No BSN and no contact details: the row holds none.
 */
const COLUMNS: Array<[header: string, value: (item: RegisterItemDto) => string | number | null]> = [
  ['Plaatsing', (item) => item.id],
  ['Startdatum', (item) => item.startDate],
  ['Einddatum', (item) => item.endDate],
  ['Kandidaat', (item) => item.candidate.name],
  ['Pool', (item) => (item.pool === 'WW' ? 'WW' : 'Bijstand')],
  ['Doelgroep', (item) => item.targetGroup],
  ['Unit', (item) => item.unit.name],
  ['Vacature', (item) => item.vacancy.title],
  ['Werkgever', (item) => item.employer.name],
  ['Matcher', (item) => item.matcher?.name ?? null],
  ['Organisatie matcher', (item) => item.matcher?.organisation ?? null],
  ['Contract', (item) => CONTRACTS[item.contractType]],
  ['Maanden', (item) => item.contractMonths],
  ['Uren per week', (item) => item.hoursPerWeek],
  ['Instrumenten', (item) => item.instruments.join(', ')],
  ['SROI', (item) => (item.sroi ? 'ja' : 'nee')],
  ['Aanbesteding', (item) => item.sroiTenderReference],
  ['Uitstroom', (item) => (item.outflow ? OUTFLOWS[item.outflow.outflow] : 'niet vastgelegd')],
  ['Datum uitstroom', (item) => item.outflow?.benefitChangedOn ?? null],
];

const CONTRACTS: Record<RegisterItemDto['contractType'], string> = {
  AGENCY: 'uitzend',
  FIXED_TERM: 'bepaalde tijd',
  PERMANENT: 'vast',
};

const OUTFLOWS = { FULL: 'volledig', PARTIAL: 'gedeeltelijk', NONE: 'geen' } as const;

export function registerCsv(items: readonly RegisterItemDto[]): string {
  return stringify(
    items.map((item) => COLUMNS.map(([, value]) => value(item) ?? '')),
    {
      bom: true,
      delimiter: ';',
      record_delimiter: 'windows',
      header: true,
      columns: COLUMNS.map(([header]) => header),
      escape_formulas: true,
    },
  );
}
