import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { CandidateProfile, VacancyProfile } from './profiles';
import { OccupationFacts } from './engine/occupation-catalogue';

/**
 * What the matching module reads from the modules that own the data. Each owner provides an
 * implementation under the token; matching never touches their tables.
 */
export const CANDIDATE_PROFILES = Symbol('CANDIDATE_PROFILES');
export const VACANCY_PROFILES = Symbol('VACANCY_PROFILES');
export const OCCUPATION_FACTS = Symbol('OCCUPATION_FACTS');

export interface CandidateProfileSource {
  /** Every candidate matching may consider (not erased), in batches, for building the index. */
  all(): AsyncIterable<CandidateProfile[]>;
  /** One candidate's current profile; null when gone or erased. */
  one(candidateId: string): Promise<CandidateProfile | null>;
  /** Whether the user may see the candidate, by the rule in SQL (visibility.ts). */
  isVisible(user: AuthenticatedUser, candidateId: string): Promise<boolean>;
  /** A staffing-firm user's WW clients under confidentiality statements (MatchQuery.granted); else undefined. */
  coveredByStatements(user: AuthenticatedUser): Promise<ReadonlySet<string> | undefined>;
  /** Whether the candidate was erased and the user may see it (then it is refused, not unknown). */
  isErasedAndVisible(user: AuthenticatedUser, candidateId: string): Promise<boolean>;
  /** The current profiles of these candidates, in one read; the gone or erased are left out. */
  some(candidateIds: string[]): Promise<CandidateProfile[]>;
  /**
   * What a matcher sees of each listed candidate (no BSN), only of those the user may see (the rule in
   * SQL); personal data, so the caller audits.
   */
  summaries(user: AuthenticatedUser, candidateIds: string[]): Promise<Map<string, CandidateSummary>>;
}

export interface CandidateSummary {
  id: string;
  name: string;
  pool: 'WW' | 'BIJSTAND';
  targetGroup: string | null;
  /** WW pool only: the day the WW ends (Max-WW: "WW eindigt over 6 weken"). */
  wwEndDate: string | null;
  municipality: string | null;
  adviserId: string | null;
  newestNoteAt: string | null;
}

export interface VacancyProfileSource {
  one(
    vacancyId: string,
  ): Promise<{ profile: VacancyProfile; unitId: string; title: string; employerName: string } | null>;
  open(): Promise<Array<{ profile: VacancyProfile; unitId: string; title: string; employerName: string }>>;
}

export interface OccupationFactsSource {
  all(): Promise<OccupationFacts[]>;
  /** Changes whenever the occupations were re-imported; the index then rebuilds. */
  generation(): number;
}
