import { VacancyStatus } from '@matching/profiles';
import { canTransition, isFinal, openedAtAfter, VACANCY_STATUSES } from './vacancy-status';

describe('vacancy status transitions', () => {
  const allowed: Array<[VacancyStatus, VacancyStatus]> = [
    ['DRAFT', 'OPEN'],
    ['DRAFT', 'CLOSED'],
    ['OPEN', 'ON_HOLD'],
    ['OPEN', 'FILLED'],
    ['OPEN', 'CLOSED'],
    ['ON_HOLD', 'OPEN'],
    ['ON_HOLD', 'CLOSED'],
  ];

  it.each(allowed)('%s → %s is allowed', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  // Every other ordered pair, the same status twice included, is refused: 25 pairs − 7 allowed = 18.
  const refused = VACANCY_STATUSES.flatMap((from) => VACANCY_STATUSES.map((to) => [from, to] as const)).filter(
    ([from, to]) => !allowed.some(([a, b]) => a === from && b === to),
  );

  it('refuses the other 18 pairs', () => {
    expect(refused).toHaveLength(18);
    for (const [from, to] of refused) expect([from, to, canTransition(from, to)]).toEqual([from, to, false]);
  });

  it('treats FILLED and CLOSED as final, the others not', () => {
    expect(VACANCY_STATUSES.filter(isFinal)).toEqual(['FILLED', 'CLOSED']);
  });

  it('sets openedAt on the first opening only', () => {
    const first = new Date('2026-03-02T08:00:00Z');
    const later = new Date('2026-04-01T08:00:00Z');
    expect(openedAtAfter(null, 'OPEN', first)).toEqual(first);
    // Reopening after ON_HOLD keeps the first publication date.
    expect(openedAtAfter(first, 'OPEN', later)).toEqual(first);
    expect(openedAtAfter(null, 'CLOSED', later)).toBeNull();
  });
});
