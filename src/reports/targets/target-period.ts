/**
 * Target periods: a calendar year ('2026') or a quarter ('2026-Q3'), as Dutch calendar dates, both
 * ends inclusive. Placements count in the period of their start date (a date without time zone, as
 * the placement records it), so the boundaries are plain dates.
 */
export type TargetPeriodKind = 'YEAR' | 'QUARTER';

export interface TargetPeriod {
  key: string;
  kind: TargetPeriodKind;
  start: string;
  end: string;
}

export const TARGET_PERIOD = /^(\d{4})(?:-Q([1-4]))?$/;

const pad = (value: number) => String(value).padStart(2, '0');

/** Last day of a month (1–12) in a year. */
function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The period for '2026' or '2026-Q3'; null for anything else. */
export function parseTargetPeriod(key: string): TargetPeriod | null {
  const match = TARGET_PERIOD.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) return null;
  if (!match[2]) return { key, kind: 'YEAR', start: `${year}-01-01`, end: `${year}-12-31` };
  const quarter = Number(match[2]);
  const firstMonth = quarter * 3 - 2;
  const endMonth = quarter * 3;
  return {
    key,
    kind: 'QUARTER',
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${year}-${pad(endMonth)}-${pad(lastDay(year, endMonth))}`,
  };
}

/** The quarter a date falls in: '2026-11-22' → 2026-Q4. */
export function quarterOf(day: string): TargetPeriod {
  const month = Number(day.slice(5, 7));
  return parseTargetPeriod(`${day.slice(0, 4)}-Q${Math.ceil(month / 3)}`)!;
}

export function yearOf(day: string): TargetPeriod {
  return parseTargetPeriod(day.slice(0, 4))!;
}

/** The period before: 2026-Q1 → 2025-Q4, 2026 → 2025 (what the targets page shows beside the next one). */
export function previousPeriod(period: TargetPeriod): TargetPeriod {
  const year = Number(period.key.slice(0, 4));
  if (period.kind === 'YEAR') return parseTargetPeriod(String(year - 1))!;
  const quarter = Number(period.key.slice(6));
  return parseTargetPeriod(quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`)!;
}

/** Every year, then every quarter, that overlaps [from, to], oldest first. */
export function periodsOverlapping(from: string, to: string): TargetPeriod[] {
  const years: TargetPeriod[] = [];
  const quarters: TargetPeriod[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    years.push(parseTargetPeriod(String(year))!);
    for (let quarter = 1; quarter <= 4; quarter++) {
      const period = parseTargetPeriod(`${year}-Q${quarter}`)!;
      if (period.end >= from && period.start <= to) quarters.push(period);
    }
  }
  return [...years, ...quarters];
}

/** Calendar days from a to b, both counted: 1 for the same day. */
export function daysInclusive(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000) + 1;
}
