import { VacancyStatus } from '@matching/profiles';

export const VACANCY_STATUSES: readonly VacancyStatus[] = ['DRAFT', 'OPEN', 'ON_HOLD', 'FILLED', 'CLOSED'];

/**
 * Which status may follow which. A draft is published (OPEN) or withdrawn before anyone saw it
 * (CLOSED). An open vacancy is paused (ON_HOLD), filled or closed; a paused one reopens or closes.
 * FILLED and CLOSED are final: a new need is a new vacancy, so proposals and placements keep
 * pointing at the vacancy they were made for. ON_HOLD→FILLED is not allowed: the matcher reopens
 * first, so the last placement is made on an open vacancy.
 */
export const VACANCY_TRANSITIONS: Readonly<Record<VacancyStatus, readonly VacancyStatus[]>> = {
  DRAFT: ['OPEN', 'CLOSED'],
  OPEN: ['ON_HOLD', 'FILLED', 'CLOSED'],
  ON_HOLD: ['OPEN', 'CLOSED'],
  FILLED: [],
  CLOSED: [],
};

export function canTransition(from: VacancyStatus, to: VacancyStatus): boolean {
  return VACANCY_TRANSITIONS[from].includes(to);
}

/** No further status and no more edits. */
export function isFinal(status: VacancyStatus): boolean {
  return VACANCY_TRANSITIONS[status].length === 0;
}

/**
 * `openedAt` is set the first time a vacancy opens and kept when it reopens after a pause, so the
 * stand-up's "days open" counts from the first publication.
 */
export function openedAtAfter(current: Date | null, to: VacancyStatus, now: Date): Date | null {
  return to === 'OPEN' && current === null ? now : current;
}
