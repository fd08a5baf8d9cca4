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

/** The rows of one audience (visibility and pool): how many have each value of each requirement field. */
class AudienceTally {
  rows = 0;
  readonly levels = new Int32Array(LEVELS_MASK + 1);
  readonly hoursMin = new Int32Array(HOURS_MASK + 1);
  readonly hoursMax = new Int32Array(HOURS_MASK + 1);
  /**
   * Rows with minimum above maximum (the database forbids them; counted so the sum stays exact):
   * these alone can fail on both sides, and must then count once.
   */
  readonly inverted = new Map<number, number>();
  readonly licences = new Map<number, number>();
  readonly certificates = new Map<string, { low: number; high: number; rows: number }>();
  readonly availableDays = new Map<number, number>();
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
    for (let code = 0; code < this.categories.length; code++) {
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
    for (let audience = 0; audience < AUDIENCES; audience++) {
      const tally = this.audiences[audience];
      // An alive row of this audience (status and the rest aside): is it considered at all?
      if (tally.rows === 0 || verdicts[1 | (audience << AUDIENCE_SHIFT)] & BIT_NOT_CONSIDERED) continue;
      for (let levels = 0; levels <= LEVELS_MASK; levels++) {
        const rows = tally.levels[levels];
        if (rows === 0) continue;
        if (levelVerdicts[levels] & BIT_DUTCH_LEVEL) excluded[DUTCH_INDEX] += rows;
        if (levelVerdicts[levels] & BIT_EDUCATION) excluded[EDUCATION_INDEX] += rows;
      }
      // Too few hours or too many: disjoint unless the row's minimum is above its maximum.
      for (let hours = 0; hours < query.hoursMin && hours <= HOURS_MASK; hours++)
        excluded[HOURS_INDEX] += tally.hoursMax[hours];
      for (let hours = query.hoursMax + 1; hours <= HOURS_MASK; hours++) excluded[HOURS_INDEX] += tally.hoursMin[hours];
      for (const [hours, rows] of tally.inverted) {
        if (hours >>> 6 < query.hoursMin && (hours & HOURS_MASK) > query.hoursMax) excluded[HOURS_INDEX] -= rows;
      }
      if (query.requiredLicences !== 0) {
        for (const [licences, rows] of tally.licences)
          if ((licences & query.requiredLicences) !== query.requiredLicences) excluded[LICENCE_INDEX] += rows;
      }
      if (query.unknownCertificate) excluded[CERTIFICATE_INDEX] += tally.rows;
      else if (query.requiredLow !== 0 || query.requiredHigh !== 0) {
        for (const { low, high, rows } of tally.certificates.values()) {
          if ((low & query.requiredLow) !== query.requiredLow || (high & query.requiredHigh) !== query.requiredHigh)
            excluded[CERTIFICATE_INDEX] += rows;
        }
      }
      for (const [day, rows] of tally.availableDays) if (day > query.startDay) excluded[AVAILABILITY_INDEX] += rows;
    }
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
    this.categories[code & CATEGORY_MASK] += by;
    if (wwEndDay !== NO_WW_END) {
      const category = code & CATEGORY_MASK;
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
    if (hoursMin > hoursMax) adjust(tally.inverted, hoursMin | (hoursMax << 6), by);
    adjust(tally.licences, licences, by);
    adjust(tally.availableDays, availableDay, by);
    const key = `${low},${high}`;
    const certificates = tally.certificates.get(key) ?? { low, high, rows: 0 };
    certificates.rows += by;
    if (certificates.rows === 0) tally.certificates.delete(key);
    else tally.certificates.set(key, certificates);
  }
}

function adjust(counts: Map<number, number>, key: number, by: number): void {
  const rows = (counts.get(key) ?? 0) + by;
  if (rows === 0) counts.delete(key);
  else counts.set(key, rows);
}
