import { REQUIREMENTS } from './requirements';
import { BOUND_EXPERIENCES } from './score-bound';
import * as layout from './row-code';

// Copied once: a loader may turn every read of an imported binding into a function call (tsx does,
// and in this loop that was most of the time).
const { BIT_DISTANCE, BIT_NOT_CONSIDERED, BIT_STATUS, CATEGORY_MASK, HOURS_MASK } = layout;
const { HOURS_MAX_SHIFT, HOURS_MIN_SHIFT, LEVELS_MASK, LEVELS_SHIFT } = layout;

/** The columns the hard requirements read, one entry per row. */
export class RowColumns {
  capacity = 0;
  /** Rows in use (live or freed): the tail ends here. */
  highWater = 0;
  code = new Int32Array(0);
  area = new Uint16Array(0);
  /** min(own maximum, transport cap), in whole km (loadWeights insists the caps are whole km). */
  allowedKm = new Uint16Array(0);
  availableDay = new Int32Array(0);
  /** The WW end day (WW pool), NO_WW_END otherwise: a day before the query's today fails STATUS. */
  wwEndDay = new Int32Array(0);
  licences = new Uint16Array(0);
  certificatesLow = new Int32Array(0);
  certificatesHigh = new Int32Array(0);
  // What the score's upper bound reads (ScoreBound).
  /** The first BOUND_EXPERIENCES work experiences' occupation ids, row after row; NO_OCCUPATION after the last. */
  experiences = new Uint16Array(0);
  /** The explicit skills as filter bits (skillFilterBit). */
  skillFilter = new Int32Array(0);
  flags = new Uint8Array(0);

  allocate(capacity: number): void {
    this.capacity = capacity;
    this.code = new Int32Array(capacity);
    this.area = new Uint16Array(capacity);
    this.allowedKm = new Uint16Array(capacity);
    this.availableDay = new Int32Array(capacity);
    this.wwEndDay = new Int32Array(capacity);
    this.licences = new Uint16Array(capacity);
    this.certificatesLow = new Int32Array(capacity);
    this.certificatesHigh = new Int32Array(capacity);
    this.experiences = new Uint16Array(capacity * BOUND_EXPERIENCES);
    this.skillFilter = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  grow(capacity: number): void {
    const old = { ...this };
    this.allocate(capacity);
    this.code.set(old.code);
    this.area.set(old.area);
    this.allowedKm.set(old.allowedKm);
    this.availableDay.set(old.availableDay);
    this.wwEndDay.set(old.wwEndDay);
    this.licences.set(old.licences);
    this.certificatesLow.set(old.certificatesLow);
    this.certificatesHigh.set(old.certificatesHigh);
    this.experiences.set(old.experiences);
    this.skillFilter.set(old.skillFilter);
    this.flags.set(old.flags);
  }

  /** Row r of `from` becomes row placeOf[r] of this (rows placed at −1 are dropped), column by column. */
  scatter(from: RowColumns, placeOf: Int32Array): void {
    const rows = placeOf.length;
    const copy = <T extends Int32Array | Uint16Array | Uint8Array>(to: T, source: T): void => {
      for (let row = 0; row < rows; row++) {
        const place = placeOf[row];
        if (place >= 0) to[place] = source[row];
      }
    };
    copy(this.code, from.code);
    copy(this.area, from.area);
    copy(this.allowedKm, from.allowedKm);
    copy(this.availableDay, from.availableDay);
    copy(this.wwEndDay, from.wwEndDay);
    copy(this.licences, from.licences);
    copy(this.certificatesLow, from.certificatesLow);
    copy(this.certificatesHigh, from.certificatesHigh);
    copy(this.skillFilter, from.skillFilter);
    copy(this.flags, from.flags);
    for (let row = 0; row < rows; row++) {
      const place = placeOf[row];
      if (place < 0) continue;
      for (let slot = 0; slot < BOUND_EXPERIENCES; slot++)
        this.experiences[place * BOUND_EXPERIENCES + slot] = from.experiences[row * BOUND_EXPERIENCES + slot];
    }
  }

  adopt(other: RowColumns): void {
    Object.assign(this, other);
  }

  bytes(): number {
    return [
      this.code,
      this.area,
      this.allowedKm,
      this.availableDay,
      this.wwEndDay,
      this.licences,
      this.certificatesLow,
      this.certificatesHigh,
      this.experiences,
      this.skillFilter,
      this.flags,
    ].reduce((sum, column) => sum + column.byteLength, 0);
  }
}

/** What the scan reads of a query, worked out once. */
export interface ScanQuery {
  categories: Int32Array;
  levels: Int32Array;
  hoursMin: number;
  hoursMax: number;
  requiredLicences: number;
  requiredLow: number;
  requiredHigh: number;
  /** BIT_CERTIFICATE when a required certificate is held by nobody in the index, else 0. */
  everyoneLacksCertificate: number;
  startDay: number;
  /** The query's today as a day number: a WW end day before it fails STATUS. */
  today: number;
  /** Distance per area from the workplace (+∞ for unknown areas at index `areas`). */
  distances: Float64Array;
  vacancyMaxKm: number;
  /** Where each area's rows start in the sorted region; the entry after the last area ends it. */
  areaStart: Int32Array;
  /** The known areas by whole km from the workplace, nearest first. */
  nearestFirst: Int32Array;
  /** Twice the furthest anyone in the sorted region may travel, within the employer's limit. */
  reachKm: number;
  sortedEnd: number;
}

export interface ScanResult {
  /** Considered rows within their allowed distance (everyone not visited is beyond it). */
  passedDistance: number;
  eligibleRows: Int32Array;
  eligibleCount: number;
  /** Near misses: one failed requirement other than STATUS (on DISTANCE: within twice the limit). */
  nearRows: Int32Array;
  nearBits: Int32Array;
  nearCount: number;
}

const LICENCE_SHIFT = REQUIREMENTS.indexOf('DRIVING_LICENCE');
const CERTIFICATE_SHIFT = REQUIREMENTS.indexOf('CERTIFICATE');
const HOURS_SHIFT = REQUIREMENTS.indexOf('HOURS');
const DISTANCE_SHIFT = REQUIREMENTS.indexOf('DISTANCE');
const AVAILABILITY_SHIFT = REQUIREMENTS.indexOf('AVAILABILITY');
const STATUS_SHIFT = REQUIREMENTS.indexOf('STATUS');
/** The WW end day of a row without one (Bijstand, or no date): after every today. */
export const NO_WW_END = 0x3fffffff;
const OUT_OF_COUNT = BIT_NOT_CONSIDERED | BIT_DISTANCE;

/**
 * Visits the rows that can be ranked or be a near miss: in the sorted region, the areas within reach
 * (nearest first, up to twice what anyone there may travel), and in each the rows whose allowed distance is at least half the way (they are sorted by it,
 * furthest first, so the rest of the area is skipped); and every row of the tail. Each visited row's
 * requirements are tested without a branch on the outcome.
 */
export function scanRows(columns: RowColumns, query: ScanQuery): ScanResult {
  const state = new ScanState(columns, query);
  const { distances, areaStart, nearestFirst, reachKm } = query;
  const allowedKm = columns.allowedKm;
  for (let nearest = 0; nearest < nearestFirst.length; nearest++) {
    const area = nearestFirst[nearest];
    const distance = distances[area];
    if (!(distance <= reachKm)) {
      // Areas come by whole km: all further ones are out of reach once a whole km is past it.
      if (!(distance - 1 <= reachKm)) break;
      continue;
    }
    const start = areaStart[area];
    const end = areaStart[area + 1];
    if (start === end) continue;
    // Rows are sorted by allowed distance, furthest first: find where it drops below half the way.
    const half = distance * 0.5;
    let low = start;
    let high = end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (allowedKm[middle] >= half) low = middle + 1;
      else high = middle;
    }
    if (low > start) state.visit(start, low, distance);
  }
  state.visit(query.sortedEnd, columns.highWater, Number.NaN);
  return state.result();
}

/** The scan's loop over a run of rows, with the query's thresholds read once per run. */
class ScanState {
  private passedDistance = 0;
  private eligibleCount = 0;
  private nearCount = 0;
  // Typed arrays, grown as needed, so the lists cost no allocation per entry.
  private eligibleRows = new Int32Array(1024);
  private nearRows = new Int32Array(1024);
  private nearBits = new Int32Array(1024);

  constructor(
    private readonly columns: RowColumns,
    private readonly query: ScanQuery,
  ) {}

  /**
   * Rows [start, end) of one area at `distance` from the workplace, all within twice their limit; or,
   * with `distance` NaN, rows of any area (the tail), each at its own distance.
   */
  visit(start: number, end: number, distance: number): void {
    const { code, area, allowedKm, availableDay, wwEndDay, licences, certificatesLow, certificatesHigh } = this.columns;
    const { categories, levels, hoursMin, hoursMax, startDay, today, distances, vacancyMaxKm } = this.query;
    const { requiredLicences, requiredLow, requiredHigh, everyoneLacksCertificate } = this.query;
    const checkLicences = requiredLicences !== 0;
    const checkCertificates = requiredLow !== 0 || requiredHigh !== 0;
    const eachOwnDistance = Number.isNaN(distance);
    this.reserve(end - start);
    const { eligibleRows, nearRows, nearBits } = this;
    let passed = 0;
    let eligibleCount = this.eligibleCount;
    let nearCount = this.nearCount;
    for (let row = start; row < end; row++) {
      const word = code[row];
      const km = eachOwnDistance ? distances[area[row]] : distance;
      const allowed = allowedKm[row];
      let failed =
        categories[word & CATEGORY_MASK] | levels[(word >>> LEVELS_SHIFT) & LEVELS_MASK] | everyoneLacksCertificate;
      // Comparisons as sign bits and booleans as 0/1, not as branches: the outcomes are random per row,
      // and a mispredicted branch costs more than the test. `a < b` on small integers is `(a - b) >>> 31`.
      failed |=
        (((((word >>> HOURS_MAX_SHIFT) & HOURS_MASK) - hoursMin) >>> 31) |
          ((hoursMax - ((word >>> HOURS_MIN_SHIFT) & HOURS_MASK)) >>> 31)) <<
        HOURS_SHIFT;
      if (checkLicences) failed |= +((licences[row] & requiredLicences) !== requiredLicences) << LICENCE_SHIFT;
      if (checkCertificates) {
        failed |=
          (+((certificatesLow[row] & requiredLow) !== requiredLow) |
            +((certificatesHigh[row] & requiredHigh) !== requiredHigh)) <<
          CERTIFICATE_SHIFT;
      }
      failed |= (+(km > allowed) | +(km > vacancyMaxKm)) << DISTANCE_SHIFT;
      failed |= ((startDay - availableDay[row]) >>> 31) << AVAILABILITY_SHIFT;
      failed |= ((wwEndDay[row] - today) >>> 31) << STATUS_SHIFT;
      passed += +((failed & OUT_OF_COUNT) === 0);
      // Eligible (0) or one failure: rare, so the loop seldom leaves its fast path.
      if ((failed & (failed - 1)) === 0) {
        if (failed === 0) eligibleRows[eligibleCount++] = row;
        else if (
          failed !== BIT_NOT_CONSIDERED &&
          failed !== BIT_STATUS &&
          // In an area run every row is within twice its limit; in the tail, check (isNearEnough).
          (!eachOwnDistance || failed !== BIT_DISTANCE || km <= 2 * Math.min(vacancyMaxKm, allowed))
        ) {
          nearRows[nearCount] = row;
          nearBits[nearCount++] = failed;
        }
      }
    }
    this.passedDistance += passed;
    this.eligibleCount = eligibleCount;
    this.nearCount = nearCount;
  }

  result(): ScanResult {
    return {
      passedDistance: this.passedDistance,
      eligibleRows: this.eligibleRows,
      eligibleCount: this.eligibleCount,
      nearRows: this.nearRows,
      nearBits: this.nearBits,
      nearCount: this.nearCount,
    };
  }

  /** Room for `more` entries in each list. */
  private reserve(more: number): void {
    const needed = Math.max(this.eligibleCount, this.nearCount) + more;
    if (needed <= this.eligibleRows.length) return;
    const length = Math.max(needed, this.eligibleRows.length * 2);
    const grow = (list: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const bigger = new Int32Array(length);
      bigger.set(list);
      return bigger;
    };
    this.eligibleRows = grow(this.eligibleRows);
    this.nearRows = grow(this.nearRows);
    this.nearBits = grow(this.nearBits);
  }
}
