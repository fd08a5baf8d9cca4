import { VacancyContext } from './match-context';
import * as scoring from './scoring';
import * as masks from './vacancy-skills';
import { VacancySkills } from './vacancy-skills';
import { MatchingWeights } from './weights';
import * as layout from './row-code';

// Copied once: a loader may turn every read of an imported binding into a function call.
const { tenths, hoursTenths, wishTenths, maxWwTenths, contactTenths } = scoring;
const { popcount } = masks;
const { HOURS_MASK, HOURS_MAX_SHIFT, HOURS_MIN_SHIFT } = layout;

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

/** What the bound reads of a row. */
export interface BoundColumns {
  code: Int32Array;
  area: Uint16Array;
  allowedKm: Uint16Array;
  experiences: Uint16Array;
  experienceYears: Uint16Array;
  wishes: Uint16Array;
  wwEndDay: Int32Array;
  contactDay: Int32Array;
  skillFilter: Int32Array;
  flags: Uint8Array;
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
  private readonly hoursTables = new Map<number, Int32Array>();

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
  boundsOf(columns: BoundColumns, list: Int32Array, entries: Int32Array, count: number, into: Int32Array): void {
    const weights = this.weights!;
    const { code, area, allowedKm, experiences, experienceYears, wishes, wwEndDay, contactDay, skillFilter, flags } =
      columns;
    const { requiredOf, preferredOf, essentialOf, requiredBits, preferredBits } = this.skills;
    const { requiredPoints, preferredPoints, essentialPoints, requiredTotal, preferredTotal, essentialTotal } = this;
    const { occupationGroup, vacancyOccupation, vacancyGroup, distances, vacancyMaxKm, today } = this;
    const hoursPoints = this.hoursPoints(this.scoringVacancy!, weights);
    const { maxWwPoints, contactPoints, wishPoints } = this;
    const maxWwLast = maxWwPoints.length - 1;
    const contactLast = contactPoints.length - 1;
    const noMaxWw = this.noMaxWw;
    const noContact = this.noContact;
    const catalogueSize = occupationGroup.length;
    const experienceMax = weights.points.EXPERIENCE * 10;
    const distanceMax = weights.points.DISTANCE * 10;
    const experienceWish = this.experienceWish;
    const same = this.same;
    const related = this.related;
    for (let at = 0; at < count; at++) {
      const row = list[entries[at]];
      const rowFlags = flags[row];
      if ((rowFlags & FLAG_EXPERIENCES_KNOWN) === 0) {
        into[at] = MAX_TENTHS;
        continue;
      }
      const filter = skillFilter[row];
      let required = 0;
      for (let level = 0; level < requiredBits.length; level++) required += popcount(filter & requiredBits[level]);
      let preferred = 0;
      for (let level = 0; level < preferredBits.length; level++) preferred += popcount(filter & preferredBits[level]);
      let essential = 0;
      // Years × 10 in the vacancy's occupation, and the most in one related occupation (summed over its entries).
      let sameYears = -1;
      let relatedYears = -1;
      const base = row * BOUND_EXPERIENCES;
      for (let index = 0; index < BOUND_EXPERIENCES; index++) {
        const occupation = experiences[base + index];
        if (occupation === NO_OCCUPATION) break;
        if (occupation === vacancyOccupation) {
          sameYears = (sameYears < 0 ? 0 : sameYears) + experienceYears[base + index];
        } else if (occupation < catalogueSize && vacancyGroup >= 0 && occupationGroup[occupation] === vacancyGroup) {
          let years = 0;
          for (let other = 0; other < BOUND_EXPERIENCES; other++)
            if (experiences[base + other] === occupation) years += experienceYears[base + other];
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

      // Distance as scoring.distanceTenths computes it (the same operations in the same order).
      const distance = distances[area[row]];
      const allowed = allowedKm[row] < vacancyMaxKm ? allowedKm[row] : vacancyMaxKm;
      const distanceShare = allowed <= 0 ? (distance === 0 ? 1 : 0) : 1 - distance / allowed;
      total += Math.round(distanceMax * Math.min(1, Math.max(0, distanceShare)));
      const rowCode = code[row];
      // Minimum and maximum side by side (bits 18–29 of the code) index the table.
      total += hoursPoints[(rowCode >>> HOURS_MIN_SHIFT) & 0xfff];
      total += rowFlags & FLAG_WISHES_KNOWN ? wishPoints[this.wishOf(wishes, row, rowFlags)] : wishPoints[WISH_UNKNOWN];
      const wwEnd = wwEndDay[row];
      const daysLeft = wwEnd - today;
      total += wwEnd === NO_DAY || daysLeft < 0 || daysLeft > maxWwLast ? noMaxWw : maxWwPoints[daysLeft];
      const contact = contactDay[row];
      const daysAgo = today - contact;
      total += contact === NO_DAY || daysAgo < 0 || daysAgo > contactLast ? noContact : contactPoints[daysAgo];
      into[at] = total < MAX_TENTHS ? total : MAX_TENTHS;
    }
  }

  /** Hours points by the row code's hours bits (minimum, then maximum above it), for the vacancy's hours. */
  private hoursPoints(vacancy: VacancyContext['scoring'], weights: MatchingWeights): Int32Array {
    const key = vacancy.hoursMin * 64 + vacancy.hoursMax;
    let table = this.hoursTables.get(key);
    if (!table) {
      table = new Int32Array(1 << 12);
      for (let min = 0; min <= HOURS_MASK; min++)
        for (let max = 0; max <= HOURS_MASK; max++) table[min | (max << 6)] = hoursTenths(min, max, vacancy, weights);
      if (this.hoursTables.size >= 64) this.hoursTables.clear();
      this.hoursTables.set(key, table);
    }
    return table;
  }

  /** The wish as featuresOf derives it, from the wish columns: a WISH_* index into wishPoints. */
  private wishOf(wishes: Uint16Array, row: number, flags: number): number {
    let wish = flags & FLAG_BROODBAAN ? WISH_BROODBAAN : WISH_NONE;
    const catalogueSize = this.occupationGroup.length;
    for (let index = 0; index < BOUND_WISHES; index++) {
      const occupation = wishes[row * BOUND_WISHES + index];
      if (occupation === NO_OCCUPATION) break;
      if (occupation === this.vacancyOccupation) return WISH_SAME;
      if (
        this.vacancyGroup >= 0 &&
        occupation < catalogueSize &&
        this.occupationGroup[occupation] === this.vacancyGroup
      )
        wish = WISH_RELATED;
    }
    return wish;
  }
}

/** Points for 0 … total matched, as scoreTenths gives them. */
function points(max: number, total: number, shareWhenNoneAsked: number): Int32Array<ArrayBuffer> {
  const table = new Int32Array(total + 1);
  for (let matched = 0; matched <= total; matched++)
    table[matched] = tenths(max, total === 0 ? shareWhenNoneAsked : matched / total);
  return table;
}
