import { VacancyContext } from './match-context';
import * as scoring from './scoring';
import * as masks from './vacancy-skills';
import { VacancySkills } from './vacancy-skills';
import { MatchingWeights } from './weights';
import * as layout from './row-code';

// Copied once: a loader may turn every read of an imported binding into a function call.
const { tenths, distanceTenths, hoursTenths, wishTenths, maxWwTenths, contactTenths } = scoring;
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
  }

  bound(columns: BoundColumns, row: number): number {
    const flags = columns.flags[row];
    if ((flags & FLAG_EXPERIENCES_KNOWN) === 0) return MAX_TENTHS;
    const weights = this.weights!;
    const skills = this.skills;
    const filter = columns.skillFilter[row];
    let required = filterMatches(filter, skills.requiredBits);
    let preferred = filterMatches(filter, skills.preferredBits);
    let essential = 0;
    // Years × 10 in the vacancy's occupation, and the most in one related occupation (summed over its entries).
    let sameYears = -1;
    let relatedYears = -1;
    const catalogueSize = this.occupationGroup.length;
    const base = row * BOUND_EXPERIENCES;
    const experiences = columns.experiences;
    for (let index = 0; index < BOUND_EXPERIENCES; index++) {
      const occupation = experiences[base + index];
      if (occupation === NO_OCCUPATION) break;
      if (occupation === this.vacancyOccupation)
        sameYears = (sameYears < 0 ? 0 : sameYears) + columns.experienceYears[base + index];
      if (occupation >= catalogueSize) continue;
      if (
        occupation !== this.vacancyOccupation &&
        this.vacancyGroup >= 0 &&
        this.occupationGroup[occupation] === this.vacancyGroup
      ) {
        let years = 0;
        for (let other = 0; other < BOUND_EXPERIENCES; other++)
          if (experiences[base + other] === occupation) years += columns.experienceYears[base + other];
        if (years > relatedYears) relatedYears = years;
      }
      required += skills.requiredFrom(occupation);
      preferred += skills.preferredFrom(occupation);
      essential += skills.essentialFrom(occupation);
    }
    // A hundredth of a tenth of a year more than the stored years: the score sums them in floating point.
    const experienceYears = sameYears >= 0 ? sameYears : relatedYears >= 0 ? relatedYears / 2 : 0;
    const wish = this.experienceWish;
    let total =
      (sameYears >= 0 ? this.same : relatedYears >= 0 ? this.related : 0) +
      tenths(weights.points.EXPERIENCE, wish <= 0 ? 1 : (experienceYears + 0.01) / 10 / wish) +
      this.requiredPoints[required < this.requiredTotal ? required : this.requiredTotal] +
      this.preferredPoints[preferred < this.preferredTotal ? preferred : this.preferredTotal] +
      this.essentialPoints[essential < this.essentialTotal ? essential : this.essentialTotal];

    const code = columns.code[row];
    const allowed = columns.allowedKm[row];
    total +=
      distanceTenths(
        this.distances[columns.area[row]],
        allowed < this.vacancyMaxKm ? allowed : this.vacancyMaxKm,
        weights,
      ) +
      hoursTenths(
        (code >>> HOURS_MIN_SHIFT) & HOURS_MASK,
        (code >>> HOURS_MAX_SHIFT) & HOURS_MASK,
        this.scoringVacancy!,
        weights,
      ) +
      (flags & FLAG_WISHES_KNOWN
        ? wishTenths(this.wishOf(columns, row, flags), weights)
        : tenths(weights.points.WISH, 1));
    const wwEnd = columns.wwEndDay[row];
    const contact = columns.contactDay[row];
    total +=
      maxWwTenths(wwEnd === NO_DAY ? null : wwEnd - this.today, weights) +
      contactTenths(contact === NO_DAY ? null : this.today - contact, weights);
    return total < MAX_TENTHS ? total : MAX_TENTHS;
  }

  /** The wish as featuresOf derives it, from the wish columns. */
  private wishOf(columns: BoundColumns, row: number, flags: number): 'SAME' | 'RELATED' | 'BROODBAAN' | null {
    let wish: 'RELATED' | null = null;
    const catalogueSize = this.occupationGroup.length;
    for (let index = 0; index < BOUND_WISHES; index++) {
      const occupation = columns.wishes[row * BOUND_WISHES + index];
      if (occupation === NO_OCCUPATION) break;
      if (occupation === this.vacancyOccupation) return 'SAME';
      if (
        this.vacancyGroup >= 0 &&
        occupation < catalogueSize &&
        this.occupationGroup[occupation] === this.vacancyGroup
      )
        wish = 'RELATED';
    }
    return wish ?? (flags & FLAG_BROODBAAN ? 'BROODBAAN' : null);
  }
}

/** Points for 0 … total matched, as scoreTenths gives them. */
function points(max: number, total: number, shareWhenNoneAsked: number): Int32Array<ArrayBuffer> {
  const table = new Int32Array(total + 1);
  for (let matched = 0; matched <= total; matched++)
    table[matched] = tenths(max, total === 0 ? shareWhenNoneAsked : matched / total);
  return table;
}

function filterMatches(filter: number, levels: number[]): number {
  let matches = 0;
  for (const level of levels) matches += popcount(filter & level);
  return matches;
}
