/**
 * The BSN (burgerservicenummer) identifies a person across organisations. It is personal data of the
 * highest kind: validate it here, store it only encrypted (BsnCipher), show it only masked.
 */

/** Digits only, spaces, dots and dashes as people type them removed; null when that is not 9 digits. */
export function normaliseBsn(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, '');
  return /^\d{9}$/.test(digits) ? digits : null;
}

/**
 * The elfproef (11-check) of a BSN: 9·d1 + 8·d2 + 7·d3 + 6·d4 + 5·d5 + 4·d6 + 3·d7 + 2·d8 − 1·d9 must be
 * divisible by 11. Exactly 9 digits; all zeros passes the sum but is no BSN.
 */
export function passesElfproef(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn) || bsn === '000000000') return false;
  let sum = 0;
  for (let index = 0; index < 8; index++) sum += (9 - index) * Number(bsn[index]);
  sum -= Number(bsn[8]);
  return sum % 11 === 0;
}

/** The valid BSN in `input`, or null. */
export function validBsn(input: string): string | null {
  const bsn = normaliseBsn(input);
  return bsn !== null && passesElfproef(bsn) ? bsn : null;
}

/** '*****1234': enough for an adviser to recognise it on a document, not enough to use it. */
export function maskBsn(bsn: string): string {
  return `*****${bsn.slice(-4)}`;
}
