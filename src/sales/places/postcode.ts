/**
 * Dutch postcodes: four digits (the PC4 area, never starting with 0) and two letters. PostNL does not
 * issue the letter pairs SA, SD and SS (their wartime connotations), so those are refused as typos.
 */
const POSTCODE = /^([1-9][0-9]{3}) ?([A-Z]{2})$/;
const UNUSED_LETTER_PAIRS: ReadonlySet<string> = new Set(['SA', 'SD', 'SS']);

/**
 * '3311ab', '3311 AB' and ' 3311AB ' all become '3311 AB'; anything else is null. Surrounding
 * whitespace is dropped because forms and pasted addresses carry it; inner spacing must be one space
 * or none.
 */
export function normalisePostcode(input: string): string | null {
  const match = POSTCODE.exec(input.trim().toUpperCase());
  if (!match) return null;
  const [, digits, letters] = match;
  if (UNUSED_LETTER_PAIRS.has(letters)) return null;
  return `${digits} ${letters}`;
}

export function isDutchPostcode(input: unknown): input is string {
  return typeof input === 'string' && normalisePostcode(input) !== null;
}

/** The PC4 area of a normalised postcode: '3311 AB' → '3311'. */
export function pc4Of(normalisedPostcode: string): string {
  return normalisedPostcode.slice(0, 4);
}

export const POSTCODE_FORMAT_MESSAGE = 'must be a Dutch postcode like 1234 AB';
