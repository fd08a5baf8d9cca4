import { HttpStatus } from '@nestjs/common';
import { DomainErrorKind } from './domain-error';

/** The one place where domain error kinds become HTTP statuses. */
export const HTTP_STATUS_OF: Record<DomainErrorKind, HttpStatus> = {
  malformed: HttpStatus.BAD_REQUEST,
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  gone: HttpStatus.GONE,
  'too-many': HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};
