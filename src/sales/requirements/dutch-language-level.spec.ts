import { compareDutchLevels, DutchLevel, meetsDutchLevel } from './dutch-language-level';

describe('Dutch levels (CEFR)', () => {
  it('orders A1 < A2 < B1 < B2 < C1 < C2', () => {
    const shuffled = [DutchLevel.C1, DutchLevel.A1, DutchLevel.B2, DutchLevel.C2, DutchLevel.A2, DutchLevel.B1];
    expect(shuffled.sort(compareDutchLevels)).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
  });

  it('meets a minimum at or above it, not below it', () => {
    expect(meetsDutchLevel(DutchLevel.B1, DutchLevel.B1)).toBe(true);
    expect(meetsDutchLevel(DutchLevel.C1, DutchLevel.B1)).toBe(true);
    expect(meetsDutchLevel(DutchLevel.A2, DutchLevel.B1)).toBe(false);
  });

  it('treats a missing minimum as met and a missing level as not meeting one', () => {
    expect(meetsDutchLevel(undefined, undefined)).toBe(true);
    expect(meetsDutchLevel(null, DutchLevel.A1)).toBe(false);
  });
});
