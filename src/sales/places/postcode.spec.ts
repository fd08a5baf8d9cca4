import { isDutchPostcode, normalisePostcode, pc4Of } from './postcode';

describe('normalisePostcode', () => {
  it.each([
    ['3311 AB', '3311 AB'],
    ['3311AB', '3311 AB'],
    ['3311ab', '3311 AB'],
    ['3311 aB', '3311 AB'],
    [' 3311 AB ', '3311 AB'],
    ['9999 ZZ', '9999 ZZ'],
  ])('accepts %p as %p', (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });

  it.each([
    ['0311 AB', 'starts with 0'],
    ['3311 SA', 'SA is not issued'],
    ['3311 sd', 'SD is not issued'],
    ['3311SS', 'SS is not issued'],
    ['331 AB', 'three digits'],
    ['33111 AB', 'five digits'],
    ['3311 A', 'one letter'],
    ['3311 ABC', 'three letters'],
    ['3311  AB', 'two spaces'],
    ['3311-AB', 'a dash'],
    ['AB 3311', 'letters first'],
    ['3311 ÄB', 'a letter outside A-Z'],
    ['', 'empty'],
  ])('refuses %p (%s)', (input) => {
    expect(normalisePostcode(input)).toBeNull();
  });

  it('allows S with other letters: SB and AS are issued', () => {
    expect(normalisePostcode('1234 SB')).toBe('1234 SB');
    expect(normalisePostcode('1234 AS')).toBe('1234 AS');
  });
});

describe('isDutchPostcode', () => {
  it('is false for non-strings', () => {
    expect(isDutchPostcode(3311)).toBe(false);
    expect(isDutchPostcode(undefined)).toBe(false);
    expect(isDutchPostcode('3311ab')).toBe(true);
  });
});

describe('pc4Of', () => {
  it('takes the four digits', () => {
    expect(pc4Of('3311 AB')).toBe('3311');
  });
});
