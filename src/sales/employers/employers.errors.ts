import { DomainError } from '@platform/errors/domain-error';

export class KvkNumberTakenError extends DomainError {
  readonly code = 'KVK_NUMBER_TAKEN';
  readonly kind = 'conflict' as const;

  constructor() {
    super('An employer with this KvK number exists already', {
      fieldErrors: { kvkNumber: 'is already registered for another employer' },
    });
  }
}

export class EmployerArchivedError extends DomainError {
  readonly code = 'EMPLOYER_ARCHIVED';
  readonly kind = 'conflict' as const;

  constructor() {
    super('The employer is archived; unarchive it first');
  }
}
