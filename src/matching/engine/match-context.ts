import { Organisation } from '@identity/organisation';
import { CandidateProfile, OWNER_OF_POOL, Transport } from '@matching/profiles';
import { CertificateImplications } from '@sales/requirements/certificate-implications';
import { educationRank } from '@sales/requirements/education-levels';
import { dayNumber } from './dates';
import { MatchQuery } from './match-query';
import { OccupationCatalogue, OccupationFacts } from './occupation-catalogue';
import { PlacesTable } from './places-table';
import { dutchLevelRank } from './requirements';
import { ScoringVacancy } from './scoring';
import { MatchingWeights } from './weights';

/** What both implementations share: the catalogue, the areas, the weights and the certificate rules. */
export interface MatchingKnowledge {
  occupations: OccupationCatalogue;
  places: PlacesTable;
  weights: MatchingWeights;
  certificateImplications: CertificateImplications;
  /** code → Dutch name, for "mist heftruckcertificaat". */
  certificateNames: ReadonlyMap<string, string>;
}

/** The vacancy side of a query, worked out once. */
export interface VacancyContext {
  occupation: OccupationFacts | undefined;
  required: ReadonlySet<string>;
  preferred: ReadonlySet<string>;
  essential: ReadonlySet<string>;
  minDutchRank: number;
  minEducationRank: number;
  startDay: number;
  today: number;
  vacancyMaxKm: number;
  scoring: ScoringVacancy;
}

export function vacancyContext(query: MatchQuery, knowledge: MatchingKnowledge): VacancyContext {
  const vacancy = query.vacancy;
  const occupation = vacancy.occupationUri ? knowledge.occupations.get(vacancy.occupationUri) : undefined;
  const required = new Set(vacancy.requiredSkillUris);
  const preferred = new Set(vacancy.preferredSkillUris.filter((uri) => !required.has(uri)));
  const essential = new Set(occupation?.essentialSkillUris ?? []);
  return {
    occupation,
    required,
    preferred,
    essential,
    minDutchRank: dutchLevelRank(vacancy.minDutchLevel),
    minEducationRank: vacancy.minEducationLevel ? educationRank(vacancy.minEducationLevel) : -1,
    // A vacancy still open after its start date starts as soon as someone can: today. Without this a
    // client available from today was "not available in time" for every vacancy that should have
    // started yesterday, and a vacancy past its start had no one left to rank.
    startDay: Math.max(dayNumber(vacancy.startDate), dayNumber(query.today)),
    today: dayNumber(query.today),
    vacancyMaxKm: vacancy.maxTravelKm ?? Number.POSITIVE_INFINITY,
    scoring: {
      occupationLabel: occupation?.label ?? null,
      hasOccupation: occupation !== undefined,
      requiredTotal: required.size,
      preferredTotal: preferred.size,
      essentialTotal: essential.size,
      hoursMin: vacancy.hoursMin,
      hoursMax: vacancy.hoursMax,
      experienceYearsWish: vacancy.experienceYearsWish,
    },
  };
}

/** How far the candidate will travel: their own maximum, capped by their best means of transport. */
export function candidateAllowedKm(
  candidate: Pick<CandidateProfile, 'maxTravelKm' | 'transport'>,
  weights: MatchingWeights,
): number {
  const caps = weights.travel.capKmByTransport;
  const cap =
    candidate.transport.length === 0
      ? caps.NONE
      : Math.max(...candidate.transport.map((mode: Transport) => caps[mode]));
  return Math.min(candidate.maxTravelKm ?? weights.travel.defaultMaxKm, cap);
}

/**
 * The visibility rule of visibility.ts for one loaded candidate: the owning organisation, an
 * organisation a consent names, the staffing firm for the Bijstand clients, and the clients a
 * staffing-firm user's confidentiality statements cover (`granted`, asked of the database).
 */
export function canSee(
  viewer: Organisation,
  candidate: Pick<CandidateProfile, 'id' | 'pool' | 'consentOrganisations'>,
  granted?: ReadonlySet<string>,
): boolean {
  return (
    viewer === OWNER_OF_POOL[candidate.pool] ||
    candidate.consentOrganisations.includes(viewer) ||
    (viewer === Organisation.STAFFING_FIRM && candidate.pool === 'BIJSTAND') ||
    (granted?.has(candidate.id) ?? false)
  );
}
