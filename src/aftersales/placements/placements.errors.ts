import { VacancyStatus } from '@matching/profiles';
import { DomainError, FieldRuleError } from '@platform/errors/domain-error';
import { TargetGroup } from '@matching/candidates/target-group';
import { Instrument } from '@sales/vacancies/vacancy-terms';
import { eligibleTargetGroups, InstrumentRefusal } from './instruments';

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

/** The reason in words: who the instrument is for, and the candidate's group when that is the reason. */
function reasonText(instrument: Instrument, reason: InstrumentRefusal, targetGroup: TargetGroup | null): string {
  switch (reason) {
    case 'CONTRACT_TOO_SHORT':
      return 'needs a contract that covers at least 6 months';
    case 'NOT_AN_AGENCY_PLACEMENT':
      return 'is for placements through the staffing agency (AGENCY) only';
    case 'NOT_50_80_IN_DOELGROEPREGISTER':
      return 'is for a UWV client with a work limitation (50-80) in the doelgroepregister only';
    case 'NOT_FOR_TARGET_GROUP': {
      const groups = eligibleTargetGroups(instrument) ?? [];
      const who = groups.length === 1 ? `the ${groups[0]} group` : `the target groups ${groups.join(', ')}`;
      return `is for ${who} only; the candidate ${targetGroup ? `counts as ${targetGroup}` : 'is in none of them'}`;
    }
  }
}

export class InstrumentNotAllowedError extends DomainError {
  readonly code = 'INSTRUMENT_NOT_ALLOWED';
  readonly kind = 'invalid' as const;
  constructor(instrument: Instrument, reason: InstrumentRefusal, targetGroup: TargetGroup | null) {
    const message = `${instrument} ${reasonText(instrument, reason, targetGroup)}`;
    super(message, {
      fieldErrors: { instruments: message },
      details: { instrument, reason, targetGroup },
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
