import { DomainError } from '@platform/errors/domain-error';

export class SetupDoneError extends DomainError {
  readonly code = 'SETUP_DONE';
  readonly kind = 'gone' as const;
  constructor() {
    super('The first-run set-up is done: sign in as an administrator');
  }
}

export class SetupTokenInvalidError extends DomainError {
  readonly code = 'SETUP_TOKEN_INVALID';
  readonly kind = 'forbidden' as const;
  constructor() {
    super('The set-up token is wrong: use the one the service printed when it started', {
      fieldErrors: { setupToken: 'is not the token the service printed at start' },
    });
  }
}

export class TooManySetupAttemptsError extends DomainError {
  readonly code = 'TOO_MANY_SETUP_ATTEMPTS';
  readonly kind = 'too-many' as const;
  constructor(retryAfterSeconds: number) {
    super(`Too many wrong set-up tokens; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}
