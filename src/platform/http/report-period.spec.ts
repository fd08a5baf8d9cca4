import { dutchDate, periodErrors, periodOrDefault, resolvePeriod } from './report-period';

describe('report period', () => {
  it('defaults to this calendar year up to today', () => {
    expect(periodOrDefault({}, '2026-11-22')).toEqual({ from: '2026-01-01', to: '2026-11-22' });
  });

  it('takes a missing from as 1 January of the year of to, and a missing to as today', () => {
    expect(periodOrDefault({ to: '2025-05-31' }, '2026-11-22')).toEqual({ from: '2025-01-01', to: '2025-05-31' });
    expect(periodOrDefault({ from: '2025-07-01' }, '2026-11-22')).toEqual({ from: '2025-07-01', to: '2026-11-22' });
  });

  it('counts today in Dutch time: 23:30 UTC on 31 December is 1 January in Amsterdam', () => {
    expect(dutchDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    // 00:30 Amsterdam on 1 January 2027 → the year 2027 so far is one day.
    expect(resolvePeriod({}, new Date('2026-12-31T23:30:00Z'))).toEqual({ from: '2027-01-01', to: '2027-01-01' });
  });

  it('refuses from after to, and 5 years or more', () => {
    expect(() => resolvePeriod({ from: '2027-01-01' }, new Date('2026-11-22T12:00:00Z'))).toThrow(
      'The request has invalid fields',
    );
    expect(periodErrors('2021-01-01', '2025-12-31')).toBeNull();
    expect(periodErrors('2021-01-01', '2026-01-01')).toEqual({
      to: 'must be less than 5 years after from (before 2026-01-01)',
    });
  });
});
