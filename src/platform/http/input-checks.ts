/**
 * Checks every request value (body, query, path) gets whatever its DTO says, because PostgreSQL refuses
 * these values with an error rather than storing them: text with NUL (`\u0000`) or a lone surrogate
 * (not UTF-8), integers beyond a 4-byte column, and dates that do not exist or lie outside the years the
 * service works with. Refused field by field (422), like any other invalid field.
 */

/** Every whole-number column of the service is a PostgreSQL `integer` (or smaller). */
export const INPUT_INTEGER_MAX = 2_147_483_647;
export const INPUT_INTEGER_MIN = -2_147_483_648;
/** No date this service handles lies before 1900 or after 2199: such a date is a typo or a sentinel. */
export const INPUT_YEAR_MIN = 1900;
export const INPUT_YEAR_MAX = 2199;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A date or a date-time written as ISO 8601 (what the DTOs take); other text is not looked at as a date. */
const DATE_SHAPED = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d{2}:\d{2})/;

export const INPUT_MESSAGES = {
  nul: 'must not contain the NUL character (\\u0000)',
  surrogate: 'must be valid Unicode text (it holds a lone surrogate)',
  integer: `must be between ${INPUT_INTEGER_MIN} and ${INPUT_INTEGER_MAX}`,
  date: 'must be a real calendar date',
  year: `must be a date between ${INPUT_YEAR_MIN} and ${INPUT_YEAR_MAX}`,
} as const;

/** The problem with one text value, or null. */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return INPUT_MESSAGES.nul;
  if (LONE_SURROGATE.test(value)) return INPUT_MESSAGES.surrogate;
  const date = DATE_SHAPED.exec(value);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const asDate = new Date(Date.UTC(year, month - 1, day));
    const exists = month >= 1 && month <= 12 && asDate.getUTCMonth() === month - 1 && asDate.getUTCDate() === day;
    if (!exists) return INPUT_MESSAGES.date;
    if (year < INPUT_YEAR_MIN || year > INPUT_YEAR_MAX) return INPUT_MESSAGES.year;
  }
  return null;
}

/** The problem with one number, or null. JSON has no NaN or Infinity, but a query's `Number("1e999")` does. */
export function numberProblem(value: number): string | null {
  if (!Number.isFinite(value) || value > INPUT_INTEGER_MAX || value < INPUT_INTEGER_MIN) return INPUT_MESSAGES.integer;
  return null;
}

/**
 * Every problem in a request value, by field path as the validation errors name them (`contacts.1.email`).
 * Keys are checked as text too; `Date` values (a query's `@Type(() => Date)`) by their year.
 */
export function inputProblems(
  value: unknown,
  path = '',
  problems: Record<string, string> = {},
): Record<string, string> {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) problems[path || 'body'] = problem;
  } else if (typeof value === 'number') {
    const problem = numberProblem(value);
    if (problem) problems[path || 'body'] = problem;
  } else if (value instanceof Date) {
    const year = value.getUTCFullYear();
    if (!Number.isNaN(year) && (year < INPUT_YEAR_MIN || year > INPUT_YEAR_MAX)) problems[path] = INPUT_MESSAGES.year;
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => inputProblems(item, path ? `${path}.${index}` : String(index), problems));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = textProblem(key);
      const field = path ? `${path}.${key}` : key;
      if (keyProblem === INPUT_MESSAGES.nul || keyProblem === INPUT_MESSAGES.surrogate) problems[field] = keyProblem;
      else inputProblems(item, field, problems);
    }
  }
  return problems;
}
