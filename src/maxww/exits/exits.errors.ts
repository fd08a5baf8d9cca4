import { DomainError } from '@platform/errors/domain-error';

export class ExitRecordedAlreadyError extends DomainError {
  readonly code = 'EXIT_RECORDED_ALREADY';
  readonly kind = 'conflict' as const;
  constructor() {
    super('This client has an exit already; the programme is one pass');
  }
}
