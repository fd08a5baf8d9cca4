import { DomainError } from '@platform/errors/domain-error';
import { Requirement } from '@matching/engine/requirements';
import { ProposalState } from './proposal-states';

/** The candidate fails a hard requirement of the vacancy: no proposal ("rather say no than send a 20% fit"). */
export class RequirementNotMetError extends DomainError {
  readonly code = 'REQUIREMENT_NOT_MET';
  readonly kind = 'invalid' as const;
  constructor(failures: Array<{ requirement: Requirement; sentence: string }>) {
    super(`The candidate does not meet the requirement ${failures[0].requirement}: ${failures[0].sentence}`, {
      details: { requirement: failures[0].requirement, sentence: failures[0].sentence, failures },
    });
  }
}

export class ProposalOpenAlreadyError extends DomainError {
  readonly code = 'PROPOSAL_OPEN_ALREADY';
  readonly kind = 'conflict' as const;
  constructor() {
    super('The candidate has an open proposal for this vacancy already');
  }
}

export class ProposalTransitionInvalidError extends DomainError {
  readonly code = 'PROPOSAL_TRANSITION_INVALID';
  readonly kind = 'conflict' as const;
  constructor(from: ProposalState, to: ProposalState) {
    super(`A proposal cannot go from ${from} to ${to}`, { details: { from, to } });
  }
}

export class HireThroughPlacementError extends DomainError {
  readonly code = 'HIRE_THROUGH_PLACEMENT';
  readonly kind = 'conflict' as const;
  constructor() {
    super('A proposal becomes HIRED by registering the placement (POST /api/placements)');
  }
}

export class VacancyNotOpenForProposalsError extends DomainError {
  readonly code = 'VACANCY_NOT_OPEN';
  readonly kind = 'conflict' as const;
  constructor(status: string) {
    super(`The vacancy is ${status}: candidates are proposed for open vacancies only`);
  }
}
