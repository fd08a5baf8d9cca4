import { hoursRange } from './hours-range';
import { ComponentCode, MatchingWeights } from './weights';

/**
 * What the score is computed from, for one candidate against one vacancy. The engine and the
 * reference scorer each derive these their own way; both then call the same arithmetic below, so a
 * difference between them is a difference in what they derived.
 */
export interface CandidateFeatures {
  /** Years worked in the vacancy's own ESCO occupation; null when never. */
  sameOccupationYears: number | null;
  /** The most-years occupation of the same ISCO group (not the vacancy's own); null when none. */
  relatedLabel: string | null;
  relatedYears: number;
  requiredMatched: number;
  preferredMatched: number;
  essentialShared: number;
  distanceKm: number;
  allowedKm: number;
  candidateHoursMin: number;
  candidateHoursMax: number;
  wish: 'SAME' | 'RELATED' | 'BROODBAAN' | null;
  /** Days until the WW ends (WW pool only); null when not applicable. */
  wwDaysLeft: number | null;
  contactDaysAgo: number | null;
}

export function emptyFeatures(): CandidateFeatures {
  return {
    sameOccupationYears: null,
    relatedLabel: null,
    relatedYears: 0,
    requiredMatched: 0,
    preferredMatched: 0,
    essentialShared: 0,
    distanceKm: 0,
    allowedKm: 0,
    candidateHoursMin: 0,
    candidateHoursMax: 0,
    wish: null,
    wwDaysLeft: null,
    contactDaysAgo: null,
  };
}

/** The vacancy side of the arithmetic, fixed for one query. */
export interface ScoringVacancy {
  occupationLabel: string | null;
  hasOccupation: boolean;
  requiredTotal: number;
  preferredTotal: number;
  essentialTotal: number;
  hoursMin: number;
  hoursMax: number;
  experienceYearsWish: number | null;
}

export interface ScoreComponent {
  code: ComponentCode;
  points: number;
  max: number;
  sentence: string;
}

export interface Explained {
  score: number;
  components: ScoreComponent[];
}

/**
 * Points are kept in tenths, as integers, so every sum is exact and the components add up to the score.
 * Non-decreasing in `share`: the engine's upper bound relies on it.
 */
export const tenths = (max: number, share: number): number => Math.round(max * 10 * Math.min(1, Math.max(0, share)));

/** Years as stored: one decimal. */
export const normaliseYears = (years: number): number => Math.round(years * 10) / 10;

/**
 * The score in tenths of a point (0–1000), without building sentences: the engine calls this for
 * every eligible candidate.
 */
export function scoreTenths(f: CandidateFeatures, v: ScoringVacancy, w: MatchingWeights): number {
  const p = w.points;
  let total = 0;
  if (f.sameOccupationYears !== null) total += tenths(p.OCCUPATION_SAME, 1);
  else if (f.relatedLabel !== null) total += tenths(p.OCCUPATION_RELATED, 1);
  total += tenths(p.EXPERIENCE, experienceShare(f, v, w));
  total += tenths(p.SKILLS_REQUIRED, v.requiredTotal === 0 ? 1 : f.requiredMatched / v.requiredTotal);
  total += tenths(p.SKILLS_PREFERRED, v.preferredTotal === 0 ? 1 : f.preferredMatched / v.preferredTotal);
  total += tenths(p.ESSENTIAL_SKILLS, v.essentialTotal === 0 ? 0 : f.essentialShared / v.essentialTotal);
  return total + situationTenths(f, v, w);
}

/**
 * The points that need no skills or occupations: distance, hours, wish, Max-WW urgency and recent
 * contact. The engine's upper bound calls the same functions with what its columns hold, so its share
 * of these is the score's to the last tenth.
 */
export function situationTenths(f: CandidateFeatures, v: ScoringVacancy, w: MatchingWeights): number {
  return (
    distanceTenths(f.distanceKm, f.allowedKm, w) +
    hoursTenths(f.candidateHoursMin, f.candidateHoursMax, v, w) +
    wishTenths(f.wish, w) +
    maxWwTenths(f.wwDaysLeft, w) +
    contactTenths(f.contactDaysAgo, w)
  );
}

export const distanceTenths = (distanceKm: number, allowedKm: number, w: MatchingWeights): number =>
  tenths(w.points.DISTANCE, distanceShare(distanceKm, allowedKm));
export const hoursTenths = (min: number, max: number, v: ScoringVacancy, w: MatchingWeights): number =>
  tenths(w.points.HOURS, hoursShare(min, max, v));
export const wishTenths = (wish: CandidateFeatures['wish'], w: MatchingWeights): number =>
  tenths(w.points.WISH, wishShare(wish, w));
export const maxWwTenths = (wwDaysLeft: number | null, w: MatchingWeights): number =>
  tenths(w.points.MAX_WW, maxWwShare(wwDaysLeft, w));
export const contactTenths = (contactDaysAgo: number | null, w: MatchingWeights): number =>
  tenths(w.points.RECENT_CONTACT, contactShare(contactDaysAgo, w));

/** The score with its components and Dutch sentences, for the candidates shown. */
export function explain(f: CandidateFeatures, v: ScoringVacancy, w: MatchingWeights): Explained {
  const p = w.points;
  const label = v.occupationLabel ?? 'het beroep van de vacature';
  const components: ScoreComponent[] = [];

  // One occupation line, out of the points for the same occupation, so the maxima add up to 100.
  const occupationMax = Math.max(p.OCCUPATION_SAME, p.OCCUPATION_RELATED);
  if (f.sameOccupationYears !== null) {
    occupationLine(
      components,
      'OCCUPATION_SAME',
      p.OCCUPATION_SAME,
      occupationMax,
      `Werkte ${years(f.sameOccupationYears)} als ${label}`,
    );
  } else if (f.relatedLabel !== null) {
    occupationLine(
      components,
      'OCCUPATION_RELATED',
      p.OCCUPATION_RELATED,
      occupationMax,
      `Werkte ${years(f.relatedYears)} als ${f.relatedLabel}, een verwant beroep`,
    );
  } else {
    occupationLine(
      components,
      'OCCUPATION_SAME',
      0,
      occupationMax,
      v.hasOccupation ? `Geen werkervaring als ${label} of verwant beroep` : 'Vacature heeft nog geen beroep',
    );
  }
  const experienceYears = f.sameOccupationYears ?? f.relatedYears / 2;
  const wish = v.experienceYearsWish ?? w.scales.experienceYearsForFullPoints;
  line(
    components,
    'EXPERIENCE',
    p.EXPERIENCE,
    experienceShare(f, v, w),
    wish <= 0
      ? 'Geen ervaring gevraagd'
      : experienceYears > 0
        ? `${years(experienceYears)} relevante ervaring, gevraagd ${years(wish)}`
        : 'Nog geen relevante ervaring',
  );
  line(
    components,
    'SKILLS_REQUIRED',
    p.SKILLS_REQUIRED,
    v.requiredTotal === 0 ? 1 : f.requiredMatched / v.requiredTotal,
    v.requiredTotal === 0
      ? 'Geen vaardigheden vereist'
      : `Heeft ${f.requiredMatched} van ${v.requiredTotal} vereiste vaardigheden`,
  );
  line(
    components,
    'SKILLS_PREFERRED',
    p.SKILLS_PREFERRED,
    v.preferredTotal === 0 ? 1 : f.preferredMatched / v.preferredTotal,
    v.preferredTotal === 0
      ? 'Geen gewenste vaardigheden opgegeven'
      : `Heeft ${f.preferredMatched} van ${v.preferredTotal} gewenste vaardigheden`,
  );
  line(
    components,
    'ESSENTIAL_SKILLS',
    p.ESSENTIAL_SKILLS,
    v.essentialTotal === 0 ? 0 : f.essentialShared / v.essentialTotal,
    v.essentialTotal === 0
      ? 'Geen kernvaardigheden bekend voor dit beroep'
      : `Deelt ${f.essentialShared} van ${v.essentialTotal} kernvaardigheden van ${label} via eerder werk`,
  );
  line(
    components,
    'DISTANCE',
    p.DISTANCE,
    distanceShare(f.distanceKm, f.allowedKm),
    f.distanceKm < 0.5 ? 'Woont bij de werkplek' : `${Math.round(f.distanceKm)} km van de werkplek`,
  );
  line(
    components,
    'HOURS',
    p.HOURS,
    hoursShare(f.candidateHoursMin, f.candidateHoursMax, v),
    `Zoekt ${hoursRange(f.candidateHoursMin, f.candidateHoursMax)}, vacature ${hoursRange(v.hoursMin, v.hoursMax)}`,
  );
  line(
    components,
    'WISH',
    p.WISH,
    wishShare(f.wish, w),
    f.wish === 'SAME'
      ? `Wil graag werken als ${label}`
      : f.wish === 'RELATED'
        ? 'Wil werken in een verwant beroep'
        : f.wish === 'BROODBAAN'
          ? 'Staat open voor een broodbaan'
          : 'Beroep past niet bij de wensen',
  );
  const maxWw = maxWwShare(f.wwDaysLeft, w);
  if (f.wwDaysLeft !== null && maxWw > 0) {
    const weeks = Math.ceil(f.wwDaysLeft / 7);
    line(
      components,
      'MAX_WW',
      p.MAX_WW,
      maxWw,
      f.wwDaysLeft === 0 ? 'WW eindigt vandaag' : `WW eindigt over ${weeks} ${weeks === 1 ? 'week' : 'weken'}`,
    );
  }
  const contact = contactShare(f.contactDaysAgo, w);
  if (f.contactDaysAgo !== null && contact > 0) {
    line(
      components,
      'RECENT_CONTACT',
      p.RECENT_CONTACT,
      contact,
      f.contactDaysAgo === 0
        ? 'Klantregisseur had vandaag contact'
        : `Klantregisseur had ${f.contactDaysAgo} dagen geleden contact`,
    );
  }
  return { score: scoreTenths(f, v, w) / 10, components };
}

// Module functions, not closures in explain: it runs for every candidate shown.
function line(components: ScoreComponent[], code: ComponentCode, max: number, share: number, sentence: string): void {
  components.push({ code, points: tenths(max, share) / 10, max, sentence });
}

function occupationLine(
  components: ScoreComponent[],
  code: ComponentCode,
  points: number,
  max: number,
  sentence: string,
): void {
  components.push({ code, points: tenths(points, 1) / 10, max, sentence });
}

function experienceShare(f: CandidateFeatures, v: ScoringVacancy, w: MatchingWeights): number {
  // Years in a related occupation count half.
  const experience = f.sameOccupationYears ?? f.relatedYears / 2;
  const wish = v.experienceYearsWish ?? w.scales.experienceYearsForFullPoints;
  return wish <= 0 ? 1 : experience / wish;
}

function distanceShare(distanceKm: number, allowedKm: number): number {
  return allowedKm <= 0 ? (distanceKm === 0 ? 1 : 0) : 1 - distanceKm / allowedKm;
}

function hoursShare(candidateMin: number, candidateMax: number, v: ScoringVacancy): number {
  const overlap = Math.min(candidateMax, v.hoursMax) - Math.max(candidateMin, v.hoursMin);
  if (overlap < 0) return 0;
  const span = v.hoursMax - v.hoursMin;
  return span === 0 ? 1 : overlap / span;
}

function wishShare(wish: CandidateFeatures['wish'], w: MatchingWeights): number {
  if (wish === 'SAME') return 1;
  if (wish === 'RELATED') return w.scales.relatedWishShare;
  if (wish === 'BROODBAAN') return w.scales.broodbaanShare;
  return 0;
}

/** Max-WW urgency: 1 week left gives all points, maxWwWeeks left the least, later none. */
function maxWwShare(wwDaysLeft: number | null, w: MatchingWeights): number {
  if (wwDaysLeft === null || wwDaysLeft < 0) return 0;
  const weeks = Math.max(1, Math.ceil(wwDaysLeft / 7));
  if (weeks > w.scales.maxWwWeeks) return 0;
  return (w.scales.maxWwWeeks - weeks + 1) / w.scales.maxWwWeeks;
}

function contactShare(contactDaysAgo: number | null, w: MatchingWeights): number {
  if (contactDaysAgo === null || contactDaysAgo < 0) return 0;
  return 1 - contactDaysAgo / w.scales.recentContactDays;
}

/** "4 jaar", "2,5 jaar" */
function years(value: number): string {
  return `${String(normaliseYears(value)).replace('.', ',')} jaar`;
}
