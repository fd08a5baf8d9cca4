import { Organisation } from '@identity/organisation';
import { MatchQuery, MatchResult } from '@matching/engine/match-query';
import { Requirement } from '@matching/engine/requirements';
import { Pool, VacancyProfile } from '@matching/profiles';
import { RelaxationKind, relaxationsOf } from './relaxations';

export interface SupplyCounts {
  considered: number;
  eligible: number;
  byPool: Record<Pool, number>;
  excluded: Record<Requirement, number>;
  relaxations: Array<{
    requirement: Requirement;
    kind: RelaxationKind;
    value: string | null;
    label: string;
    adds: number;
  }>;
}

/**
 * The supply preview's counts, asked of the engine (`match`) as the ranked list asks it, with a page of
 * none: each count is the `eligible` of the same query the ranked list of that profile would run, so the
 * two agree by construction. One query for now, one per pool, one per relaxation (about ten in all).
 */
export function supplyCounts(
  match: (query: MatchQuery) => MatchResult,
  profile: VacancyProfile,
  options: {
    viewer: Organisation;
    granted?: ReadonlySet<string>;
    today: string;
    pools?: Pool[];
    certificateName: (code: string) => string;
  },
): SupplyCounts {
  const count = (vacancy: VacancyProfile, pools = options.pools): MatchResult =>
    match({
      vacancy,
      viewer: options.viewer,
      granted: options.granted,
      pools,
      limit: 0,
      today: options.today,
      nearMissLimit: 0,
    });
  const now = count(profile);
  const inPool = (pool: Pool): number =>
    !options.pools || options.pools.includes(pool) ? count(profile, [pool]).eligible : 0;
  const relaxations = relaxationsOf(profile, options.certificateName).map((relaxation, order) => ({
    order,
    entry: {
      requirement: relaxation.requirement,
      kind: relaxation.kind,
      value: relaxation.value,
      label: relaxation.label,
      adds: count(relaxation.profile).eligible - now.eligible,
    },
  }));
  return {
    considered: now.considered,
    eligible: now.eligible,
    byPool: { WW: inPool('WW'), BIJSTAND: inPool('BIJSTAND') },
    excluded: now.excluded,
    // Most added first; equal ones in the order of the requirements.
    relaxations: relaxations.sort((a, b) => b.entry.adds - a.entry.adds || a.order - b.order).map(({ entry }) => entry),
  };
}
