import { ManualClock } from './clock';

describe('ManualClock', () => {
  it('stands still until moved, and hands out copies', () => {
    const clock = new ManualClock('2026-11-22T09:00:00Z');
    const seen = clock.now();
    seen.setFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-11-22T09:00:00.000Z');
    // 90 days later: 22 Nov + 90 d = 20 Feb 2027
    clock.advanceBy(90 * 24 * 3600 * 1000);
    expect(clock.now().toISOString()).toBe('2027-02-20T09:00:00.000Z');
  });
});
