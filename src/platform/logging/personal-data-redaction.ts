/**
 * What may not reach a log line, and how a log object is made safe. Applied once, in the root logger's
 * `logMethod` hook (see root-logger.ts), so every path that ends in pino is covered: Nest's Logger, the
 * exception filter, TypeORM's logger, the request log and the workers.
 */

export const REDACTED = '[redacted]';

/** Fields that hold personal data or secrets, wherever they appear in a log object. */
export const PERSONAL_FIELDS = new Set([
  'bsn',
  'bsnCiphertext',
  'password',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'dateOfBirth',
  'postcode',
  'body',
]);

/**
 * Fields of database errors (pg's DatabaseError, copied onto TypeORM's QueryFailedError) and of
 * TypeORM's query logging that carry stored or submitted values: `detail` holds "Failing row contains
 * (…)" or "Key (email)=(…)", `parameters` the bound values, `where`/`hint`/`internalQuery` fragments of
 * them.
 */
const VALUE_FIELDS = new Set(['detail', 'parameters', 'where', 'hint', 'internalQuery']);

/** SQL text: kept for its shape, with its literals taken out (parameters are redacted separately). */
const QUERY_FIELDS = new Set(['query', 'sql']);

const MAX_DEPTH = 8;

/** Names PostgreSQL puts before a quoted identifier; anything else in double quotes is a value. */
const IDENTIFIER_KINDS =
  'relation|column|constraint|table|index|type|function|schema|database|role|sequence|view|extension|trigger|domain|operator|collation|cursor|savepoint|statement|channel|publication|subscription|tablespace|server|policy|rule|aggregate|procedure|routine|of';
const QUOTED = new RegExp(`(\\b(?:${IDENTIFIER_KINDS})\\s+)?"((?:[^"]|"")*)"`, 'g');

/**
 * An error message without the values PostgreSQL quotes in it (`invalid input syntax for type uuid:
 * "…"`, `date/time field value out of range: "…"`); identifiers (`column "name" of relation
 * "candidates"`) stay, they say where the problem is.
 */
export function withoutQuotedValues(message: string): string {
  return message.replace(QUOTED, (whole, kind: string | undefined) => (kind ? whole : `"${REDACTED}"`));
}

/** SQL with its string literals replaced by '?': a literal may be a person's value. */
export function withoutSqlLiterals(query: string): string {
  return query.replace(/'(?:[^']|'')*'/g, "'?'").replace(/\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g, "'?'");
}

/** A log object (or value) with every personal or stored value replaced; the input is not changed. */
export function withoutPersonalData(value: unknown): unknown {
  return clean(value, 0, new WeakSet());
}

/** An error as a plain object that can be logged: type, message and stack without values, safe fields. */
export function safeError(error: Error): Record<string, unknown> {
  return cleanError(error, 0, new WeakSet());
}

function clean(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  if (value instanceof Error) return cleanError(value, depth, seen);
  if (value instanceof Date) return value;
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return '[binary]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => clean(item, depth + 1, seen));
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) result[key] = cleanField(key, field, depth, seen);
  return result;
}

function cleanField(key: string, field: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (field === undefined || field === null) return field;
  if (PERSONAL_FIELDS.has(key) || VALUE_FIELDS.has(key)) return REDACTED;
  if (QUERY_FIELDS.has(key)) return typeof field === 'string' ? withoutSqlLiterals(field) : REDACTED;
  return clean(field, depth + 1, seen);
}

function cleanError(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  seen.add(error);
  const type = error.constructor?.name ?? error.name;
  const message = withoutQuotedValues(String(error.message));
  const result: Record<string, unknown> = { type, message };
  if (typeof error.stack === 'string') {
    // The stack's first line repeats the raw message; keep only the frames under the clean one.
    const frames = error.stack.indexOf('\n    at ');
    result.stack = `${type}: ${message}${frames >= 0 ? error.stack.slice(frames) : ''}`;
  }
  for (const [key, field] of Object.entries(error)) {
    if (key === 'message' || key === 'stack' || key === 'name') continue;
    result[key] = cleanField(key, field, depth, seen);
  }
  const cause = (error as { cause?: unknown }).cause;
  if (cause !== undefined && !('cause' in result)) result.cause = clean(cause, depth + 1, seen);
  return result;
}
