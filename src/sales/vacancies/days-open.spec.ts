import { daysOpen } from './days-open';

describe('daysOpen', () => {
  it('is 0 on the day of opening', () => {
    expect(daysOpen(new Date('2026-03-02T07:00:00Z'), new Date('2026-03-02T20:00:00Z'))).toBe(0);
  });

  it('counts Dutch calendar days, not 24-hour periods', () => {
    // 22:30 UTC on 2 March is 23:30 in Amsterdam (CET, UTC+1); 06:00 UTC on 3 March is 07:00 there: 1 day.
    expect(daysOpen(new Date('2026-03-02T22:30:00Z'), new Date('2026-03-03T06:00:00Z'))).toBe(1);
    // 23:30 UTC on 2 March is already 3 March in Amsterdam: 0 days.
    expect(daysOpen(new Date('2026-03-02T23:30:00Z'), new Date('2026-03-03T06:00:00Z'))).toBe(0);
  });

  it('is not thrown off by the switch to summer time', () => {
    // 1 March to 1 April 2026 spans 29 March (CET → CEST): 31 days, though one of them had 23 hours.
    expect(daysOpen(new Date('2026-03-01T10:00:00Z'), new Date('2026-04-01T09:00:00Z'))).toBe(31);
  });

  it('never goes negative when the opening lies after now (clock skew)', () => {
    expect(daysOpen(new Date('2026-03-05T10:00:00Z'), new Date('2026-03-04T10:00:00Z'))).toBe(0);
  });
});
