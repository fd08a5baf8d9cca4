import { EDUCATION_LEVELS, educationRank } from '@sales/requirements/education-levels';
import { REQUIREMENT_BIT, REQUIREMENTS } from './requirements';

/*
 * The row code: what the hard requirements read of a candidate, packed into one integer below 2^30
 * (so V8 keeps every value a small integer) that the scan loads instead of ten columns.
 *   bit 0        alive (0 for a free row)
 *   bits 1–3     visible to: UWV 1, MUNICIPALITY 2, STAFFING_FIRM 4 (owner, consents; the staffing firm
 *                the Bijstand pool; a staffing-firm user's statements lend the bit for one query)
 *   bit 4        Bijstand pool (0: WW)
 *   bits 5–6     status (STATUS_CODES)
 *   bits 7–8     jobready (JOBREADY_CODES)
 *   bits 9–10    classification (CLASSIFICATION_CODES)
 *   bits 11–13   Dutch level rank (0 unknown, 1–6 A1–C2)
 *   bits 14–17   education: index in EDUCATION_LEVELS + 1 (0 none, 15 a value the list lacks)
 *   bits 18–23   hours minimum
 *   bits 24–29   hours maximum
 * Bits 0–10 index one per-query table of verdicts (status, jobready, classification, or "not
 * considered"), bits 11–17 another (Dutch, education): a requirement costs a table read, not a branch.
 */
export const STATUS_CODES = ['ACTIVE', 'PROPOSED', 'PLACED', 'INACTIVE'] as const;
export const JOBREADY_CODES = ['YES', 'NO', 'TO_ASSESS'] as const;
/** 0 = none (WW pool or not yet classified). */
export const CLASSIFICATION_CODES = [null, '80-100', '50-80', 'PARTICIPATIE'] as const;

export const CATEGORY_BITS = 11;
export const CATEGORY_MASK = (1 << CATEGORY_BITS) - 1;
/** Bits 1–4: visibility and pool, the part of a row that decides whether a viewer considers it. */
export const AUDIENCE_SHIFT = 1;
export const AUDIENCES = 16;
export const LEVELS_SHIFT = 11;
export const LEVELS_MASK = 0x7f;
export const HOURS_MIN_SHIFT = 18;
export const HOURS_MAX_SHIFT = 24;
export const HOURS_MASK = 63;
export const EDUCATION_UNKNOWN = 15;

export const ORGANISATION_BIT = { UWV: 1, MUNICIPALITY: 2, STAFFING_FIRM: 4 } as const;
export const POOL_BIT = { WW: 1, BIJSTAND: 2 } as const;

/** Not visible to the viewer, not in the chosen pools, or a free row: not counted at all. */
export const BIT_NOT_CONSIDERED = 1 << REQUIREMENTS.length;
export const BIT_STATUS = REQUIREMENT_BIT.STATUS;
export const BIT_JOBREADY = REQUIREMENT_BIT.JOBREADY;
export const BIT_CLASSIFICATION = REQUIREMENT_BIT.CLASSIFICATION;
export const BIT_DRIVING_LICENCE = REQUIREMENT_BIT.DRIVING_LICENCE;
export const BIT_CERTIFICATE = REQUIREMENT_BIT.CERTIFICATE;
export const BIT_DUTCH_LEVEL = REQUIREMENT_BIT.DUTCH_LEVEL;
export const BIT_EDUCATION = REQUIREMENT_BIT.EDUCATION;
export const BIT_HOURS = REQUIREMENT_BIT.HOURS;
export const BIT_DISTANCE = REQUIREMENT_BIT.DISTANCE;
export const BIT_AVAILABILITY = REQUIREMENT_BIT.AVAILABILITY;

export interface RowFacts {
  alive: boolean;
  visibleTo: number;
  bijstand: boolean;
  status: number;
  jobready: number;
  classification: number;
  dutchRank: number;
  /** Index in EDUCATION_LEVELS + 1; 0 none; EDUCATION_UNKNOWN for a value the list lacks. */
  education: number;
  hoursMin: number;
  hoursMax: number;
}

export function rowCode(facts: RowFacts): number {
  return (
    (facts.alive ? 1 : 0) |
    (facts.visibleTo << 1) |
    ((facts.bijstand ? 1 : 0) << 4) |
    (facts.status << 5) |
    (facts.jobready << 7) |
    (facts.classification << 9) |
    (facts.dutchRank << LEVELS_SHIFT) |
    (facts.education << (LEVELS_SHIFT + 3)) |
    (facts.hoursMin << HOURS_MIN_SHIFT) |
    (facts.hoursMax << HOURS_MAX_SHIFT)
  );
}

export const statusOf = (code: number): number => (code >>> 5) & 3;
export const jobreadyOf = (code: number): number => (code >>> 7) & 3;
export const classificationOf = (code: number): number => (code >>> 9) & 3;
export const dutchRankOf = (code: number): number => (code >>> LEVELS_SHIFT) & 7;
export const educationOf = (code: number): number => (code >>> (LEVELS_SHIFT + 3)) & 15;
export const hoursMinOf = (code: number): number => (code >>> HOURS_MIN_SHIFT) & HOURS_MASK;
export const hoursMaxOf = (code: number): number => (code >>> HOURS_MAX_SHIFT) & HOURS_MASK;
export const isBijstand = (code: number): boolean => ((code >>> 4) & 1) === 1;

/**
 * Per combination of bits 0–10 of a row code: the failed status, jobready and classification bits, or
 * "not considered" (free row, not visible to the viewer, not in the chosen pools). 18 variants in all,
 * each made once.
 */
const categoryCache = new Map<number, Int32Array>();
export function categoryVerdicts(viewerBit: number, poolMask: number, openToReducedWageValue: boolean): Int32Array {
  const key = viewerBit | (poolMask << 3) | (openToReducedWageValue ? 32 : 0);
  let verdicts = categoryCache.get(key);
  if (verdicts) return verdicts;
  verdicts = new Int32Array(1 << CATEGORY_BITS);
  // Classification codes allowed in Bijstand: 80-100, and 50-80 when open to wage-cost subsidy; in WW
  // every code but 50-80 (a UWV client need not be classified), and 50-80 (a work limitation) on the
  // same terms as in Bijstand.
  const classificationAllowed = 0b0010 | (openToReducedWageValue ? 0b0100 : 0);
  const wwClassificationAllowed = 0b1011 | (openToReducedWageValue ? 0b0100 : 0);
  for (let code = 0; code < verdicts.length; code++) {
    const visible = (code >>> 1) & 7;
    const bijstand = isBijstand(code);
    if ((code & 1) === 0 || (visible & viewerBit) === 0 || (poolMask & (bijstand ? 2 : 1)) === 0) {
      verdicts[code] = BIT_NOT_CONSIDERED;
      continue;
    }
    let failed = 0;
    if (statusOf(code) >= 2) failed |= BIT_STATUS;
    if (jobreadyOf(code) !== 0) failed |= BIT_JOBREADY;
    const allowed = bijstand ? classificationAllowed : wwClassificationAllowed;
    if ((allowed & (1 << classificationOf(code))) === 0) failed |= BIT_CLASSIFICATION;
    verdicts[code] = failed;
  }
  categoryCache.set(key, verdicts);
  return verdicts;
}

/** Per combination of bits 11–17 of a row code (shifted down): the failed Dutch-level and education bits. */
export function levelVerdicts(minDutchRank: number, minEducationRank: number): Int32Array {
  const verdicts = new Int32Array(LEVELS_MASK + 1);
  for (let levels = 0; levels <= LEVELS_MASK; levels++) {
    const dutch = levels & 7;
    const education = levels >>> 3;
    // A value outside the list compares like the reference's undefined rank: never below a minimum.
    const rank =
      education === 0
        ? -1
        : education === EDUCATION_UNKNOWN || education > EDUCATION_LEVELS.length
          ? Number.NaN
          : educationRank(EDUCATION_LEVELS[education - 1]);
    verdicts[levels] = (dutch < minDutchRank ? BIT_DUTCH_LEVEL : 0) | (rank < minEducationRank ? BIT_EDUCATION : 0);
  }
  return verdicts;
}
