import { monthsBetween, sumCounts, EMPTY_COUNTS } from './cohort-months';

describe('cohort months', () => {
  it('lists every month of a range, across a year end, both ends included', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-01', '2026-12')).toHaveLength(12);
    expect(monthsBetween('2026-05', '2026-05')).toEqual(['2026-05']);
  });

  it('adds the months into the totals row', () => {
    // 10 + 4 invited, 7 + 2 attended, 3 + 1 in mediation, 1 + 0 placed.
    const total = sumCounts([
      { ...EMPTY_COUNTS, invited: 10, attended: 7, inMediation: 3, placedByTeam: 1, stillInMediation: 2 },
      { ...EMPTY_COUNTS, invited: 4, attended: 2, inMediation: 1, stillInMediation: 1 },
    ]);
    expect(total).toEqual({
      ...EMPTY_COUNTS,
      invited: 14,
      attended: 9,
      inMediation: 4,
      placedByTeam: 1,
      stillInMediation: 3,
    });
  });
});
