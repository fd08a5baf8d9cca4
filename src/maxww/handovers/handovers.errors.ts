import { DomainError, NotFoundError } from '@platform/errors/domain-error';

export class HandoverExistsError extends DomainError {
  readonly code = 'HANDOVER_EXISTS';
  readonly kind = 'conflict' as const;
  constructor() {
    super('This client was handed over already');
  }
}

export class HandoverNotFoundError extends NotFoundError {
  constructor() {
    super('Hand-over', 'HANDOVER_NOT_FOUND');
  }
}
