import { QueryFailedError } from 'typeorm';

const UNIQUE_VIOLATION = '23505';

/**
 * Whether a failed query broke a unique constraint (optionally: this one). Services turn it into their
 * domain error (EMAIL_TAKEN, CERTIFICATE_CODE_TAKEN…): the database decides races between two writers.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === UNIQUE_VIOLATION && (!constraint || driverError.constraint === constraint);
}
