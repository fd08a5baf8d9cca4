/**
 * What kind of failure a domain error is; the one exception filter maps each kind to an HTTP status.
 * Services throw domain errors, never HttpExceptions.
 */
export type DomainErrorKind =
  | 'malformed' // a body that cannot be read at all (JSON nested too deep, broken multipart): 400
  | 'invalid' // input that breaks a rule: 422
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'conflict' // state does not allow it, stale version, duplicate: 409
  | 'gone' // existed once and never will again (the first-run set-up after it): 410
  | 'too-many' // 429
  | 'unavailable'; // a dependency is down: 503

export abstract class DomainError extends Error {
  /** Stable, machine-readable code, e.g. VACANCY_CLOSED; never renamed once shipped. */
  abstract readonly code: string;
  abstract readonly kind: DomainErrorKind;
  /** Field-by-field messages, where the error is about particular fields. */
  readonly fieldErrors?: Record<string, string>;
  /** Extra, non-personal facts for the client (e.g. the failed requirement). */
  readonly details?: Record<string, unknown>;

  /** For kind 'too-many': seconds until a retry can succeed (sent as Retry-After). */
  readonly retryAfterSeconds?: number;

  constructor(
    message: string,
    options?: { fieldErrors?: Record<string, string>; details?: Record<string, unknown>; retryAfterSeconds?: number },
  ) {
    super(message);
    this.name = new.target.name;
    this.fieldErrors = options?.fieldErrors;
    this.details = options?.details;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

export class RequestValidationError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  readonly kind = 'invalid' as const;

  constructor(fieldErrors: Record<string, string>) {
    super('The request has invalid fields', { fieldErrors });
  }
}

/** A request body that cannot be read at all: 400, before any field is looked at. */
export abstract class MalformedRequestError extends DomainError {
  readonly kind = 'malformed' as const;
}

export class NotFoundError extends DomainError {
  readonly code: string;
  readonly kind = 'not-found' as const;

  constructor(what: string, code = 'NOT_FOUND') {
    super(`${what} not found`);
    this.code = code;
  }
}

/** A rule about particular fields that needs the database to check (unknown reference, taken name). */
export class FieldRuleError extends DomainError {
  readonly code: string;
  readonly kind = 'invalid' as const;

  constructor(code: string, field: string, message: string) {
    super(message, { fieldErrors: { [field]: message } });
    this.code = code;
  }
}

export class StaleVersionError extends DomainError {
  readonly code = 'STALE_VERSION';
  readonly kind = 'conflict' as const;

  constructor(what: string) {
    super(`${what} was changed by someone else; reload it and try again`);
  }
}
