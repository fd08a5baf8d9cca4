import { parseFollowUpOffsets } from './follow-up-offsets';

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
