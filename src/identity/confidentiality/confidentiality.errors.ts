import { DomainError } from '@platform/errors/domain-error';

export class StatementActiveAlreadyError extends DomainError {
  readonly code = 'STATEMENT_ACTIVE_ALREADY';
  readonly kind = 'conflict' as const;
  constructor() {
    super('The user already has an active statement with this scope', { fieldErrors: { scope: 'is active already' } });
  }
}

export class StatementRevokedAlreadyError extends DomainError {
  readonly code = 'STATEMENT_REVOKED_ALREADY';
  readonly kind = 'conflict' as const;
  constructor() {
    super('The statement was revoked already');
  }
}
