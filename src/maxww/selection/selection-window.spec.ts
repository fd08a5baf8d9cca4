import { daysBetween, monthsAheadWindow, monthWindow } from './selection-window';

describe('the selection window', () => {
  it('covers a calendar month from its first to its last day, leap years included', () => {
    expect(monthWindow('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(monthWindow('2027-02')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(monthWindow('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthWindow('2027-04')).toEqual({ from: '2027-04-01', to: '2027-04-30' });
  });

  it('counts "5 to 7 months ahead" from today, the day clamped to the month', () => {
    // 1 December 2026 + 5 months = 1 May 2027; + 7 months = 1 July 2027.
    expect(monthsAheadWindow('2026-12-01', 5, 7)).toEqual({ from: '2027-05-01', to: '2027-07-01' });
    // 31 December 2026 + 2 months: February has 28 days in 2027.
    expect(monthsAheadWindow('2026-12-31', 2, 3)).toEqual({ from: '2027-02-28', to: '2027-03-31' });
  });

  it('counts the days left in calendar days, across the change to winter time', () => {
    expect(daysBetween('2026-12-01', '2026-12-31')).toBe(30);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-12-01', '2026-11-30')).toBe(-1);
  });
});
