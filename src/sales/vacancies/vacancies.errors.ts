import { VacancyStatus } from '@matching/profiles';
import { DomainError } from '@platform/errors/domain-error';

export class VacancyTransitionInvalidError extends DomainError {
  readonly code = 'VACANCY_TRANSITION_INVALID';
  readonly kind = 'conflict' as const;

  constructor(from: VacancyStatus, to: VacancyStatus) {
    super(`A vacancy cannot go from ${from} to ${to}`, { details: { from, to } });
  }
}

/** FILLED and CLOSED vacancies are final: no edits, no status change. */
export class VacancyClosedError extends DomainError {
  readonly code = 'VACANCY_CLOSED';
  readonly kind = 'conflict' as const;

  constructor(status: VacancyStatus) {
    super(`The vacancy is ${status} and can no longer be changed`, { details: { status } });
  }
}
