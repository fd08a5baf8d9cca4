import { DomainError, FieldRuleError } from '@platform/errors/domain-error';

export class VacancyNotOpenForMatchingError extends DomainError {
  readonly code = 'VACANCY_NOT_OPEN';
  readonly kind = 'conflict' as const;
  constructor(status: string) {
    super(`The vacancy is ${status}: there is nothing to match any more`);
  }
}

export class CursorInvalidError extends FieldRuleError {
  constructor() {
    super('CURSOR_INVALID', 'cursor', 'must be the nextCursor of the previous page');
  }
}
