import { addMonths } from '@matching/candidates/target-group';

/** The WW end dates a selection covers, both ends inclusive (ISO days). */
export interface SelectionWindow {
  from: string;
  to: string;
}

/** A calendar month, `2026-12`: from its first to its last day. */
export function monthWindow(month: string): SelectionWindow {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, '0')}` };
}

/**
 * "N to M months ahead", as regions that start earlier than Max-WW's three months count it: from today
 * plus N months to today plus M months, the day clamped to the month's end like `addMonths`
 * (on 31 December, 2 months ahead is 28 February).
 */
export function monthsAheadWindow(today: string, fromMonths: number, toMonths: number): SelectionWindow {
  return { from: addMonths(today, fromMonths), to: addMonths(today, toMonths) };
}

/** Whole days from `today` to `day` (negative when it has passed). */
export function daysBetween(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

const AMSTERDAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

/** The calendar day in the Netherlands at this moment (the team's "today"). */
export function amsterdamDay(at: Date): string {
  return AMSTERDAM_DAY.format(at);
}
