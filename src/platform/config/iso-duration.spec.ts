import { parseFollowUpOffsets, parseIsoDuration } from './iso-duration';

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
