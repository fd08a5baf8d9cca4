/**
 * Durability (domain.md): the share of placements still working at each follow-up milestone (3 and 6
 * months by default). The database sorts every placement of a start-month cohort into one category per
 * milestone (see DurabilityReportService); the arithmetic on those counts lives here.
 */

/** The reference to compare with: Baanbrekend Drechtsteden measured about 80% at 3 and at 6 months. */
export const DURABILITY_REFERENCE = { source: 'Drechtsteden', stillWorkingPct: 80 } as const;

/** How many placements of one cohort fall in each category at one milestone. */
export interface MilestoneCounts {
  /** The milestone's moment is still to come: in none of the categories below. */
  pending: number;
  /** A milestone call to the client or the employer got an answer (UNREACHABLE is none). */
  reached: number;
  stillWorking: number;
  stoppedWorking: number;
  /** The moment passed but nothing says whether the job still ran: never in the percentage. */
  unknown: number;
}

/** One row of the database's count: a start month and a milestone. */
export interface CohortMilestoneCounts extends MilestoneCounts {
  month: string;
  milestone: number;
  placements: number;
}

export interface MilestoneFigures extends MilestoneCounts {
  milestone: number;
  offset: string;
  /** stillWorking ÷ (stillWorking + stoppedWorking) in %, one decimal; null while both are 0. */
  stillWorkingPct: number | null;
}

export interface CohortFigures {
  month: string;
  placements: number;
  milestones: MilestoneFigures[];
}

export interface DurabilityFigures {
  cohorts: CohortFigures[];
  total: { placements: number; milestones: MilestoneFigures[] };
}

const NO_PLACEMENTS: MilestoneCounts = { pending: 0, reached: 0, stillWorking: 0, stoppedWorking: 0, unknown: 0 };

/** 100 · still ÷ (still + stopped), one decimal; the unknown stay out, so a call not made yet cannot lower it. */
export function stillWorkingPct(counts: Pick<MilestoneCounts, 'stillWorking' | 'stoppedWorking'>): number | null {
  const known = counts.stillWorking + counts.stoppedWorking;
  return known === 0 ? null : Math.round((1000 * counts.stillWorking) / known) / 10;
}

/** Every month from the one of `from` to the one of `to`, as YYYY-MM: a month without placements still shows. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    if (current > last) return months;
    months.push(current);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

/**
 * Cohorts for every month in `months` (zeros where the database found none) and the total over them.
 * Each category counts placements, and cohorts do not overlap, so the total is the sum of the cohorts;
 * its percentage is worked out from the summed counts, not averaged.
 */
export function durabilityFigures(
  counts: readonly CohortMilestoneCounts[],
  months: readonly string[],
  offsets: readonly string[],
): DurabilityFigures {
  const byKey = new Map(counts.map((row) => [`${row.month}/${row.milestone}`, row]));
  const totals = offsets.map(() => ({ ...NO_PLACEMENTS }));
  let totalPlacements = 0;

  const cohorts = months.map((month) => {
    // Every placement of the cohort is counted once per milestone, so any milestone's row has them all.
    const placements = byKey.get(`${month}/1`)?.placements ?? 0;
    totalPlacements += placements;
    const milestones = offsets.map((offset, index) => {
      const row = byKey.get(`${month}/${index + 1}`);
      const own: MilestoneCounts = row
        ? {
            pending: row.pending,
            reached: row.reached,
            stillWorking: row.stillWorking,
            stoppedWorking: row.stoppedWorking,
            unknown: row.unknown,
          }
        : { ...NO_PLACEMENTS };
      const total = totals[index];
      for (const key of Object.keys(own) as Array<keyof MilestoneCounts>) total[key] += own[key];
      return withPct(index + 1, offset, own);
    });
    return { month, placements, milestones };
  });

  return {
    cohorts,
    total: {
      placements: totalPlacements,
      milestones: totals.map((total, index) => withPct(index + 1, offsets[index], total)),
    },
  };
}

function withPct(milestone: number, offset: string, counts: MilestoneCounts): MilestoneFigures {
  return { milestone, offset, ...counts, stillWorkingPct: stillWorkingPct(counts) };
}
