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
  total += tenths(p.DISTANCE, distanceShare(f));
  total += tenths(p.HOURS, hoursShare(f, v));
  total += tenths(p.WISH, wishShare(f, w));
  total += tenths(p.MAX_WW, maxWwShare(f, w));
  total += tenths(p.RECENT_CONTACT, contactShare(f, w));
  return total;
}

/** The score with its components and Dutch sentences, for the candidates shown. */
export function explain(f: CandidateFeatures, v: ScoringVacancy, w: MatchingWeights): Explained {
  const p = w.points;
  const label = v.occupationLabel ?? 'het beroep van de vacature';
  const components: ScoreComponent[] = [];
  const add = (code: ComponentCode, max: number, share: number, sentence: string): void => {
    components.push({ code, points: tenths(max, share) / 10, max, sentence });
  };

  // One occupation line, out of the points for the same occupation, so the maxima add up to 100.
  const occupationMax = Math.max(p.OCCUPATION_SAME, p.OCCUPATION_RELATED);
  const occupation = (code: ComponentCode, points: number, sentence: string): void => {
    components.push({ code, points: tenths(points, 1) / 10, max: occupationMax, sentence });
  };
  if (f.sameOccupationYears !== null) {
    occupation('OCCUPATION_SAME', p.OCCUPATION_SAME, `Werkte ${years(f.sameOccupationYears)} als ${label}`);
  } else if (f.relatedLabel !== null) {
    occupation(
      'OCCUPATION_RELATED',
      p.OCCUPATION_RELATED,
      `Werkte ${years(f.relatedYears)} als ${f.relatedLabel}, een verwant beroep`,
    );
  } else {
    occupation(
      'OCCUPATION_SAME',
      0,
      v.hasOccupation ? `Geen werkervaring als ${label} of verwant beroep` : 'Vacature heeft nog geen beroep',
    );
  }
  const experienceYears = f.sameOccupationYears ?? f.relatedYears / 2;
  const wish = v.experienceYearsWish ?? w.scales.experienceYearsForFullPoints;
  add(
    'EXPERIENCE',
    p.EXPERIENCE,
    experienceShare(f, v, w),
    wish <= 0
      ? 'Geen ervaring gevraagd'
      : experienceYears > 0
        ? `${years(experienceYears)} relevante ervaring, gevraagd ${years(wish)}`
        : 'Nog geen relevante ervaring',
  );
  add(
    'SKILLS_REQUIRED',
    p.SKILLS_REQUIRED,
    v.requiredTotal === 0 ? 1 : f.requiredMatched / v.requiredTotal,
    v.requiredTotal === 0
      ? 'Geen vaardigheden vereist'
      : `Heeft ${f.requiredMatched} van ${v.requiredTotal} vereiste vaardigheden`,
  );
  add(
    'SKILLS_PREFERRED',
    p.SKILLS_PREFERRED,
    v.preferredTotal === 0 ? 1 : f.preferredMatched / v.preferredTotal,
    v.preferredTotal === 0
      ? 'Geen gewenste vaardigheden opgegeven'
      : `Heeft ${f.preferredMatched} van ${v.preferredTotal} gewenste vaardigheden`,
  );
  add(
    'ESSENTIAL_SKILLS',
    p.ESSENTIAL_SKILLS,
    v.essentialTotal === 0 ? 0 : f.essentialShared / v.essentialTotal,
    v.essentialTotal === 0
      ? 'Geen kernvaardigheden bekend voor dit beroep'
      : `Deelt ${f.essentialShared} van ${v.essentialTotal} kernvaardigheden van ${label} via eerder werk`,
  );
  add(
    'DISTANCE',
    p.DISTANCE,
    distanceShare(f),
    f.distanceKm < 0.5 ? 'Woont bij de werkplek' : `${Math.round(f.distanceKm)} km van de werkplek`,
  );
  add(
    'HOURS',
    p.HOURS,
    hoursShare(f, v),
    `Zoekt ${hoursRange(f.candidateHoursMin, f.candidateHoursMax)}, vacature ${hoursRange(v.hoursMin, v.hoursMax)}`,
  );
  const wishSentence = {
    SAME: `Wil graag werken als ${label}`,
    RELATED: 'Wil werken in een verwant beroep',
    BROODBAAN: 'Staat open voor een broodbaan',
  };
  add('WISH', p.WISH, wishShare(f, w), f.wish ? wishSentence[f.wish] : 'Beroep past niet bij de wensen');
  if (f.wwDaysLeft !== null && maxWwShare(f, w) > 0) {
    const weeks = Math.ceil(f.wwDaysLeft / 7);
    add(
      'MAX_WW',
      p.MAX_WW,
      maxWwShare(f, w),
      f.wwDaysLeft === 0 ? 'WW eindigt vandaag' : `WW eindigt over ${weeks} ${weeks === 1 ? 'week' : 'weken'}`,
    );
  }
  if (f.contactDaysAgo !== null && contactShare(f, w) > 0) {
    add(
      'RECENT_CONTACT',
      p.RECENT_CONTACT,
      contactShare(f, w),
      f.contactDaysAgo === 0
        ? 'Klantregisseur had vandaag contact'
        : `Klantregisseur had ${f.contactDaysAgo} dagen geleden contact`,
    );
  }
  return { score: scoreTenths(f, v, w) / 10, components };
}

function experienceShare(f: CandidateFeatures, v: ScoringVacancy, w: MatchingWeights): number {
  // Years in a related occupation count half.
  const experience = f.sameOccupationYears ?? f.relatedYears / 2;
  const wish = v.experienceYearsWish ?? w.scales.experienceYearsForFullPoints;
  return wish <= 0 ? 1 : experience / wish;
}

function distanceShare(f: CandidateFeatures): number {
  return f.allowedKm <= 0 ? (f.distanceKm === 0 ? 1 : 0) : 1 - f.distanceKm / f.allowedKm;
}

function hoursShare(f: CandidateFeatures, v: ScoringVacancy): number {
  const overlap = Math.min(f.candidateHoursMax, v.hoursMax) - Math.max(f.candidateHoursMin, v.hoursMin);
  if (overlap < 0) return 0;
  const span = v.hoursMax - v.hoursMin;
  return span === 0 ? 1 : overlap / span;
}

function wishShare(f: CandidateFeatures, w: MatchingWeights): number {
  if (f.wish === 'SAME') return 1;
  if (f.wish === 'RELATED') return w.scales.relatedWishShare;
  if (f.wish === 'BROODBAAN') return w.scales.broodbaanShare;
  return 0;
}

/** Max-WW urgency: 1 week left gives all points, maxWwWeeks left the least, later none. */
function maxWwShare(f: CandidateFeatures, w: MatchingWeights): number {
  if (f.wwDaysLeft === null || f.wwDaysLeft < 0) return 0;
  const weeks = Math.max(1, Math.ceil(f.wwDaysLeft / 7));
  if (weeks > w.scales.maxWwWeeks) return 0;
  return (w.scales.maxWwWeeks - weeks + 1) / w.scales.maxWwWeeks;
}

function contactShare(f: CandidateFeatures, w: MatchingWeights): number {
  if (f.contactDaysAgo === null || f.contactDaysAgo < 0) return 0;
  return 1 - f.contactDaysAgo / w.scales.recentContactDays;
}

/** "4 jaar", "2,5 jaar" */
function years(value: number): string {
  return `${String(normaliseYears(value)).replace('.', ',')} jaar`;
}
