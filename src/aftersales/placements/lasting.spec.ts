import { provedLasting } from './lasting';

describe('provedLasting', () => {
  const offsets = ['P3M', 'P6M'];

  it('a placement ended after 2½ months had not: start 1 December 2026, end 15 February 2027', () => {
    // last milestone: 1 December + P6M = 1 June 2027; 15 February is before it
    expect(provedLasting('2026-12-01', '2027-02-15', offsets)).toBe(false);
  });

  it('the day before the last milestone is not enough: start 5 January, end 4 July', () => {
    expect(provedLasting('2026-01-05', '2026-07-04', offsets)).toBe(false);
  });

  it('ending on the last milestone counts as lasting: start 5 January, end 5 July', () => {
    expect(provedLasting('2026-01-05', '2026-07-05', offsets)).toBe(true);
  });

  it('takes the latest offset, whatever their order: P6M,P3M is still six months', () => {
    expect(provedLasting('2026-01-05', '2026-05-01', ['P6M', 'P3M'])).toBe(false);
  });

  it('counts calendar months: 31 August + P6M = 28 February, so ending on 28 February is lasting', () => {
    expect(provedLasting('2026-08-31', '2027-02-27', offsets)).toBe(false);
    expect(provedLasting('2026-08-31', '2027-02-28', offsets)).toBe(true);
  });

  it('with seconds-long test offsets a placement ended on its start day had not proved lasting', () => {
    // start midnight + PT6S is after midnight of the start day
    expect(provedLasting('2026-12-01', '2026-12-01', ['PT3S', 'PT6S'])).toBe(false);
    expect(provedLasting('2026-12-01', '2026-12-02', ['PT3S', 'PT6S'])).toBe(true);
  });
});
