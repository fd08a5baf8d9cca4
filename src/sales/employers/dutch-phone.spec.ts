import { isDutchPhone, normaliseDutchPhone } from './dutch-phone';

describe('Dutch phone numbers', () => {
  it.each([
    ['078 123 4567', '0781234567'],
    ['078-1234567', '0781234567'],
    ['06-12345678', '0612345678'],
    ['06 12 34 56 78', '0612345678'],
    ['+31 6 12345678', '0612345678'],
    ['+31 (0)6 12345678', '0612345678'],
    ['0031 78 1234567', '0781234567'],
    ['(078) 123 45 67', '0781234567'],
    ['0800-1234', '08001234'],
    ['0900 1234567', '09001234567'],
  ])('accepts %s as %s', (input, canonical) => {
    expect(normaliseDutchPhone(input)).toBe(canonical);
  });

  it.each([
    ['too short', '078 123 456'],
    ['too long', '06 123456789'],
    ['no leading 0', '781234567'],
    ['00 after the 0', '0012345678'],
    ['foreign country code', '+32 2 123 45 67'],
    ['letters', '078 ABC 4567'],
    ['service number of 5 digits', '0800 12345'],
  ])('refuses %s: %s', (_reason, input) => {
    expect(normaliseDutchPhone(input)).toBeNull();
  });

  it('refuses what is not a string', () => {
    expect(isDutchPhone(612345678)).toBe(false);
  });
});
