import { REQUIREMENTS } from './requirements';
import * as layout from './row-code';
import { NO_WW_END } from './row-scan';

// Copied once (see row-scan.ts): these are read in loops.
const { AUDIENCE_SHIFT, AUDIENCES, BIT_CLASSIFICATION, BIT_DUTCH_LEVEL, BIT_EDUCATION, BIT_JOBREADY } = layout;
const { BIT_NOT_CONSIDERED, BIT_STATUS, CATEGORY_MASK, HOURS_MASK, HOURS_MIN_SHIFT, HOURS_MAX_SHIFT } = layout;
const { LEVELS_MASK, LEVELS_SHIFT } = layout;

/** What the tallies need of a query: the per-query verdict tables and the vacancy's thresholds. */
export interface TallyQuery {
  categories: Int32Array;
  levels: Int32Array;
  hoursMin: number;
  hoursMax: number;
  requiredLicences: number;
  requiredLow: number;
  requiredHigh: number;
  /** A required certificate nobody in the index holds. */
  unknownCertificate: boolean;
  startDay: number;
  /** The query's today as a day number: WW end days before it fail STATUS. */
  today: number;
}

export interface Tallied {
  /** Candidates visible to the viewer in the chosen pools. */
  considered: number;
  /** Per requirement, in REQUIREMENTS order, how many of them fail it; DISTANCE is left 0 (the scan counts it). */
  excluded: number[];
}

const STATUS_INDEX = REQUIREMENTS.indexOf('STATUS');
const JOBREADY_INDEX = REQUIREMENTS.indexOf('JOBREADY');
const CLASSIFICATION_INDEX = REQUIREMENTS.indexOf('CLASSIFICATION');
const LICENCE_INDEX = REQUIREMENTS.indexOf('DRIVING_LICENCE');
const CERTIFICATE_INDEX = REQUIREMENTS.indexOf('CERTIFICATE');
const DUTCH_INDEX = REQUIREMENTS.indexOf('DUTCH_LEVEL');
const EDUCATION_INDEX = REQUIREMENTS.indexOf('EDUCATION');
const HOURS_INDEX = REQUIREMENTS.indexOf('HOURS');
const AVAILABILITY_INDEX = REQUIREMENTS.indexOf('AVAILABILITY');

/**
 * Counts by key in dense slots: a key keeps its slot once seen, so a query walks two typed arrays
 * instead of iterating a Map (whose entries are allocated one by one).
 */
class SlotCounts {
  readonly slotOf = new Map<string | number, number>();
  keysA = new Int32Array(16);
  keysB = new Int32Array(16);
  counts = new Int32Array(16);
  used = 0;

  adjust(key: string | number, a: number, b: number, by: number): void {
    let slot = this.slotOf.get(key);
    if (slot === undefined) {
      slot = this.used++;
      if (slot === this.counts.length) {
        this.keysA = grown(this.keysA);
        this.keysB = grown(this.keysB);
        this.counts = grown(this.counts);
      }
      this.slotOf.set(key, slot);
      this.keysA[slot] = a;
      this.keysB[slot] = b;
    }
    this.counts[slot] += by;
  }
}

/** The rows of one audience (visibility and pool): how many have each value of each requirement field. */
class AudienceTally {
  rows = 0;
  readonly levels = new Int32Array(LEVELS_MASK + 1);
  readonly hoursMin = new Int32Array(HOURS_MASK + 1);
  readonly hoursMax = new Int32Array(HOURS_MASK + 1);
  /**
   * Rows with minimum above maximum (the database forbids them; counted so the sum stays exact):
   * these alone can fail on both sides, and must then count once. Keys: the row's minimum, its maximum.
   */
  readonly inverted = new SlotCounts();
  /** Keys: the licence bits. */
  readonly licences = new SlotCounts();
  /** Keys: the two certificate words. */
  readonly certificates = new SlotCounts();
  /** Keys: the day a row is available from. */
  readonly availableDays = new SlotCounts();
}

/**
 * Counts of the candidates in the index by every value a hard requirement reads, kept current on every
 * write. How many visible candidates fail a requirement does not depend on the others, so each
 * exclusion count is a sum over these counters (a few thousand additions), independent of the size of
 * the pool: the scan never has to visit a candidate only to count it. Distance is the exception,
 * counted by the scan over the areas within reach (everyone further away fails it).
 */
export class RequirementTallies {
  /** By bits 0–10 of the row code: status, jobready, classification, visibility and pool. */
  private readonly categories = new Int32Array(CATEGORY_MASK + 1);
  /** The codes whose count was ever above 0, so a query reads only those. */
  private readonly usedCategories: number[] = [];
  private readonly audiences = Array.from({ length: AUDIENCES }, () => new AudienceTally());
  /** Rows with a WW end day, by bits 0–10 of the row code, then by that day (STATUS fails once it passed). */
  private readonly wwEndDays = new Map<number, Map<number, number>>();

  add(code: number, licences: number, low: number, high: number, availableDay: number, wwEndDay: number): void {
    this.change(code, licences, low, high, availableDay, wwEndDay, 1);
  }

  remove(code: number, licences: number, low: number, high: number, availableDay: number, wwEndDay: number): void {
    this.change(code, licences, low, high, availableDay, wwEndDay, -1);
  }

  tally(query: TallyQuery): Tallied {
    const excluded = new Array<number>(REQUIREMENTS.length).fill(0);
    let considered = 0;
    const verdicts = query.categories;
    for (const code of this.usedCategories) {
      const rows = this.categories[code];
      const verdict = verdicts[code];
      if (rows === 0 || verdict & BIT_NOT_CONSIDERED) continue;
      considered += rows;
      if (verdict & BIT_STATUS) excluded[STATUS_INDEX] += rows;
      if (verdict & BIT_JOBREADY) excluded[JOBREADY_INDEX] += rows;
      if (verdict & BIT_CLASSIFICATION) excluded[CLASSIFICATION_INDEX] += rows;
    }
    // A WW that ended fails STATUS, counted once: only where the status itself did not fail already.
    for (const [code, days] of this.wwEndDays) {
      const verdict = verdicts[code];
      if (verdict & (BIT_NOT_CONSIDERED | BIT_STATUS)) continue;
      for (const [day, rows] of days) if (day < query.today) excluded[STATUS_INDEX] += rows;
    }
    const levelVerdicts = query.levels;
    const { hoursMin, hoursMax, requiredLicences, requiredLow, requiredHigh, startDay } = query;
    let dutch = 0;
    let education = 0;
    let hours = 0;
    let licenceFailures = 0;
    let certificateFailures = 0;
    let unavailable = 0;
    for (let audience = 0; audience < AUDIENCES; audience++) {
      const tally = this.audiences[audience];
      // An alive row of this audience (status and the rest aside): is it considered at all?
      if (tally.rows === 0 || verdicts[1 | (audience << AUDIENCE_SHIFT)] & BIT_NOT_CONSIDERED) continue;
      const levels = tally.levels;
      for (let combination = 0; combination <= LEVELS_MASK; combination++) {
        const verdict = levelVerdicts[combination];
        if (verdict === 0) continue;
        if (verdict & BIT_DUTCH_LEVEL) dutch += levels[combination];
        if (verdict & BIT_EDUCATION) education += levels[combination];
      }
      // Too few hours or too many: disjoint unless the row's minimum is above its maximum.
      for (let value = 0; value < hoursMin && value <= HOURS_MASK; value++) hours += tally.hoursMax[value];
      for (let value = hoursMax + 1; value <= HOURS_MASK; value++) hours += tally.hoursMin[value];
      const inverted = tally.inverted;
      for (let slot = 0; slot < inverted.used; slot++) {
        if (inverted.keysB[slot] < hoursMin && inverted.keysA[slot] > hoursMax) hours -= inverted.counts[slot];
      }
      if (requiredLicences !== 0) {
        const { keysA, counts, used } = tally.licences;
        for (let slot = 0; slot < used; slot++)
          if ((keysA[slot] & requiredLicences) !== requiredLicences) licenceFailures += counts[slot];
      }
      if (query.unknownCertificate) certificateFailures += tally.rows;
      else if (requiredLow !== 0 || requiredHigh !== 0) {
        const { keysA, keysB, counts, used } = tally.certificates;
        for (let slot = 0; slot < used; slot++) {
          if ((keysA[slot] & requiredLow) !== requiredLow || (keysB[slot] & requiredHigh) !== requiredHigh)
            certificateFailures += counts[slot];
        }
      }
      const { keysA: days, counts, used } = tally.availableDays;
      for (let slot = 0; slot < used; slot++) if (days[slot] > startDay) unavailable += counts[slot];
    }
    excluded[DUTCH_INDEX] = dutch;
    excluded[EDUCATION_INDEX] = education;
    excluded[HOURS_INDEX] = hours;
    excluded[LICENCE_INDEX] = licenceFailures;
    excluded[CERTIFICATE_INDEX] = certificateFailures;
    excluded[AVAILABILITY_INDEX] = unavailable;
    return { considered, excluded };
  }

  private change(
    code: number,
    licences: number,
    low: number,
    high: number,
    availableDay: number,
    wwEndDay: number,
    by: 1 | -1,
  ): void {
    const category = code & CATEGORY_MASK;
    if (by > 0 && this.categories[category] === 0 && !this.usedCategories.includes(category))
      this.usedCategories.push(category);
    this.categories[category] += by;
    if (wwEndDay !== NO_WW_END) {
      const days = this.wwEndDays.get(category) ?? new Map<number, number>();
      adjust(days, wwEndDay, by);
      if (days.size === 0) this.wwEndDays.delete(category);
      else this.wwEndDays.set(category, days);
    }
    const tally = this.audiences[(code >>> AUDIENCE_SHIFT) & (AUDIENCES - 1)];
    tally.rows += by;
    tally.levels[(code >>> LEVELS_SHIFT) & LEVELS_MASK] += by;
    const hoursMin = (code >>> HOURS_MIN_SHIFT) & HOURS_MASK;
    const hoursMax = (code >>> HOURS_MAX_SHIFT) & HOURS_MASK;
    tally.hoursMin[hoursMin] += by;
    tally.hoursMax[hoursMax] += by;
    if (hoursMin > hoursMax) tally.inverted.adjust(hoursMin | (hoursMax << 6), hoursMin, hoursMax, by);
    tally.licences.adjust(licences, licences, 0, by);
    tally.availableDays.adjust(availableDay, availableDay, 0, by);
    tally.certificates.adjust(`${low},${high}`, low, high, by);
  }
}

function grown(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

function adjust(counts: Map<number, number>, key: number, by: number): void {
  const rows = (counts.get(key) ?? 0) + by;
  if (rows === 0) counts.delete(key);
  else counts.set(key, rows);
}
