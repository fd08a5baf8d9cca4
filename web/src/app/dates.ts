const AMSTERDAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

/**
 * Today in the Netherlands as YYYY-MM-DD: the day the service reckons with (dates in the past,
 * "niet na vandaag", a placement's start). UTC's day is a day early from midnight to 01:00 (02:00 in
 * summer), the browser's own zone may be another country's.
 */
export function todayInNetherlands(now: Date = new Date()): string {
  return AMSTERDAM_DAY.format(now);
}

/**
 * The start date the placement dialog proposes: the vacancy's start, or today (in the Netherlands)
 * when that has passed. UTC's day proposed yesterday between midnight and 01:00.
 */
export function placementStartDefault(vacancyStart: string, now: Date = new Date()): string {
  const today = todayInNetherlands(now);
  return vacancyStart > today ? vacancyStart : today;
}
