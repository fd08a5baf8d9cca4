import { CohortMilestoneCounts, durabilityFigures, monthsBetween, stillWorkingPct } from './durability-figures';
import { periodErrors } from './durability-report.service';

const row = (month: string, milestone: number, counts: Partial<CohortMilestoneCounts>): CohortMilestoneCounts => ({
  month,
  milestone,
  placements: 0,
  pending: 0,
  reached: 0,
  stillWorking: 0,
  stoppedWorking: 0,
  unknown: 0,
  ...counts,
});

describe('durability figures', () => {
  it('is still working ÷ known outcomes: 2 working, 1 stopped → 2 / 3 = 66.7%', () => {
    expect(stillWorkingPct({ stillWorking: 2, stoppedWorking: 1 })).toBe(66.7);
  });

  it('has no percentage without a known outcome, and 100 or 0 when all are on one side', () => {
    expect(stillWorkingPct({ stillWorking: 0, stoppedWorking: 0 })).toBeNull();
    expect(stillWorkingPct({ stillWorking: 4, stoppedWorking: 0 })).toBe(100);
    expect(stillWorkingPct({ stillWorking: 0, stoppedWorking: 3 })).toBe(0);
    // 1 / 8 = 12.5% exactly; 5 / 6 = 83.33…% → 83.3
    expect(stillWorkingPct({ stillWorking: 1, stoppedWorking: 7 })).toBe(12.5);
    expect(stillWorkingPct({ stillWorking: 5, stoppedWorking: 1 })).toBe(83.3);
  });

  it('lists every start month of the period, across a year end, a month without placements too', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03-31', '2026-03-31')).toEqual(['2026-03']);
  });

  it('sums the cohorts into the total and works its percentage out from the sums, not as an average', () => {
    const figures = durabilityFigures(
      [
        // 2026-01: 4 placements; at P3M 3 working, 1 stopped; at P6M 1 working, 1 stopped, 2 unknown
        row('2026-01', 1, { placements: 4, reached: 3, stillWorking: 3, stoppedWorking: 1 }),
        row('2026-01', 2, { placements: 4, reached: 1, stillWorking: 1, stoppedWorking: 1, unknown: 2 }),
        // 2026-03: 1 placement, both milestones still to come
        row('2026-03', 1, { placements: 1, pending: 1 }),
        row('2026-03', 2, { placements: 1, pending: 1 }),
      ],
      ['2026-01', '2026-02', '2026-03'],
      ['P3M', 'P6M'],
    );
    expect(figures.cohorts.map((cohort) => [cohort.month, cohort.placements])).toEqual([
      ['2026-01', 4],
      ['2026-02', 0],
      ['2026-03', 1],
    ]);
    expect(figures.cohorts[0].milestones[0]).toEqual({
      milestone: 1,
      offset: 'P3M',
      pending: 0,
      reached: 3,
      stillWorking: 3,
      stoppedWorking: 1,
      unknown: 0,
      stillWorkingPct: 75, // 3 / (3 + 1)
    });
    // A month without placements: zeros, and no percentage rather than 0%.
    expect(figures.cohorts[1].milestones.map((m) => [m.offset, m.pending, m.stillWorkingPct])).toEqual([
      ['P3M', 0, null],
      ['P6M', 0, null],
    ]);
    // Total P3M: 3 working, 1 stopped → 75%, March's 1 pending; P6M: 1 working, 1 stopped → 50%, 2 unknown apart.
    expect(figures.total).toEqual({
      placements: 5,
      milestones: [
        {
          milestone: 1,
          offset: 'P3M',
          pending: 1,
          reached: 3,
          stillWorking: 3,
          stoppedWorking: 1,
          unknown: 0,
          stillWorkingPct: 75,
        },
        {
          milestone: 2,
          offset: 'P6M',
          pending: 1,
          reached: 1,
          stillWorking: 1,
          stoppedWorking: 1,
          unknown: 2,
          stillWorkingPct: 50,
        },
      ],
    });
  });

  it('weights the total by cohort size: 1 of 1 working and 1 of 4 working is 2 of 5 = 40%, not 62.5%', () => {
    const figures = durabilityFigures(
      [
        row('2026-01', 1, { placements: 1, stillWorking: 1 }),
        row('2026-02', 1, { placements: 4, stillWorking: 1, stoppedWorking: 3 }),
      ],
      ['2026-01', '2026-02'],
      ['P3M'],
    );
    expect(figures.cohorts.map((cohort) => cohort.milestones[0].stillWorkingPct)).toEqual([100, 25]);
    expect(figures.total.milestones[0].stillWorkingPct).toBe(40);
  });
});

describe('durability report period', () => {
  it('takes from ≤ to, up to the day before the same date 5 years on', () => {
    expect(periodErrors('2026-01-01', '2026-01-01')).toBeNull();
    expect(periodErrors('2021-01-01', '2025-12-31')).toBeNull();
    expect(periodErrors('2021-01-01', '2026-01-01')).toEqual({
      to: 'must be less than 5 years after from (before 2026-01-01)',
    });
    expect(periodErrors('2026-02-01', '2026-01-31')).toEqual({ to: 'must not be before from' });
  });

  it('counts 5 years from 29 February as up to 28 February', () => {
    expect(periodErrors('2024-02-29', '2029-02-28')).toBeNull();
    expect(periodErrors('2024-02-29', '2029-03-01')).not.toBeNull();
  });
});
