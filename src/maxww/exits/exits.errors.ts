import { DomainError } from '@platform/errors/domain-error';

export class ExitRecordedAlreadyError extends DomainError {
  readonly code = 'EXIT_RECORDED_ALREADY';
  readonly kind = 'conflict' as const;
  constructor() {
    super('This client has an exit already; the programme is one pass');
  }
}

/** Only the Max-WW team (UWV and the staffing firm) records exits and hand-overs. */
export class NotMaxWwTeamError extends DomainError {
  readonly code = 'NOT_MAX_WW_TEAM';
  readonly kind = 'forbidden' as const;
  constructor() {
    super('Only the Max-WW team (UWV or the staffing firm) may do this');
  }
}
