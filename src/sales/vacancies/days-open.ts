/** Calendar date in the Netherlands, 'YYYY-MM-DD' ('en-CA' formats dates that way). */
const DUTCH_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whole calendar days between opening and now, counted in Dutch local dates: a vacancy opened at
 * 23:30 yesterday is open 1 day this morning, as people at the stand-up count it.
 */
export function daysOpen(openedAt: Date, now: Date): number {
  const opened = Date.parse(DUTCH_DATE.format(openedAt));
  const today = Date.parse(DUTCH_DATE.format(now));
  return Math.max(0, Math.round((today - opened) / DAY_MS));
}
