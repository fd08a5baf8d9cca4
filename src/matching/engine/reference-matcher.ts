import { CandidateProfile } from '@matching/profiles';
import { certificateClosure } from '@sales/requirements/certificate-implications';
import { licenceClosure, missingLicences } from '@sales/requirements/driving-licences';
import { educationRank } from '@sales/requirements/education-levels';
import { dayNumber } from './dates';
import { candidateAllowedKm, canSee, MatchingKnowledge, vacancyContext, VacancyContext } from './match-context';
import { isAfterCursor, MatchQuery, MatchResult, NearMiss, ranksBefore, RankedCandidate } from './match-query';
import { dutchLevelRank, Failure, failureSentence, isNearEnough, Requirement, REQUIREMENTS } from './requirements';
import { CandidateFeatures, explain, normaliseYears, scoreTenths } from './scoring';

/**
 * The brute-force reference: every candidate, plain sets, no indexes, no shortcuts. Slow on purpose
 * and simple enough to check by reading; tests require the engine to give exactly its answer.
 */
export function referenceMatch(
  candidates: readonly CandidateProfile[],
  query: MatchQuery,
  knowledge: MatchingKnowledge,
): MatchResult {
  const context = vacancyContext(query, knowledge);
  const excluded = Object.fromEntries(REQUIREMENTS.map((requirement) => [requirement, 0])) as Record<
    Requirement,
    number
  >;
  const eligible: Array<{ candidate: CandidateProfile; features: CandidateFeatures; tenths: number }> = [];
  const nearMisses: Array<{ candidate: CandidateProfile; failure: Failure; tenths: number }> = [];
  let considered = 0;

  for (const candidate of candidates) {
    if (!canSee(query.viewer, candidate, query.granted)) continue;
    if (query.pools && !query.pools.includes(candidate.pool)) continue;
    considered++;
    const failures = referenceFailures(candidate, query, context, knowledge);
    for (const failure of failures) excluded[failure.requirement]++;
    const features = referenceFeatures(candidate, query, context, knowledge);
    const tenths = scoreTenths(features, context.scoring, knowledge.weights);
    if (failures.length === 0) eligible.push({ candidate, features, tenths });
    else if (failures.length === 1 && isNearMiss(failures[0]))
      nearMisses.push({ candidate, failure: failures[0], tenths });
  }

  const byRank = (
    a: { candidate: CandidateProfile; tenths: number },
    b: { candidate: CandidateProfile; tenths: number },
  ): number => (ranksBefore(a.tenths, a.candidate.id, b.tenths, b.candidate.id) ? -1 : 1);

  // One person, one line: the best of their pool records.
  eligible.sort(byRank);
  const listedPersons = new Set<string>();
  const people = eligible.filter(
    (entry) => !listedPersons.has(entry.candidate.personId) && listedPersons.add(entry.candidate.personId),
  );
  const afterCursor = people.filter((entry) => isAfterCursor(entry.tenths, entry.candidate.id, query.cursor));
  const page = afterCursor.slice(0, query.limit);
  const items: RankedCandidate[] = page.map(({ candidate, features }) => ({
    candidateId: candidate.id,
    personId: candidate.personId,
    pool: candidate.pool,
    distanceKm: features.distanceKm,
    ...explain(features, context.scoring, knowledge.weights),
  }));
  const last = page[page.length - 1];

  nearMisses.sort(byRank);
  const nearMissPersons = new Set(listedPersons);
  const shownNearMisses: NearMiss[] = nearMisses
    .filter((entry) => !nearMissPersons.has(entry.candidate.personId) && nearMissPersons.add(entry.candidate.personId))
    .slice(0, query.nearMissLimit)
    .map(({ candidate, failure, tenths }) => ({
      candidateId: candidate.id,
      pool: candidate.pool,
      requirement: failure.requirement,
      sentence: failureSentence(failure),
      score: tenths / 10,
    }));

  return {
    weightsVersion: knowledge.weights.version,
    items,
    nextCursor:
      afterCursor.length > page.length && last ? { scoreTenths: last.tenths, candidateId: last.candidate.id } : null,
    considered,
    eligible: people.length,
    excluded,
    nearMisses: shownNearMisses,
  };
}

/** Placed or inactive candidates are no near misses, nor are those who live far beyond the limit. */
function isNearMiss(failure: Failure): boolean {
  if (failure.requirement === 'STATUS') return false;
  if (failure.requirement === 'DISTANCE')
    return failure.distanceKm !== null && isNearEnough(failure.distanceKm, failure.allowedKm);
  return true;
}

/**
 * A WW client whose WW ended (the end date before today) is no longer matched as a WW client: derived
 * from the date on every query, so the day passing needs no change to reach the index.
 */
export function wwEnded(candidate: CandidateProfile, today: number): boolean {
  return candidate.pool === 'WW' && candidate.wwEndDate !== null && dayNumber(candidate.wwEndDate) < today;
}

export function referenceFailures(
  candidate: CandidateProfile,
  query: MatchQuery,
  context: VacancyContext,
  knowledge: MatchingKnowledge,
): Failure[] {
  const vacancy = query.vacancy;
  const failures: Failure[] = [];
  if (candidate.status === 'PLACED' || candidate.status === 'INACTIVE')
    failures.push({ requirement: 'STATUS', status: candidate.status });
  else if (wwEnded(candidate, context.today)) failures.push({ requirement: 'STATUS', status: 'WW_ENDED' });
  if (candidate.jobready !== 'YES') failures.push({ requirement: 'JOBREADY', jobready: candidate.jobready });
  if (candidate.pool === 'BIJSTAND') {
    const allowed =
      candidate.classification === '80-100' || (candidate.classification === '50-80' && vacancy.openToReducedWageValue);
    if (!allowed)
      failures.push({ requirement: 'CLASSIFICATION', classification: candidate.classification, pool: candidate.pool });
  } else if (candidate.classification === '50-80' && !vacancy.openToReducedWageValue) {
    // A UWV client with a work limitation fits the vacancies open to the 50-80 group, as a Bijstand one.
    failures.push({ requirement: 'CLASSIFICATION', classification: candidate.classification, pool: candidate.pool });
  }
  const missing = missingLicences(licenceClosure(candidate.drivingLicences), vacancy.drivingLicences);
  if (missing.length > 0) failures.push({ requirement: 'DRIVING_LICENCE', missing });
  const held = certificateClosure(candidate.certificates, knowledge.certificateImplications);
  const missingCertificates = [...new Set(vacancy.certificates)].filter((code) => !held.has(code));
  if (missingCertificates.length > 0) {
    failures.push({
      requirement: 'CERTIFICATE',
      missingNames: missingCertificates.map((code) => knowledge.certificateNames.get(code) ?? code),
    });
  }
  if (dutchLevelRank(candidate.dutchLevel) < context.minDutchRank) {
    failures.push({ requirement: 'DUTCH_LEVEL', held: candidate.dutchLevel, minimum: vacancy.minDutchLevel! });
  }
  const education = candidate.educationLevel ? educationRank(candidate.educationLevel) : -1;
  if (vacancy.minEducationLevel && education < context.minEducationRank) {
    failures.push({ requirement: 'EDUCATION', held: candidate.educationLevel, minimum: vacancy.minEducationLevel });
  }
  if (candidate.hoursMax < vacancy.hoursMin || candidate.hoursMin > vacancy.hoursMax) {
    failures.push({
      requirement: 'HOURS',
      candidate: [candidate.hoursMin, candidate.hoursMax],
      vacancy: [vacancy.hoursMin, vacancy.hoursMax],
    });
  }
  const distance = candidate.pc4 === null ? undefined : knowledge.places.distanceKm(vacancy.pc4, candidate.pc4);
  const allowedKm = Math.min(context.vacancyMaxKm, candidateAllowedKm(candidate, knowledge.weights));
  if (distance === undefined || !(distance <= allowedKm)) {
    failures.push({ requirement: 'DISTANCE', distanceKm: distance ?? null, allowedKm });
  }
  const availableFromDay = dayNumber(candidate.availableFrom);
  if (availableFromDay > context.startDay)
    failures.push({ requirement: 'AVAILABILITY', availableFromDay, startDay: context.startDay });
  return failures;
}

export function referenceFeatures(
  candidate: CandidateProfile,
  query: MatchQuery,
  context: VacancyContext,
  knowledge: MatchingKnowledge,
): CandidateFeatures {
  const vacancy = query.vacancy;
  const occupation = context.occupation;
  let sameYears: number | null = null;
  const relatedYears = new Map<string, number>();
  const skills = new Set(candidate.skillUris);
  const pastEssential = new Set<string>();
  for (const experience of candidate.workExperience) {
    const years = normaliseYears(experience.years);
    const facts = knowledge.occupations.get(experience.occupationUri);
    if (vacancy.occupationUri !== null && experience.occupationUri === vacancy.occupationUri)
      sameYears = (sameYears ?? 0) + years;
    else if (facts && occupation && facts.iscoGroup === occupation.iscoGroup) {
      relatedYears.set(facts.uri, (relatedYears.get(facts.uri) ?? 0) + years);
    }
    for (const skill of facts?.essentialSkillUris ?? []) {
      skills.add(skill);
      pastEssential.add(skill);
    }
    for (const skill of facts?.optionalSkillUris ?? []) skills.add(skill);
  }
  let relatedLabel: string | null = null;
  let bestRelatedYears = 0;
  let bestRelatedUri = '';
  for (const [uri, years] of relatedYears) {
    if (relatedLabel === null || years > bestRelatedYears || (years === bestRelatedYears && uri < bestRelatedUri)) {
      relatedLabel = knowledge.occupations.get(uri)!.label;
      bestRelatedYears = years;
      bestRelatedUri = uri;
    }
  }
  const count = (wanted: ReadonlySet<string>, held: ReadonlySet<string>): number =>
    [...wanted].filter((uri) => held.has(uri)).length;

  let wish: CandidateFeatures['wish'] = null;
  if (vacancy.occupationUri !== null && candidate.wishedOccupationUris.includes(vacancy.occupationUri)) wish = 'SAME';
  else if (
    occupation &&
    candidate.wishedOccupationUris.some((uri) => knowledge.occupations.get(uri)?.iscoGroup === occupation.iscoGroup)
  ) {
    wish = 'RELATED';
  } else if (candidate.acceptsBroodbaan) wish = 'BROODBAAN';

  const distance = candidate.pc4 === null ? undefined : knowledge.places.distanceKm(vacancy.pc4, candidate.pc4);
  return {
    sameOccupationYears: sameYears,
    relatedLabel,
    relatedYears: bestRelatedYears,
    requiredMatched: count(context.required, skills),
    preferredMatched: count(context.preferred, skills),
    essentialShared: count(context.essential, pastEssential),
    distanceKm: distance ?? Number.POSITIVE_INFINITY,
    allowedKm: Math.min(context.vacancyMaxKm, candidateAllowedKm(candidate, knowledge.weights)),
    candidateHoursMin: candidate.hoursMin,
    candidateHoursMax: candidate.hoursMax,
    wish,
    wwDaysLeft: candidate.pool === 'WW' && candidate.wwEndDate ? dayNumber(candidate.wwEndDate) - context.today : null,
    contactDaysAgo: candidate.lastContactAt ? context.today - dayNumber(candidate.lastContactAt) : null,
  };
}
