/**
 * Dutch phone numbers as people type them: '078 123 4567', '06-12345678', '+31 6 12345678',
 * '0031 78 1234567', '0800-1234' and '0900 1234567'. Spaces, dashes, dots and brackets are layout.
 * A national number is 0 + 9 digits (area code and subscriber, mobiles 06); from abroad +31 or 0031
 * replaces the 0. Service numbers 0800/0900/0906/0909 have 4 or 7 digits after the prefix.
 */
const LAYOUT = /[\s\-.()]/g;
const NATIONAL = /^0[1-9][0-9]{8}$/;
const SERVICE = /^0(800|900|906|909)([0-9]{4}|[0-9]{7})$/;

/** The number in one canonical form ('0781234567'), or null when it is not a Dutch number. */
export function normaliseDutchPhone(input: string): string | null {
  let digits = input.replace(LAYOUT, '');
  if (digits.startsWith('+31')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0031')) digits = `0${digits.slice(4)}`;
  // '+31 (0)6 …' is a common mix of both forms.
  if (digits.startsWith('00') && input.includes('(0)')) digits = digits.slice(1);
  if (NATIONAL.test(digits) || SERVICE.test(digits)) return digits;
  return null;
}

export function isDutchPhone(input: unknown): input is string {
  return typeof input === 'string' && input.length <= 25 && normaliseDutchPhone(input) !== null;
}

export const PHONE_FORMAT_MESSAGE = 'must be a Dutch phone number like 078 123 4567 or +31 6 12345678';
