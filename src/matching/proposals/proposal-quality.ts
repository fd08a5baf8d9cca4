/**
 * Proposal quality (domain.md): proposals per placement, ideally 2 or fewer. A proposal counts when
 * it reached PROPOSED (a shortlist entry never sent to the employer does not), an interview when it
 * reached INTERVIEW, a placement when it ended HIRED. The caller picks the proposals by the time they
 * reached PROPOSED.
 */
export interface ProposalOutcome {
  vacancyId: string;
  matcherId: string;
  unitId: string;
  interviewed: boolean;
  hired: boolean;
}

export interface QualityFigures {
  proposals: number;
  interviews: number;
  placements: number;
  /** proposals ÷ placements, two decimals; null while there is no placement. */
  proposalsPerPlacement: number | null;
}

export interface ProposalQuality {
  total: QualityFigures;
  perVacancy: Array<QualityFigures & { vacancyId: string }>;
  perMatcher: Array<QualityFigures & { matcherId: string }>;
  perUnit: Array<QualityFigures & { unitId: string }>;
}

export function proposalQuality(outcomes: readonly ProposalOutcome[]): ProposalQuality {
  const group = <K extends 'vacancyId' | 'matcherId' | 'unitId'>(key: K) => {
    const byKey = new Map<string, ProposalOutcome[]>();
    for (const outcome of outcomes) byKey.set(outcome[key], [...(byKey.get(outcome[key]) ?? []), outcome]);
    return [...byKey.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, list]) => ({ [key]: id, ...figures(list) }) as QualityFigures & Record<K, string>);
  };
  return {
    total: figures(outcomes),
    perVacancy: group('vacancyId'),
    perMatcher: group('matcherId'),
    perUnit: group('unitId'),
  };
}

function figures(outcomes: readonly ProposalOutcome[]): QualityFigures {
  const proposals = outcomes.length;
  const placements = outcomes.filter((outcome) => outcome.hired).length;
  return {
    proposals,
    // A hire went through an interview, so it counts as one even if the interview was not recorded.
    interviews: outcomes.filter((outcome) => outcome.interviewed || outcome.hired).length,
    placements,
    proposalsPerPlacement: placements === 0 ? null : Math.round((proposals / placements) * 100) / 100,
  };
}
