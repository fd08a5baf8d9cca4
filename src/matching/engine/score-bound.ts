import { VacancyContext } from './match-context';
import * as scoring from './scoring';
import * as masks from './vacancy-skills';
import { VacancySkills } from './vacancy-skills';
import { MatchingWeights } from './weights';
import * as layout from './row-code';

// Copied once: a loader may turn every read of an imported binding into a function call.
const { tenths, wishTenths, maxWwTenths, contactTenths } = scoring;
const { popcount } = masks;
const { HOURS_MASK } = layout;

/** Experience occupations kept per row for the bound; a row with more is always scored. */
export const BOUND_EXPERIENCES = 3;
/** Wished occupations kept per row for the bound; with more, the bound gives the wish full points. */
export const BOUND_WISHES = 2;
export const NO_OCCUPATION = 0xffff;
/** A day column's "none" (no WW end, no contact). */
export const NO_DAY = -2_147_483_648;
/** Row flag: every work experience is in the bound's columns (else the bound is the maximum). */
export const FLAG_EXPERIENCES_KNOWN = 1;
/** Row flag: every wish is in the bound's columns (else the wish gets full points). */
export const FLAG_WISHES_KNOWN = 2;
/** Row flag: open to a broodbaan. */
export const FLAG_BROODBAAN = 4;
export const MAX_TENTHS = 1000;
const WISH_NONE = 0;
const WISH_SAME = 1;
const WISH_RELATED = 2;
const WISH_BROODBAAN = 3;
/** More wishes than the columns hold: full points. */
const WISH_UNKNOWN = 4;

/**
 * A row's bound record: BOUND_RECORD 32-bit words, so bounding a row costs one cache line, not one per
 * column (bounding reads rows scattered over the areas in reach: ten columns were ten misses a row).
 *   0  experience occupation 0 | 1 << 16      4  years × 10 of experience 2 | allowed km << 16
 *   1  experience occupation 2 | wish 0 << 16 5  explicit-skill filter bits
 *   2  wish 1 | area << 16                    6  WW end day | last contact day << 16 (0: none)
 *   3  years × 10 of experience 0 | 1 << 16   7  flags | hours minimum << 8 | hours maximum << 14
 */
export const BOUND_RECORD = 8;
/** Row flag: the WW end and contact days fit the record (else both get full points). */
export const FLAG_DAYS_KNOWN = 8;

export interface BoundFacts {
  experienceIds: readonly number[];
  experienceYears: readonly number[];
  wishIds: readonly number[];
  broodbaan: boolean;
  /** Day numbers, NO_DAY for none. */
  wwEndDay: number;
  contactDay: number;
  skillFilter: number;
  area: number;
  allowedKm: number;
  hoursMin: number;
  hoursMax: number;
}

/** Writes row `row`'s bound record. What does not fit leaves its component at full points (a flag stays 0). */
export function writeBoundRecord(records: Int32Array, row: number, facts: BoundFacts): void {
  const { experienceIds, experienceYears, wishIds } = facts;
  const experiencesKnown =
    experienceIds.length <= BOUND_EXPERIENCES &&
    experienceIds.every(
      (id, index) => id < NO_OCCUPATION && experienceYears[index] >= 0 && experienceYears[index] <= 0xffff,
    );
  const wishesKnown = wishIds.length <= BOUND_WISHES && wishIds.every((id) => id < NO_OCCUPATION);
  const day16 = (day: number): number => (day === NO_DAY ? 0 : day >= 1 && day <= 0xffff ? day : -1);
  const wwEnd = day16(facts.wwEndDay);
  const contact = day16(facts.contactDay);
  const daysKnown = wwEnd >= 0 && contact >= 0;
  const experience = (index: number): number =>
    experiencesKnown && index < experienceIds.length ? experienceIds[index] : NO_OCCUPATION;
  const years = (index: number): number =>
    experiencesKnown && index < experienceIds.length ? experienceYears[index] : 0;
  const wish = (index: number): number => (wishesKnown && index < wishIds.length ? wishIds[index] : NO_OCCUPATION);
  const flags =
    (experiencesKnown ? FLAG_EXPERIENCES_KNOWN : 0) |
    (wishesKnown ? FLAG_WISHES_KNOWN : 0) |
    (facts.broodbaan ? FLAG_BROODBAAN : 0) |
    (daysKnown ? FLAG_DAYS_KNOWN : 0);
  const at = row * BOUND_RECORD;
  records[at] = experience(0) | (experience(1) << 16);
  records[at + 1] = experience(2) | (wish(0) << 16);
  records[at + 2] = wish(1) | (facts.area << 16);
  records[at + 3] = years(0) | (years(1) << 16);
  records[at + 4] = years(2) | (facts.allowedKm << 16);
  records[at + 5] = facts.skillFilter;
  records[at + 6] = daysKnown ? wwEnd | (contact << 16) : 0;
  records[at + 7] = flags | (facts.hoursMin << 8) | (facts.hoursMax << 14);
}

/**
 * A cheap upper bound on a candidate's score, in tenths, from a few columns (never the row's record).
 * Exact are: the occupation points (same, related, neither), and distance, hours, wish, Max-WW and
 * recent contact (the scoring's own functions on the same values). Bounded are: experience (the years
 * of the same, else of the related occupation, a hair more), and the skills, from what the worked
 * occupations bring (summed: at least their union) plus what the explicit skills could match (a 32-bit
 * filter). Each component is `tenths` of a share at least the true one, and `tenths` does not decrease
 * in the share, so the bound is never below the score. Ranking scores exactly only the candidates whose
 * bound can still reach the top K.
 */
export class ScoreBound {
  private same = 0;
  private related = 0;
  private experienceWish = 0;
  private requiredTotal = 0;
  private preferredTotal = 0;
  private essentialTotal = 0;
  private requiredPoints = new Int32Array(1);
  private preferredPoints = new Int32Array(1);
  private essentialPoints = new Int32Array(1);
  private vacancyOccupation = -1;
  private vacancyGroup = -1;
  private vacancyMaxKm = 0;
  private today = 0;
  private distances: Float64Array = new Float64Array(0);
  private scoringVacancy: VacancyContext['scoring'] | undefined;
  private weights: MatchingWeights | undefined;
  private maxWwPoints = new Int32Array(1);
  private noMaxWw = 0;
  private contactPoints = new Int32Array(1);
  private noContact = 0;
  private readonly wishPoints = new Int32Array(5);

  constructor(
    private readonly occupationGroup: Int32Array,
    private readonly skills: VacancySkills,
  ) {}

  prepare(
    context: VacancyContext,
    weights: MatchingWeights,
    vacancyOccupation: number,
    vacancyGroup: number,
    distances: Float64Array,
  ): void {
    const p = weights.points;
    const scale = context.scoring;
    this.same = tenths(p.OCCUPATION_SAME, 1);
    this.related = tenths(p.OCCUPATION_RELATED, 1);
    this.experienceWish = scale.experienceYearsWish ?? weights.scales.experienceYearsForFullPoints;
    this.requiredTotal = scale.requiredTotal;
    this.preferredTotal = scale.preferredTotal;
    this.essentialTotal = scale.essentialTotal;
    // As scoreTenths shares them: none asked is full points (required, preferred), or none (essential).
    this.requiredPoints = points(p.SKILLS_REQUIRED, scale.requiredTotal, 1);
    this.preferredPoints = points(p.SKILLS_PREFERRED, scale.preferredTotal, 1);
    this.essentialPoints = points(p.ESSENTIAL_SKILLS, scale.essentialTotal, 0);
    this.vacancyOccupation = vacancyOccupation;
    this.vacancyGroup = vacancyGroup;
    this.vacancyMaxKm = context.vacancyMaxKm;
    this.today = context.today;
    this.distances = distances;
    this.scoringVacancy = scale;
    this.weights = weights;
    // Per day of WW left (0 … the last day with points) and per day since contact; none outside.
    this.maxWwPoints = Int32Array.from(
      { length: Math.max(0, Math.floor(7 * weights.scales.maxWwWeeks)) + 1 },
      (_, days) => maxWwTenths(days, weights),
    );
    this.noMaxWw = maxWwTenths(null, weights);
    this.contactPoints = Int32Array.from(
      { length: Math.max(0, Math.floor(weights.scales.recentContactDays)) + 1 },
      (_, days) => contactTenths(days, weights),
    );
    this.noContact = contactTenths(null, weights);
    this.wishPoints[WISH_SAME] = wishTenths('SAME', weights);
    this.wishPoints[WISH_RELATED] = wishTenths('RELATED', weights);
    this.wishPoints[WISH_BROODBAAN] = wishTenths('BROODBAAN', weights);
    this.wishPoints[WISH_NONE] = wishTenths(null, weights);
    this.wishPoints[WISH_UNKNOWN] = tenths(p.WISH, 1);
  }

  /**
   * The bounds of rows list[entries[0 … count)] into `into`, in one loop with everything it reads in
   * locals and per-query tables (hours, Max-WW, contact, wish): ranking bounds every eligible row and
   * near miss, tens of thousands a query at a million candidates.
   */
  boundsOf(records: Int32Array, list: Int32Array, entries: Int32Array, count: number, into: Int32Array): void {
    const weights = this.weights!;
    const { requiredOf, preferredOf, essentialOf, requiredBits, preferredBits } = this.skills;
    const { requiredPoints, preferredPoints, essentialPoints, requiredTotal, preferredTotal, essentialTotal } = this;
    const { occupationGroup, vacancyOccupation, vacancyGroup, distances, vacancyMaxKm, today } = this;
    const { maxWwPoints, contactPoints, wishPoints, noMaxWw, noContact } = this;
    const vacancy = this.scoringVacancy!;
    const vacancyHoursMin = vacancy.hoursMin;
    const vacancyHoursMax = vacancy.hoursMax;
    const hoursSpan = vacancyHoursMax - vacancyHoursMin;
    const maxWwLast = maxWwPoints.length - 1;
    const contactLast = contactPoints.length - 1;
    const daysUnknown = tenths(weights.points.MAX_WW, 1) + tenths(weights.points.RECENT_CONTACT, 1);
    const catalogueSize = occupationGroup.length;
    const experienceMax = weights.points.EXPERIENCE * 10;
    const distanceMax = weights.points.DISTANCE * 10;
    const hoursMax = weights.points.HOURS * 10;
    const experienceWish = this.experienceWish;
    const same = this.same;
    const related = this.related;
    const wishSame = wishPoints[WISH_SAME];
    const wishRelated = wishPoints[WISH_RELATED];
    const wishBroodbaan = wishPoints[WISH_BROODBAAN];
    const wishNone = wishPoints[WISH_NONE];
    const wishUnknown = wishPoints[WISH_UNKNOWN];
    // The vacancy's occupation is never NO_OCCUPATION (ids below it only): an empty place never matches.
    const sameWished = vacancyOccupation === NO_OCCUPATION ? -1 : vacancyOccupation;
    const singleRequired = requiredBits.length === 1 ? requiredBits[0] : 0;
    const singlePreferred = preferredBits.length === 1 ? preferredBits[0] : 0;
    for (let at = 0; at < count; at++) {
      const record = list[entries[at]] * BOUND_RECORD;
      const last = records[record + 7];
      if ((last & FLAG_EXPERIENCES_KNOWN) === 0) {
        into[at] = MAX_TENTHS;
        continue;
      }
      const first = records[record];
      const second = records[record + 1];
      const third = records[record + 2];
      const yearsWord = records[record + 3];
      const fifth = records[record + 4];
      // The three experience places in locals (BOUND_EXPERIENCES): filled from the first, NO_OCCUPATION after.
      const o0 = first & 0xffff;
      const o1 = first >>> 16;
      const o2 = second & 0xffff;
      const y0 = yearsWord & 0xffff;
      const y1 = yearsWord >>> 16;
      const y2 = fifth & 0xffff;
      const filter = records[record + 5];
      let required = 0;
      if (requiredBits.length === 1) required = popcount(filter & singleRequired);
      else for (let level = 0; level < requiredBits.length; level++) required += popcount(filter & requiredBits[level]);
      let preferred = 0;
      if (preferredBits.length === 1) preferred = popcount(filter & singlePreferred);
      else
        for (let level = 0; level < preferredBits.length; level++) preferred += popcount(filter & preferredBits[level]);
      let essential = 0;
      // Years × 10 in the vacancy's occupation, and the most in one related occupation (summed over its entries).
      let sameYears = -1;
      let relatedYears = -1;
      for (let index = 0; index < BOUND_EXPERIENCES; index++) {
        const occupation = index === 0 ? o0 : index === 1 ? o1 : o2;
        if (occupation === NO_OCCUPATION) break;
        if (occupation === vacancyOccupation) {
          sameYears = (sameYears < 0 ? 0 : sameYears) + (index === 0 ? y0 : index === 1 ? y1 : y2);
        } else if (occupation < catalogueSize && vacancyGroup >= 0 && occupationGroup[occupation] === vacancyGroup) {
          const years = (o0 === occupation ? y0 : 0) + (o1 === occupation ? y1 : 0) + (o2 === occupation ? y2 : 0);
          if (years > relatedYears) relatedYears = years;
        }
        if (occupation >= catalogueSize) continue;
        required += requiredOf[occupation];
        preferred += preferredOf[occupation];
        essential += essentialOf[occupation];
      }
      // A hundredth of a tenth of a year more than stored: the score sums years in floating point.
      const years = sameYears >= 0 ? sameYears : relatedYears >= 0 ? relatedYears / 2 : 0;
      const experienceShare = experienceWish <= 0 ? 1 : (years + 0.01) / 10 / experienceWish;
      let total =
        (sameYears >= 0 ? same : relatedYears >= 0 ? related : 0) +
        Math.round(experienceMax * (experienceShare < 1 ? experienceShare : 1)) +
        requiredPoints[required < requiredTotal ? required : requiredTotal] +
        preferredPoints[preferred < preferredTotal ? preferred : preferredTotal] +
        essentialPoints[essential < essentialTotal ? essential : essentialTotal];

      // Distance and hours as scoring computes them (the same operations in the same order).
      const distance = distances[third >>> 16];
      const allowedKm = fifth >>> 16;
      const allowed = allowedKm < vacancyMaxKm ? allowedKm : vacancyMaxKm;
      const distanceShare = allowed <= 0 ? (distance === 0 ? 1 : 0) : 1 - distance / allowed;
      total += Math.round(distanceMax * Math.min(1, Math.max(0, distanceShare)));
      const candidateMin = (last >>> 8) & HOURS_MASK;
      const candidateMax = (last >>> 14) & HOURS_MASK;
      const overlap =
        (candidateMax < vacancyHoursMax ? candidateMax : vacancyHoursMax) -
        (candidateMin > vacancyHoursMin ? candidateMin : vacancyHoursMin);
      const hoursShare = overlap < 0 ? 0 : hoursSpan === 0 ? 1 : overlap / hoursSpan;
      total += Math.round(hoursMax * Math.min(1, Math.max(0, hoursShare)));
      // The wish as featuresOf derives it, from the record's two wishes (wishOf, inlined).
      if (last & FLAG_WISHES_KNOWN) {
        const wish0 = second >>> 16;
        const wish1 = third & 0xffff;
        if (wish0 === sameWished || wish1 === sameWished) total += wishSame;
        else if (
          vacancyGroup >= 0 &&
          ((wish0 < catalogueSize && occupationGroup[wish0] === vacancyGroup) ||
            (wish1 < catalogueSize && occupationGroup[wish1] === vacancyGroup))
        )
          total += wishRelated;
        else total += last & FLAG_BROODBAAN ? wishBroodbaan : wishNone;
      } else total += wishUnknown;
      if (last & FLAG_DAYS_KNOWN) {
        const days = records[record + 6];
        const wwEnd = days & 0xffff;
        const daysLeft = wwEnd - today;
        total += wwEnd === 0 || daysLeft < 0 || daysLeft > maxWwLast ? noMaxWw : maxWwPoints[daysLeft];
        const contact = days >>> 16;
        const daysAgo = today - contact;
        total += contact === 0 || daysAgo < 0 || daysAgo > contactLast ? noContact : contactPoints[daysAgo];
      } else total += daysUnknown;
      into[at] = total < MAX_TENTHS ? total : MAX_TENTHS;
    }
  }
}

/** Points for 0 … total matched, as scoreTenths gives them. */
function points(max: number, total: number, shareWhenNoneAsked: number): Int32Array<ArrayBuffer> {
  const table = new Int32Array(total + 1);
  for (let matched = 0; matched <= total; matched++)
    table[matched] = tenths(max, total === 0 ? shareWhenNoneAsked : matched / total);
  return table;
}
