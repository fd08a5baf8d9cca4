import { DomainError } from '@platform/errors/domain-error';

export class InvalidCredentialsError extends DomainError {
  readonly code = 'INVALID_CREDENTIALS';
  readonly kind = 'unauthenticated' as const;
  constructor() {
    // One message for a wrong e-mail and a wrong password: no hint which accounts exist.
    super('E-mail address or password is wrong');
  }
}

export class NotSignedInError extends DomainError {
  readonly code = 'NOT_SIGNED_IN';
  readonly kind = 'unauthenticated' as const;
  constructor(reason = 'Sign in first') {
    super(reason);
  }
}

export class RefreshTokenInvalidError extends DomainError {
  readonly code = 'REFRESH_TOKEN_INVALID';
  readonly kind = 'unauthenticated' as const;
  constructor() {
    super('The refresh token is unknown, expired or revoked; sign in again');
  }
}

export class TooManyLoginAttemptsError extends DomainError {
  readonly code = 'TOO_MANY_LOGIN_ATTEMPTS';
  readonly kind = 'too-many' as const;
  constructor(retryAfterSeconds: number) {
    super(`Too many failed logins; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

export class TooManyRequestsError extends DomainError {
  readonly code = 'TOO_MANY_REQUESTS';
  readonly kind = 'too-many' as const;
  constructor(retryAfterSeconds: number) {
    super(`Too many requests from this user; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

export class RoleRequiredError extends DomainError {
  readonly code = 'ROLE_REQUIRED';
  readonly kind = 'forbidden' as const;
}

export class NotAllowedError extends DomainError {
  readonly code = 'NOT_ALLOWED';
  readonly kind = 'forbidden' as const;
}

export class EmailTakenError extends DomainError {
  readonly code = 'EMAIL_TAKEN';
  readonly kind = 'conflict' as const;
  constructor() {
    super('A user with this e-mail address exists already', {
      fieldErrors: { email: 'is taken by another user' },
    });
  }
}

export class UnitInUseError extends DomainError {
  readonly code = 'UNIT_IN_USE';
  readonly kind = 'conflict' as const;
  constructor() {
    super('The unit still has users; move them to another unit first');
  }
}

export class UnitNameTakenError extends DomainError {
  readonly code = 'UNIT_NAME_TAKEN';
  readonly kind = 'conflict' as const;
  constructor() {
    super('A unit with this name exists already', { fieldErrors: { name: 'is taken by another unit' } });
  }
}
