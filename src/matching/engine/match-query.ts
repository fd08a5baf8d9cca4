import { Organisation } from '@identity/organisation';
import { CandidateProfile, Pool, VacancyProfile } from '@matching/profiles';
import { Requirement } from './requirements';
import { ScoreComponent } from './scoring';

export interface MatchQuery {
  vacancy: VacancyProfile;
  /** The organisation of the user asking: decides which candidates exist for this query at all. */
  viewer: Organisation;
  /**
   * Candidates the viewer sees beyond what their organisation sees: the WW clients a staffing-firm
   * user's confidentiality statements cover (the organisation alone sees none without a consent).
   */
  granted?: ReadonlySet<string>;
  /** Pools to search; all when absent. */
  pools?: readonly Pool[];
  limit: number;
  /** From the previous page's `nextCursor`. */
  cursor?: MatchCursor;
  /** ISO date of "today" (from the injected clock). */
  today: string;
  nearMissLimit: number;
}

/** Position after the last item of a page, in ranking order (score descending, id ascending). */
export interface MatchCursor {
  scoreTenths: number;
  candidateId: string;
}

export interface RankedCandidate {
  candidateId: string;
  personId: string;
  pool: Pool;
  score: number;
  components: ScoreComponent[];
  distanceKm: number;
}

export interface NearMiss {
  candidateId: string;
  pool: Pool;
  requirement: Requirement;
  /** "mist heftruckcertificaat" */
  sentence: string;
  score: number;
}

export interface MatchResult {
  weightsVersion: string;
  items: RankedCandidate[];
  nextCursor: MatchCursor | null;
  /** Candidates visible to the viewer in the chosen pools. */
  considered: number;
  /** People meeting every hard requirement (a person in both pools counts once). */
  eligible: number;
  /** Visible candidates failing each requirement (one candidate can fail several). */
  excluded: Record<Requirement, number>;
  nearMisses: NearMiss[];
}

/** Both implementations order by this: higher score first, then the lower id (stable). */
export function ranksBefore(aTenths: number, aId: string, bTenths: number, bId: string): boolean {
  return aTenths > bTenths || (aTenths === bTenths && aId < bId);
}

export function isAfterCursor(scoreTenths: number, id: string, cursor: MatchCursor | undefined): boolean {
  return !cursor || ranksBefore(cursor.scoreTenths, cursor.candidateId, scoreTenths, id);
}

export type { CandidateProfile };
