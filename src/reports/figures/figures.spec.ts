import { outflowFigures } from './outflow-figures';
import { PlacementCountRow, placementBreakdown } from './placement-figures';
import { sroiShare } from './sroi';

describe('SROI share', () => {
  it('is 12 of 96 placements = 12.5%: within the 10–15% the region expects', () => {
    expect(sroiShare(96, 12)).toEqual({ placements: 96, sroi: 12, sroiPct: 12.5, band: 'WITHIN' });
  });

  it('counts 10% and 15% themselves as within, and tells below from above', () => {
    // 1 / 10 = 10%; 3 / 20 = 15%; 1 / 11 = 9.09 → 9.1%; 4 / 25 = 16%
    expect([sroiShare(10, 1).band, sroiShare(20, 3).band]).toEqual(['WITHIN', 'WITHIN']);
    expect(sroiShare(11, 1)).toMatchObject({ sroiPct: 9.1, band: 'BELOW' });
    expect(sroiShare(25, 4)).toMatchObject({ sroiPct: 16, band: 'ABOVE' });
  });

  it('has no share without placements', () => {
    expect(sroiShare(0, 0)).toEqual({ placements: 0, sroi: 0, sroiPct: null, band: null });
  });
});

describe('placement figures', () => {
  const row = (
    unitId: string,
    month: string,
    targetGroup: PlacementCountRow['targetGroup'],
    placements: number,
    sroi = 0,
    outflowUnrecorded = 0,
  ): PlacementCountRow => ({ unitId, month, targetGroup, placements, sroi, outflowUnrecorded });

  it('sums per month, unit and target group, every month and group listed', () => {
    const figures = placementBreakdown(
      [
        // January: unit A 3 WW (1 SROI), 1 SDD 80-100; unit B 2 MAX WW (1 SROI, 2 without outflow record)
        row('A', '2026-01', 'WW', 3, 1),
        row('A', '2026-01', 'SDD 80-100', 1),
        row('B', '2026-01', 'MAX WW', 2, 1, 2),
        // March: unit A 4 WW (no SROI)
        row('A', '2026-03', 'WW', 4),
      ],
      '2026-01-01',
      '2026-03-31',
      ['A', 'B'],
    );
    // total 3 + 1 + 2 + 4 = 10; SROI 2 of 10 = 20% (above 15)
    expect(figures.total).toEqual({
      total: 10,
      byTargetGroup: [
        { targetGroup: 'WW', placements: 7 },
        { targetGroup: 'MAX WW', placements: 2 },
        { targetGroup: 'WAJONG', placements: 0 },
        { targetGroup: 'SDD 80-100', placements: 1 },
        { targetGroup: 'SDD 50-80', placements: 0 },
      ],
      sroi: { placements: 10, sroi: 2, sroiPct: 20, band: 'ABOVE' },
      outflowUnrecorded: 2,
    });
    expect(figures.byMonth.map((month) => [month.month, month.total, month.sroi.sroiPct])).toEqual([
      ['2026-01', 6, 33.3], // 2 / 6
      ['2026-02', 0, null],
      ['2026-03', 4, 0],
    ]);
    expect(figures.byUnit.map((unit) => [unit.unitId, unit.total, unit.sroi.sroi])).toEqual([
      ['A', 8, 1],
      ['B', 2, 1],
    ]);
  });

  it('lists placements in no target group apart, only when there are any', () => {
    const figures = placementBreakdown([row('A', '2026-01', null, 1)], '2026-01-01', '2026-01-31', ['A']);
    expect(figures.total.byTargetGroup.at(-1)).toEqual({ targetGroup: null, placements: 1 });
    expect(figures.total.byTargetGroup).toHaveLength(6);
  });
});

describe('outflow figures', () => {
  it('counts full and partial outflow per unit and target group', () => {
    const figures = outflowFigures(
      [
        { unitId: 'A', targetGroup: 'WW', full: 3, partial: 1 },
        { unitId: 'A', targetGroup: 'SDD 80-100', full: 2, partial: 0 },
        { unitId: 'B', targetGroup: 'WW', full: 1, partial: 2 },
      ],
      ['A', 'B', 'C'],
    );
    // full 3 + 2 + 1 = 6, partial 1 + 0 + 2 = 3
    expect(figures.total).toEqual({ full: 6, partial: 3 });
    expect(figures.byUnit).toEqual([
      { unitId: 'A', full: 5, partial: 1 },
      { unitId: 'B', full: 1, partial: 2 },
      { unitId: 'C', full: 0, partial: 0 },
    ]);
    expect(figures.byTargetGroup[0]).toEqual({ targetGroup: 'WW', full: 4, partial: 3 });
    expect(figures.byTargetGroup[3]).toEqual({ targetGroup: 'SDD 80-100', full: 2, partial: 0 });
  });
});
