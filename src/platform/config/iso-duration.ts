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
