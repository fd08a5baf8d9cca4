import { VacancyStatus } from '@matching/profiles';
import { DomainError, FieldRuleError } from '@platform/errors/domain-error';
import { InstrumentRefusal } from './instruments';

export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  readonly kind = 'invalid' as const;
  constructor() {
    super('This Idempotency-Key was used for another request; use a new key for a new placement');
  }
}

export class InstrumentNotAcceptedError extends FieldRuleError {
  constructor(instrument: string) {
    super('INSTRUMENT_NOT_ACCEPTED', 'instruments', `${instrument} is not accepted by the vacancy`);
  }
}

const REFUSALS: Record<InstrumentRefusal, string> = {
  CONTRACT_TOO_SHORT: 'needs a contract that covers at least 6 months',
  NOT_AN_AGENCY_PLACEMENT: 'is for placements through the staffing agency (AGENCY) only',
  NOT_FOR_TARGET_GROUP: "is not for the candidate's target group",
};

export class InstrumentNotAllowedError extends DomainError {
  readonly code = 'INSTRUMENT_NOT_ALLOWED';
  readonly kind = 'invalid' as const;
  constructor(instrument: string, reason: InstrumentRefusal) {
    super(`${instrument} ${REFUSALS[reason]}`, {
      fieldErrors: { instruments: `${instrument} ${REFUSALS[reason]}` },
      details: { instrument, reason },
    });
  }
}

export class ProposalNotAtInterviewError extends DomainError {
  readonly code = 'PROPOSAL_TRANSITION_INVALID';
  readonly kind = 'conflict' as const;
  constructor(state: string) {
    super(`A placement follows an interview; the proposal is ${state}`, { details: { from: state, to: 'HIRED' } });
  }
}

/** Only an OPEN vacancy takes a placement (ON_HOLD, FILLED, CLOSED and DRAFT do not). */
export class VacancyNotOpenError extends DomainError {
  readonly code = 'VACANCY_NOT_OPEN';
  readonly kind = 'conflict' as const;
  constructor(status: VacancyStatus) {
    super(`The vacancy is ${status}; only an OPEN vacancy takes a placement`, { details: { status } });
  }
}

/** An OPEN vacancy whose positions left were set to 0 by hand. */
export class NoPositionLeftError extends DomainError {
  readonly code = 'NO_POSITION_LEFT';
  readonly kind = 'conflict' as const;
  constructor() {
    super('The vacancy has no position left', { details: { positionsLeft: 0 } });
  }
}

export class PlacementEndedAlreadyError extends DomainError {
  readonly code = 'PLACEMENT_ENDED_ALREADY';
  readonly kind = 'conflict' as const;
  constructor() {
    super('The placement has ended already');
  }
}
