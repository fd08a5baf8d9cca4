import { TargetGroup } from '@matching/candidates/target-group';

/**
 * Proposal quality (domain.md): proposals per placement, ideally 2 or fewer. A proposal counts when
 * it reached PROPOSED (a shortlist entry never sent to the employer does not), an interview when it
 * reached INTERVIEW (a hire went through one), a placement when it ended HIRED. The caller picks the
 * proposals by the time they reached PROPOSED and counts them per vacancy, matcher, unit and target
 * group (the candidate's on the day of proposing); the sums and ratios are worked out here.
 */
export interface ProposalCounts {
  vacancyId: string;
  matcherId: string;
  unitId: string;
  targetGroup: TargetGroup | null;
  proposals: number;
  interviews: number;
  placements: number;
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
  perTargetGroup: Array<QualityFigures & { targetGroup: TargetGroup | null }>;
}

/** The region's aim: two proposals (or fewer) for every placement, never ten CVs for one job. */
export const PROPOSALS_PER_PLACEMENT_AIM = 2;

type Key = 'vacancyId' | 'matcherId' | 'unitId' | 'targetGroup';

export function proposalQuality(counts: readonly ProposalCounts[]): ProposalQuality {
  const group = <K extends Key>(key: K) => {
    const byKey = new Map<ProposalCounts[K], { proposals: number; interviews: number; placements: number }>();
    for (const row of counts) {
      const sum = byKey.get(row[key]) ?? { proposals: 0, interviews: 0, placements: 0 };
      sum.proposals += row.proposals;
      sum.interviews += row.interviews;
      sum.placements += row.placements;
      byKey.set(row[key], sum);
    }
    return [...byKey.entries()]
      .sort(([a], [b]) => compare(a, b))
      .map(
        ([id, sum]) =>
          ({ [key]: id, ...withRatio(sum.proposals, sum.interviews, sum.placements) }) as QualityFigures &
            Record<K, ProposalCounts[K]>,
      );
  };
  return {
    total: figures(counts),
    perVacancy: group('vacancyId'),
    perMatcher: group('matcherId'),
    perUnit: group('unitId'),
    perTargetGroup: group('targetGroup'),
  };
}

/** Ids and target groups in text order; the proposals of no target group last. */
function compare(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export function figures(rows: ReadonlyArray<Pick<ProposalCounts, 'proposals' | 'interviews' | 'placements'>>) {
  const sum = (key: 'proposals' | 'interviews' | 'placements') => rows.reduce((total, row) => total + row[key], 0);
  return withRatio(sum('proposals'), sum('interviews'), sum('placements'));
}

export function withRatio(proposals: number, interviews: number, placements: number): QualityFigures {
  return {
    proposals,
    interviews,
    placements,
    proposalsPerPlacement: placements === 0 ? null : Math.round((proposals / placements) * 100) / 100,
  };
}
