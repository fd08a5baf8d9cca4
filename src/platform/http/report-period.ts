import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';
import { RequestValidationError } from '@platform/errors/domain-error';
import { Optional } from '@platform/http/optional';

/**
 * The period of a report: Dutch calendar days, both inclusive. Every report answers for this calendar
 * year up to today (Dutch time) when `from` and `to` are missing: a missing `to` is today, a missing
 * `from` is 1 January of the year of `to`.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A longer period is refused: reports list months, and a manager compares periods, not decades. */
export const MAX_PERIOD_YEARS = 5;

/** Calendar date in the Netherlands, 'YYYY-MM-DD' ('en-CA' formats dates that way). */
const DUTCH_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in the Netherlands: at 00:30 Amsterdam time it is already the next day there, not yet in UTC. */
export function dutchDate(moment: Date): string {
  return DUTCH_DATE.format(moment);
}

export interface Period {
  from: string;
  to: string;
}

/** Field errors of a period, or null when it is fine: from ≤ to, and to less than 5 years after from. */
export function periodErrors(from: string, to: string): Record<string, string> | null {
  if (to < from) return { to: 'must not be before from' };
  // Same day 5 years on, as text: 29 February compares fine against any real date.
  const limit = `${Number(from.slice(0, 4)) + MAX_PERIOD_YEARS}${from.slice(4)}`;
  if (to >= limit) return { to: `must be less than ${MAX_PERIOD_YEARS} years after from (before ${limit})` };
  return null;
}

/** The period asked for, with the defaults filled in: to = today, from = 1 January of to's year. */
export function periodOrDefault(query: { from?: string; to?: string }, today: string): Period {
  const to = query.to ?? today;
  return { from: query.from ?? `${to.slice(0, 4)}-01-01`, to };
}

/** periodOrDefault, refused with 422 when from is after to or the period is 5 years or longer. */
export function resolvePeriod(query: { from?: string; to?: string }, now: Date): Period {
  const period = periodOrDefault(query, dutchDate(now));
  const errors = periodErrors(period.from, period.to);
  if (errors) throw new RequestValidationError(errors);
  return period;
}

/** `?from=&to=` of every report; both optional (this year to date). */
export class ReportPeriodQuery {
  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'First day, inclusive (Dutch calendar date); default 1 January of the year of `to`',
  })
  @Optional()
  @Matches(DAY, { message: 'must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'must be a real calendar date' })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-31',
    description: 'Last day, inclusive; default today (Dutch time); less than 5 years after `from`',
  })
  @Optional()
  @Matches(DAY, { message: 'must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'must be a real calendar date' })
  to?: string;
}
