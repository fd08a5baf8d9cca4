import { maskBsn, normaliseBsn, passesElfproef, validBsn } from './bsn';

describe('elfproef', () => {
  it('accepts 111222333', () => {
    // 9·1 + 8·1 + 7·1 + 6·2 + 5·2 + 4·2 + 3·3 + 2·3 − 1·3 = 9+8+7+12+10+8+9+6−3 = 66 = 6·11
    expect(passesElfproef('111222333')).toBe(true);
  });

  it('accepts 123456782', () => {
    // 9·1 + 8·2 + 7·3 + 6·4 + 5·5 + 4·6 + 3·7 + 2·8 − 1·2 = 9+16+21+24+25+24+21+16−2 = 154 = 14·11
    expect(passesElfproef('123456782')).toBe(true);
  });

  it('refuses 123456789, one digit off', () => {
    // 9+16+21+24+25+24+21+16 − 9 = 147 = 13·11 + 4
    expect(passesElfproef('123456789')).toBe(false);
  });

  it('refuses 111222334', () => {
    // 9+8+7+12+10+8+9+6 − 1·4 = 65 = 5·11 + 10
    expect(passesElfproef('111222334')).toBe(false);
  });

  it('refuses all zeros, although its sum 0 is divisible by 11', () => {
    expect(passesElfproef('000000000')).toBe(false);
  });

  it('refuses anything but 9 digits', () => {
    expect(passesElfproef('11122233')).toBe(false);
    expect(passesElfproef('1112223330')).toBe(false);
    expect(passesElfproef('11122233a')).toBe(false);
  });
});

describe('normalise, validate and mask', () => {
  it('drops the spaces, dots and dashes people type', () => {
    expect(normaliseBsn(' 1112.22-333 ')).toBe('111222333');
    expect(normaliseBsn('1112223')).toBeNull();
  });

  it('gives the BSN only when it passes the elfproef', () => {
    expect(validBsn('1234 56 782')).toBe('123456782');
    expect(validBsn('123456789')).toBeNull();
  });

  it('shows only the last four digits', () => {
    expect(maskBsn('123456782')).toBe('*****6782');
  });
});
