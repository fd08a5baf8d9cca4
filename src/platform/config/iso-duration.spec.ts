import { parseFollowUpOffsets, parseIsoDuration, wallClockAfter } from './iso-duration';

describe('parseFollowUpOffsets', () => {
  it('reads the default: milestone 1 at three months, milestone 2 at six', () => {
    expect(parseFollowUpOffsets('P3M,P6M')).toEqual(['P3M', 'P6M']);
  });

  it('reads seconds-long offsets for tests, with spaces and lower case', () => {
    expect(parseFollowUpOffsets(' pt2s , PT4S')).toEqual(['PT2S', 'PT4S']);
  });

  it('reads combined designators', () => {
    expect(parseFollowUpOffsets('P1Y2M10DT2H30M,P2W')).toEqual(['P1Y2M10DT2H30M', 'P2W']);
  });

  it.each([
    ['3 months', /"3 MONTHS"/],
    ['P', /"P"/],
    ['PT', /"PT"/],
    ['P3MT', /"P3MT"/],
    ['P1.5M', /"P1.5M"/],
    ['P3M,', /""/],
    ['P0M', /zero/],
    ['P3M,P3M', /twice/],
    ['', /at least one/],
  ])('refuses %j', (raw, message) => {
    expect(() => parseFollowUpOffsets(raw)).toThrow(message);
  });
});

describe('parseIsoDuration', () => {
  it('reads days for the retry wait and seconds for tests', () => {
    expect(parseIsoDuration('P2D')).toBe('P2D');
    expect(parseIsoDuration(' pt1s ')).toBe('PT1S');
  });

  it('refuses a bare number of days and a zero wait', () => {
    expect(() => parseIsoDuration('2')).toThrow('not an ISO-8601 duration');
    expect(() => parseIsoDuration('P0D')).toThrow('a duration of zero');
  });
});

describe('wallClockAfter', () => {
  const at = (date: string, duration: string) => new Date(wallClockAfter(date, duration)).toISOString();

  it('adds calendar months, clamped to the last day: 31 August + P3M = 30 November', () => {
    expect(at('2026-08-31', 'P3M')).toBe('2026-11-30T00:00:00.000Z');
  });

  it('adds months across a year and in a leap year: 31 August 2027 + P6M = 29 February 2028', () => {
    expect(at('2027-08-31', 'P6M')).toBe('2028-02-29T00:00:00.000Z');
  });

  it('adds years as 12 months, then weeks and days: 1 March 2026 + P1Y2W3D = 18 March 2027', () => {
    // 1 March 2027, then 14 + 3 = 17 days
    expect(at('2026-03-01', 'P1Y2W3D')).toBe('2027-03-18T00:00:00.000Z');
  });

  it('adds the time part after the date part: PT1H30M5S', () => {
    expect(at('2026-12-01', 'P1DT1H30M5S')).toBe('2026-12-02T01:30:05.000Z');
  });
});
