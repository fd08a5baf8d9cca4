import { VacancyContext } from './match-context';
import * as scoring from './scoring';
import * as masks from './vacancy-skills';
import { VacancySkills } from './vacancy-skills';
import { MatchingWeights } from './weights';

// Copied once: a loader may turn every read of an imported binding into a function call.
const { tenths } = scoring;
const { popcount } = masks;

/** Experience occupations kept per row for the bound; a row with more is always scored. */
export const BOUND_EXPERIENCES = 3;
export const NO_OCCUPATION = 0xffff;
/** Row flag: every work experience is in the bound's columns (else the bound is the maximum). */
export const FLAG_EXPERIENCES_KNOWN = 1;
export const MAX_TENTHS = 1000;

/** What the bound reads of a row: its first experiences, an explicit-skill filter and its flags. */
export interface BoundColumns {
  experiences: Uint16Array;
  skillFilter: Int32Array;
  flags: Uint8Array;
}

/**
 * A cheap upper bound on a candidate's score, in tenths, from a few columns: the occupation points
 * exactly (same, related, neither: the experience occupations are in the columns), full experience
 * points where there is an occupation to have them in, the skills the worked occupations bring (summed:
 * at least their union) plus what the explicit skills could match (a 32-bit filter), and the full points
 * of distance, hours, wish, Max-WW and recent contact. Each component is the scoring's own `tenths` of
 * a share at least the true one, and `tenths` does not decrease in the share, so the bound is never below
 * the score. Ranking scores exactly only the candidates whose bound can still reach the top K.
 */
export class ScoreBound {
  private same = 0;
  private related = 0;
  private neither = 0;
  private rest = 0;
  private requiredTotal = 0;
  private preferredTotal = 0;
  private essentialTotal = 0;
  private requiredPoints = new Int32Array(1);
  private preferredPoints = new Int32Array(1);
  private essentialPoints = new Int32Array(1);
  private vacancyOccupation = -1;
  private vacancyGroup = -1;

  constructor(
    private readonly occupationGroup: Int32Array,
    private readonly skills: VacancySkills,
  ) {}

  prepare(context: VacancyContext, weights: MatchingWeights, vacancyOccupation: number, vacancyGroup: number): void {
    const p = weights.points;
    const scale = context.scoring;
    const experience = tenths(p.EXPERIENCE, 1);
    const wish = scale.experienceYearsWish ?? weights.scales.experienceYearsForFullPoints;
    this.same = tenths(p.OCCUPATION_SAME, 1) + experience;
    this.related = tenths(p.OCCUPATION_RELATED, 1) + experience;
    // No occupation to count years in: experience is 0 years, full points only when none is asked.
    this.neither = wish <= 0 ? experience : 0;
    this.rest =
      tenths(p.DISTANCE, 1) +
      tenths(p.HOURS, 1) +
      tenths(p.WISH, 1) +
      tenths(p.MAX_WW, 1) +
      tenths(p.RECENT_CONTACT, 1);
    this.requiredTotal = scale.requiredTotal;
    this.preferredTotal = scale.preferredTotal;
    this.essentialTotal = scale.essentialTotal;
    // As scoreTenths shares them: none asked is full points (required, preferred), or none (essential).
    this.requiredPoints = points(p.SKILLS_REQUIRED, scale.requiredTotal, 1);
    this.preferredPoints = points(p.SKILLS_PREFERRED, scale.preferredTotal, 1);
    this.essentialPoints = points(p.ESSENTIAL_SKILLS, scale.essentialTotal, 0);
    this.vacancyOccupation = vacancyOccupation;
    this.vacancyGroup = vacancyGroup;
  }

  bound(columns: BoundColumns, row: number): number {
    if ((columns.flags[row] & FLAG_EXPERIENCES_KNOWN) === 0) return MAX_TENTHS;
    const skills = this.skills;
    const filter = columns.skillFilter[row];
    let required = filterMatches(filter, skills.requiredBits);
    let preferred = filterMatches(filter, skills.preferredBits);
    let essential = 0;
    let occupationPoints = this.neither;
    let same = false;
    const catalogueSize = this.occupationGroup.length;
    const base = row * BOUND_EXPERIENCES;
    for (let index = 0; index < BOUND_EXPERIENCES; index++) {
      const occupation = columns.experiences[base + index];
      if (occupation === NO_OCCUPATION) break;
      if (occupation === this.vacancyOccupation) same = true;
      if (occupation >= catalogueSize) continue;
      if (!same && this.vacancyGroup >= 0 && this.occupationGroup[occupation] === this.vacancyGroup)
        occupationPoints = this.related;
      required += skills.requiredFrom(occupation);
      preferred += skills.preferredFrom(occupation);
      essential += skills.essentialFrom(occupation);
    }
    if (same) occupationPoints = this.same;
    const total =
      occupationPoints +
      this.requiredPoints[required < this.requiredTotal ? required : this.requiredTotal] +
      this.preferredPoints[preferred < this.preferredTotal ? preferred : this.preferredTotal] +
      this.essentialPoints[essential < this.essentialTotal ? essential : this.essentialTotal] +
      this.rest;
    return total < MAX_TENTHS ? total : MAX_TENTHS;
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
