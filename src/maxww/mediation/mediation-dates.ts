/**
 * The programme's calendar: about three months of mediation, and "within two weeks we call, even with
 * no news". Plain functions on ISO days (YYYY-MM-DD), so the rules can be tested with literal dates.
 */
const DAY_MS = 86_400_000;

/** The programme runs three months from the start. */
export const PROGRAMME_MONTHS = 3;

/** The two-week promise: the next contact is due this many days after the last (or after the start). */
export const CONTACT_INTERVAL_DAYS = 14;

function toUtc(day: string): Date {
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))));
}

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return isoOf(new Date(toUtc(day).getTime() + days * DAY_MS));
}

/** Calendar months; a day the target month lacks becomes its last day (31 January + 1 month = 28 February). */
export function addMonths(day: string, months: number): string {
  const start = toUtc(day);
  const firstOfTarget = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
  const lastOfTarget = new Date(
    Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0),
  ).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(start.getUTCDate(), lastOfTarget));
  return isoOf(firstOfTarget);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / DAY_MS);
}

export function plannedEndOf(startedOn: string): string {
  return addMonths(startedOn, PROGRAMME_MONTHS);
}

export function defaultNextContactDue(contactOn: string): string {
  return addDays(contactOn, CONTACT_INTERVAL_DAYS);
}

/**
 * When the next contact is due: what the newest contact said, or, before the first contact, two
 * weeks after the start.
 */
export function nextContactDue(
  startedOn: string,
  newestContact: { nextContactDue: string | null; contactOn: string } | null,
): string {
  if (!newestContact) return addDays(startedOn, CONTACT_INTERVAL_DAYS);
  return newestContact.nextContactDue ?? defaultNextContactDue(newestContact.contactOn);
}

/** Days the next contact is overdue on `today`: 0 while it is due today or later. */
export function daysOverdue(due: string, today: string): number {
  return Math.max(0, daysBetween(due, today));
}

/** Today's calendar day where the team works: one formatter for the whole Max-WW area. */
export { amsterdamDay } from '@maxww/selection/selection-window';
