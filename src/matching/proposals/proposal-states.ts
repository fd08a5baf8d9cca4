/**
 * A proposal's life: the matcher shortlists from the ranked list, proposes to the employer, the
 * employer invites for an interview, and it ends hired, rejected or withdrawn.
 */
export const PROPOSAL_STATES = ['SHORTLISTED', 'PROPOSED', 'INTERVIEW', 'HIRED', 'REJECTED', 'WITHDRAWN'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/** States in which the proposal is still running (one per vacancy and candidate, a partial unique index). */
export const OPEN_STATES: readonly ProposalState[] = ['SHORTLISTED', 'PROPOSED', 'INTERVIEW'];

export const REJECTION_REASONS = [
  'EMPLOYER_OTHER_CANDIDATE',
  'EMPLOYER_SKILLS',
  'EMPLOYER_ATTITUDE',
  'EMPLOYER_NO_SHOW',
  'CANDIDATE_DECLINED',
  'MISMATCH_NOT_JOBREADY',
  'OTHER',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/**
 * Which state may follow which. Rejection and withdrawal are possible from every open state (a
 * matcher may drop a shortlisted candidate after reading the notes, an employer may say no at once).
 * HIRED follows only an interview, and only through a placement (POST /api/placements), so every hire
 * has its placement. Closed states are final: proposing the candidate again is a new proposal.
 */
export const PROPOSAL_TRANSITIONS: Readonly<Record<ProposalState, readonly ProposalState[]>> = {
  SHORTLISTED: ['PROPOSED', 'REJECTED', 'WITHDRAWN'],
  PROPOSED: ['INTERVIEW', 'REJECTED', 'WITHDRAWN'],
  INTERVIEW: ['HIRED', 'REJECTED', 'WITHDRAWN'],
  HIRED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

export function canMove(from: ProposalState, to: ProposalState): boolean {
  return PROPOSAL_TRANSITIONS[from].includes(to);
}

export function isOpen(state: ProposalState): boolean {
  return OPEN_STATES.includes(state);
}
