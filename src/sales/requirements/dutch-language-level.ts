/** Command of Dutch on the CEFR scale (ERK in Dutch), lowest first. */
export enum DutchLevel {
  A1 = 'A1',
  A2 = 'A2',
  B1 = 'B1',
  B2 = 'B2',
  C1 = 'C1',
  C2 = 'C2',
}

export const DUTCH_LEVELS: readonly DutchLevel[] = Object.values(DutchLevel);

/** Negative when a is lower than b, 0 when equal, positive when higher; usable with Array.sort. */
export function compareDutchLevels(a: DutchLevel, b: DutchLevel): number {
  return DUTCH_LEVELS.indexOf(a) - DUTCH_LEVELS.indexOf(b);
}

/** A candidate at `held` meets a vacancy's minimum; no minimum is always met. */
export function meetsDutchLevel(held: DutchLevel | null | undefined, minimum: DutchLevel | null | undefined): boolean {
  if (!minimum) return true;
  if (!held) return false;
  return compareDutchLevels(held, minimum) >= 0;
}
