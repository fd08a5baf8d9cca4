import { QueryFailedError } from 'typeorm';
import { DomainError } from '@platform/errors/domain-error';

const FOREIGN_KEY_VIOLATION = '23503';

/** An id in the request that names nothing (`unitId` of a unit that does not exist): 422 on that field. */
export class UnknownReferenceError extends DomainError {
  readonly code = 'REFERENCE_UNKNOWN';
  readonly kind = 'invalid' as const;
}

/** A delete of something others still point at: 409, nothing deleted. */
export class StillReferencedError extends DomainError {
  readonly code = 'STILL_REFERENCED';
  readonly kind = 'conflict' as const;
}

/**
 * A foreign key violation as the client's error, for the one exception filter: services check the
 * references they know of, and the database has the last word on every other one (and on races).
 * Only column names are read from PostgreSQL's `detail` ("Key (unit_id)=(…) is not present in table
 * "units"."); its values never reach the answer or a log line.
 */
export function foreignKeyViolationAsDomainError(error: unknown): DomainError | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driverError = error.driverError as { code?: string; detail?: string };
  if (driverError.code !== FOREIGN_KEY_VIOLATION) return null;
  const detail = driverError.detail ?? '';
  if (/is still referenced from table/.test(detail)) {
    return new StillReferencedError('Other records still refer to this one; nothing was deleted');
  }
  const columns = /^Key \(([^)]*)\)=/.exec(detail)?.[1]?.split(',') ?? [];
  const fields = columns.map((column) => toCamelCase(column.trim())).filter((field) => /^[a-zA-Z]\w*$/.test(field));
  const fieldErrors = Object.fromEntries(
    (fields.length > 0 ? fields : ['body']).map((field) => [field, 'does not exist']),
  );
  return new UnknownReferenceError('The request refers to something that does not exist', { fieldErrors });
}

function toCamelCase(column: string): string {
  return column.replace(/"/g, '').replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}
