import { TargetGroup } from '@matching/candidates/target-group';
import { ProposalCounts, proposalQuality } from './proposal-quality';

/** One proposal, as the database counts it: reached P(roposed), I(nterview) or H(ired). */
const outcome = (
  vacancyId: string,
  matcherId: string,
  unitId: string,
  reached: 'P' | 'I' | 'H',
  targetGroup: TargetGroup | null = 'WW',
): ProposalCounts => ({
  vacancyId,
  matcherId,
  unitId,
  targetGroup,
  proposals: 1,
  interviews: reached === 'P' ? 0 : 1,
  placements: reached === 'H' ? 1 : 0,
});

describe('proposal quality', () => {
  it('counts proposals, interviews and placements per vacancy, matcher and unit', () => {
    const result = proposalQuality([
      // vacancy v1 (unit u1): matcher m1 proposes 3, one interview, one hire → 3 : 1
      outcome('v1', 'm1', 'u1', 'P'),
      outcome('v1', 'm1', 'u1', 'I'),
      outcome('v1', 'm1', 'u1', 'H'),
      // vacancy v2 (unit u2): m1 one hire, m2 one proposal → 2 : 1
      outcome('v2', 'm1', 'u2', 'H'),
      outcome('v2', 'm2', 'u2', 'P'),
    ]);
    // total: 5 proposals, interviews 1 + 2 hires = 3, placements 2 → 5 / 2 = 2.5
    expect(result.total).toEqual({ proposals: 5, interviews: 3, placements: 2, proposalsPerPlacement: 2.5 });
    expect(result.perVacancy).toEqual([
      { vacancyId: 'v1', proposals: 3, interviews: 2, placements: 1, proposalsPerPlacement: 3 },
      { vacancyId: 'v2', proposals: 2, interviews: 1, placements: 1, proposalsPerPlacement: 2 },
    ]);
    // m1: 4 proposals, 2 hires → 2; m2: 1 proposal, no hire → null (no ratio without a placement)
    expect(result.perMatcher).toEqual([
      { matcherId: 'm1', proposals: 4, interviews: 3, placements: 2, proposalsPerPlacement: 2 },
      { matcherId: 'm2', proposals: 1, interviews: 0, placements: 0, proposalsPerPlacement: null },
    ]);
    expect(result.perUnit.map((unit) => [unit.unitId, unit.proposalsPerPlacement])).toEqual([
      ['u1', 3],
      ['u2', 2],
    ]);
  });

  it('counts per target group, the proposals of candidates in no group last', () => {
    const result = proposalQuality([
      // MAX WW: 2 proposals, 1 hire → 2; SDD 50-80: 3 proposals (counted together), 1 hire → 3; none: 1, no hire
      outcome('v1', 'm1', 'u1', 'H', 'MAX WW'),
      outcome('v1', 'm1', 'u1', 'P', 'MAX WW'),
      { ...outcome('v2', 'm1', 'u1', 'H', 'SDD 50-80'), proposals: 3, interviews: 2 },
      outcome('v2', 'm1', 'u1', 'P', null),
    ]);
    expect(result.perTargetGroup).toEqual([
      { targetGroup: 'MAX WW', proposals: 2, interviews: 1, placements: 1, proposalsPerPlacement: 2 },
      { targetGroup: 'SDD 50-80', proposals: 3, interviews: 2, placements: 1, proposalsPerPlacement: 3 },
      { targetGroup: null, proposals: 1, interviews: 0, placements: 0, proposalsPerPlacement: null },
    ]);
    // total 6 proposals / 2 placements = 3
    expect(result.total.proposalsPerPlacement).toBe(3);
  });

  it('rounds the ratio to two decimals: 7 proposals / 3 placements = 2.33', () => {
    const seven = [...Array(7).keys()].map((index) => outcome('v', 'm', 'u', index < 3 ? 'H' : 'P'));
    expect(proposalQuality(seven).total.proposalsPerPlacement).toBe(2.33);
  });
});
