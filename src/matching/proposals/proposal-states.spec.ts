import { canMove, isOpen, PROPOSAL_STATES, ProposalState } from './proposal-states';

describe('proposal transitions', () => {
  it('walks shortlist → proposed → interview → hired', () => {
    expect(canMove('SHORTLISTED', 'PROPOSED')).toBe(true);
    expect(canMove('PROPOSED', 'INTERVIEW')).toBe(true);
    expect(canMove('INTERVIEW', 'HIRED')).toBe(true);
  });

  it('rejects and withdraws from every open state', () => {
    for (const from of ['SHORTLISTED', 'PROPOSED', 'INTERVIEW'] as ProposalState[]) {
      expect([from, canMove(from, 'REJECTED'), canMove(from, 'WITHDRAWN')]).toEqual([from, true, true]);
    }
  });

  it('does not skip steps or go back', () => {
    expect(canMove('SHORTLISTED', 'INTERVIEW')).toBe(false);
    expect(canMove('SHORTLISTED', 'HIRED')).toBe(false);
    expect(canMove('PROPOSED', 'HIRED')).toBe(false);
    expect(canMove('INTERVIEW', 'PROPOSED')).toBe(false);
    expect(canMove('PROPOSED', 'SHORTLISTED')).toBe(false);
  });

  it('keeps closed states final', () => {
    for (const from of ['HIRED', 'REJECTED', 'WITHDRAWN'] as ProposalState[]) {
      expect(isOpen(from)).toBe(false);
      expect(PROPOSAL_STATES.filter((to) => canMove(from, to))).toEqual([]);
    }
  });
});
