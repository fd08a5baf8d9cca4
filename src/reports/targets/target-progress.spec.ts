import { periodsOverlapping, parseTargetPeriod, previousPeriod, quarterOf } from './target-period';
import { periodProgress, progress } from './target-progress';

/** Q4 2026: 1 October – 31 December, 92 days. */
const Q4 = { start: '2026-10-01', end: '2026-12-31' };

describe('target progress', () => {
  it('forecasts the quarter at the pace so far: 30 placements by 22 November, target 50', () => {
    // 1 Oct … 22 Nov = 31 + 22 = 53 days begun of 92 → share 53 / 92 = 0.5761;
    // forecast 30 × 92 / 53 = 52.08 → 52 ≥ 50: on track; progress 30 / 50 = 60%;
    // expected by now 50 × 53 / 92 = 28.80 → 28.8
    expect(progress({ ...Q4, today: '2026-11-22', target: 50, counted: 30 })).toEqual({
      target: 50,
      counted: 30,
      periodDays: 92,
      elapsedDays: 53,
      elapsedShare: 0.5761,
      expectedSoFar: 28.8,
      progressPct: 60,
      forecast: 52,
      onTrack: true,
    });
  });

  it('is behind when the pace falls short: 20 by 22 November forecasts 35 of 50', () => {
    // 20 × 92 / 53 = 34.72 → 35 < 50
    const behind = progress({ ...Q4, today: '2026-11-22', target: 50, counted: 20 });
    expect([behind.forecast, behind.onTrack, behind.progressPct]).toEqual([35, false, 40]);
  });

  it('counts the first day as begun: 2 placements on 1 October forecast 2 × 92 = 184', () => {
    const first = progress({ ...Q4, today: '2026-10-01', target: 100, counted: 2 });
    expect([first.elapsedDays, first.elapsedShare, first.forecast]).toEqual([1, 0.0109, 184]);
  });

  it('has no forecast before the period starts, and the count itself once it is over', () => {
    // Registered for a start in Q4 while it is still September: counted, but no pace yet.
    const before = progress({ ...Q4, today: '2026-09-30', target: 40, counted: 3 });
    expect([before.elapsedDays, before.elapsedShare, before.forecast, before.onTrack, before.expectedSoFar]).toEqual([
      0,
      0,
      null,
      null,
      0,
    ]);
    // Over: 92 of 92 days; forecast = 47 placements, below 50.
    const after = progress({ ...Q4, today: '2027-01-15', target: 50, counted: 47 });
    expect([after.elapsedDays, after.elapsedShare, after.forecast, after.onTrack, after.progressPct]).toEqual([
      92,
      1,
      47,
      false,
      94,
    ]);
  });

  it('gives a forecast without a target, and no percentage for a target of 0', () => {
    // Year 2026: 365 days; 1 Jan … 1 Jul = 182 days; 91 × 365 / 182 = 182.5 → 183 (rounds half up)
    const none = progress({ start: '2026-01-01', end: '2026-12-31', today: '2026-07-01', target: null, counted: 91 });
    expect([none.forecast, none.progressPct, none.onTrack, none.expectedSoFar]).toEqual([183, null, null, null]);
    const zero = progress({ ...Q4, today: '2026-11-22', target: 0, counted: 0 });
    expect([zero.progressPct, zero.forecast, zero.onTrack]).toEqual([null, 0, true]);
  });
});

describe('target periods', () => {
  it('knows years and quarters, leap days included', () => {
    expect(parseTargetPeriod('2028-Q1')).toEqual({
      key: '2028-Q1',
      kind: 'QUARTER',
      start: '2028-01-01',
      end: '2028-03-31',
    });
    expect(parseTargetPeriod('2026-Q2')?.end).toBe('2026-06-30');
    expect(parseTargetPeriod('2026')).toEqual({ key: '2026', kind: 'YEAR', start: '2026-01-01', end: '2026-12-31' });
    expect(parseTargetPeriod('2026-Q5')).toBeNull();
    expect(parseTargetPeriod('26-Q1')).toBeNull();
  });

  it('steps back one period and finds the quarter of a day', () => {
    expect(previousPeriod(parseTargetPeriod('2027-Q1')!).key).toBe('2026-Q4');
    expect(previousPeriod(parseTargetPeriod('2027')!).key).toBe('2026');
    expect(quarterOf('2026-11-22').key).toBe('2026-Q4');
  });

  it('lists the years and quarters a report period overlaps', () => {
    expect(periodsOverlapping('2026-03-15', '2026-07-01').map((period) => period.key)).toEqual([
      '2026',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
    ]);
  });
});

describe('target progress per target group', () => {
  it('tracks the split where the target names a group, and counts the other groups without a target', () => {
    // Q4, 22 November (53 of 92 days): target 50, of which WW 20 and SDD 80-100 10.
    // Counted: WW 12, MAX WW 5, SDD 80-100 4 → 21 in all; forecast 21 × 92 / 53 = 36.45 → 36 < 50.
    // WW: 12 × 92 / 53 = 20.83 → 21 ≥ 20, on track; SDD 80-100: 4 × 92 / 53 = 6.94 → 7 < 10;
    // MAX WW: no target of its own, forecast 5 × 92 / 53 = 8.68 → 9.
    const result = periodProgress(
      parseTargetPeriod('2026-Q4')!,
      '2026-11-22',
      { placements: 50, byTargetGroup: { WW: 20, 'SDD 80-100': 10 } },
      new Map([
        ['WW', 12],
        ['MAX WW', 5],
        ['SDD 80-100', 4],
      ]),
    );
    expect([result.counted, result.forecast, result.onTrack]).toEqual([21, 36, false]);
    expect(
      result.byTargetGroup.map((group) => [
        group.targetGroup,
        group.target,
        group.counted,
        group.forecast,
        group.onTrack,
      ]),
    ).toEqual([
      ['WW', 20, 12, 21, true],
      ['MAX WW', null, 5, 9, null],
      ['WAJONG', null, 0, 0, null],
      ['SDD 80-100', 10, 4, 7, false],
      ['SDD 50-80', null, 0, 0, null],
    ]);
  });
});
