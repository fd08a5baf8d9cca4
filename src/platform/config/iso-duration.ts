/**
 * ISO-8601 durations (the "designator" form PostgreSQL also reads as an interval): P3M, P1Y2M10D,
 * PT2S, P2W. At least one component; a T only with a time component after it; whole numbers only, so
 * months stay calendar months when PostgreSQL adds them to a date.
 */
const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

/**
 * One ISO-8601 duration, upper-cased; throws a message naming the bad value, for the configuration
 * error at start. Zero is refused: every duration here is a wait that must pass.
 */
export function parseIsoDuration(raw: string): string {
  const duration = raw.trim().toUpperCase();
  if (!ISO_DURATION.test(duration))
    throw new Error(`has "${duration}", which is not an ISO-8601 duration like P3M or PT2S`);
  if (!/[1-9]/.test(duration)) throw new Error(`has "${duration}", a duration of zero`);
  return duration;
}

/**
 * Parses FOLLOW_UP_OFFSETS: comma-separated ISO-8601 durations, the first is milestone 1, the next
 * milestone 2. Throws a message naming the bad part, for the configuration error at start.
 */
export function parseFollowUpOffsets(raw: string): string[] {
  const parts = raw.split(',').map((part) => part.trim());
  if (parts.every((part) => part === '')) {
    throw new Error('must list at least one ISO-8601 duration, e.g. P3M,P6M');
  }
  const offsets = parts.map(parseIsoDuration);
  if (new Set(offsets).size !== offsets.length) throw new Error('lists the same duration twice');
  return offsets;
}

/**
 * The wall-clock moment `duration` after midnight of `date` (YYYY-MM-DD), as PostgreSQL adds an
 * interval to a date: months first (calendar months, clamped to the month's last day: 31 August +
 * P3M is 30 November), then days, then the time part. Returned as milliseconds of that wall-clock
 * time read as UTC, so two such moments (or a date's midnight, `Date.parse(date)`) compare directly.
 */
export function wallClockAfter(date: string, duration: string): number {
  const parts = ISO_DURATION.exec(duration);
  if (!parts) throw new Error(`"${duration}" is not an ISO-8601 duration`);
  const number = (index: number): number => Number((parts[index] ?? '0').replace(/\D/g, '')) || 0;
  const months = number(1) * 12 + number(2);
  const days = number(3) * 7 + number(4);
  const seconds = number(6) * 3600 + number(7) * 60 + number(8);
  const [year, month, day] = date.split('-').map(Number);
  const monthIndex = month - 1 + months;
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  return Date.UTC(year, monthIndex, Math.min(day, lastDay)) + days * 86_400_000 + seconds * 1000;
}
