import { placementStartDefault, todayInNetherlands } from '../../web/src/app/dates';

describe('the screens’ days, as the service reckons them (in the Netherlands)', () => {
  // 23:30 UTC on 1 December is 00:30 on 2 December in Amsterdam.
  const lateEvening = new Date('2026-12-01T23:30:00Z');

  it('takes today from Amsterdam, not UTC', () => {
    expect(todayInNetherlands(lateEvening)).toBe('2026-12-02');
    expect(todayInNetherlands(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(todayInNetherlands(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('proposes a placement start of today once the vacancy’s start has passed, else the vacancy’s start', () => {
    expect(placementStartDefault('2026-11-20', lateEvening)).toBe('2026-12-02');
    expect(placementStartDefault('2027-01-04', lateEvening)).toBe('2027-01-04');
  });
});
