/**
 * Calendar days as the service reckons them: in Amsterdam. A test that took "today" from UTC
 * planned a meeting for a day that, from 23:00 UTC (00:00 in Amsterdam in winter), the service
 * already counts as past, so the stories failed for an hour each night.
 */
const AMSTERDAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

/** `YYYY-MM-DD`, `days` from today in Amsterdam (negative: before). */
export function dutchDay(days = 0, now = new Date()): string {
  const today = AMSTERDAM_DAY.format(now);
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The first day of the month `months` after this one in Amsterdam, as a UTC date (year, month, day 1). */
export function dutchMonthStart(months = 0, now = new Date()): Date {
  const [year, month] = AMSTERDAM_DAY.format(now).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1 + months, 1));
}

/** Day of the month today in Amsterdam. */
export function dutchDayOfMonth(now = new Date()): number {
  return Number(AMSTERDAM_DAY.format(now).slice(8, 10));
}
