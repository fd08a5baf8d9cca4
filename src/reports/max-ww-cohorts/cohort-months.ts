/** Months as 'YYYY-MM'; both ends of a range inclusive. */
export const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** At most five years of months in one report (60), as the other reports' periods. */
export const MAX_MONTHS = 60;

/** Every month from `from` to `to`, in order: '2026-11', '2026-12', '2027-01'. */
export function monthsBetween(from: string, to: string): string[] {
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let index = fromYear * 12 + fromMonth - 1; index <= toYear * 12 + toMonth - 1; index++) {
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

/** The counts of one intake month; the totals row is their sum. */
export interface CohortCounts {
  invited: number;
  attended: number;
  inMediation: number;
  placedByTeam: number;
  ownJob: number;
  movedToBijstand: number;
  otherExit: number;
  stillInMediation: number;
}

export const EMPTY_COUNTS: CohortCounts = {
  invited: 0,
  attended: 0,
  inMediation: 0,
  placedByTeam: 0,
  ownJob: 0,
  movedToBijstand: 0,
  otherExit: 0,
  stillInMediation: 0,
};

export function sumCounts(rows: CohortCounts[]): CohortCounts {
  const total = { ...EMPTY_COUNTS };
  for (const row of rows) for (const key of Object.keys(total) as Array<keyof CohortCounts>) total[key] += row[key];
  return total;
}
