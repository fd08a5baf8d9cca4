import { TARGET_GROUPS, TargetGroup } from '@matching/candidates/target-group';
import { daysInclusive, TargetPeriod } from './target-period';

/**
 * Progress against a target (README, "Targets: definitions"). With P the period's days, E the days of
 * it that have begun by today (today counts; 0 before the period, P after it) and N the placements
 * counted in it:
 * - elapsedShare = E ÷ P;
 * - forecast = round(N × P ÷ E): the period at the pace so far; null while E = 0; N once the period is over;
 * - expectedSoFar = target × E ÷ P (one decimal): where the pace of the target would be by now;
 * - progressPct = 100 × N ÷ target (one decimal); null without a target or for a target of 0;
 * - onTrack = forecast ≥ target; null without a target or a forecast.
 */
export interface ProgressFacts {
  start: string;
  end: string;
  today: string;
  target: number | null;
  counted: number;
}

export interface Progress {
  target: number | null;
  counted: number;
  periodDays: number;
  elapsedDays: number;
  elapsedShare: number;
  expectedSoFar: number | null;
  progressPct: number | null;
  forecast: number | null;
  onTrack: boolean | null;
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

export function progress({ start, end, today, target, counted }: ProgressFacts): Progress {
  const periodDays = daysInclusive(start, end);
  const elapsedDays = Math.min(periodDays, Math.max(0, daysInclusive(start, today)));
  const forecast = elapsedDays === 0 ? null : Math.round((counted * periodDays) / elapsedDays);
  return {
    target,
    counted,
    periodDays,
    elapsedDays,
    elapsedShare: round(elapsedDays / periodDays, 4),
    expectedSoFar: target === null ? null : round((target * elapsedDays) / periodDays, 1),
    progressPct: target === null || target === 0 ? null : round((100 * counted) / target, 1),
    forecast,
    onTrack: target === null || forecast === null ? null : forecast >= target,
  };
}

export interface GroupProgress extends Omit<Progress, 'periodDays' | 'elapsedDays' | 'elapsedShare'> {
  targetGroup: TargetGroup | null;
}

export interface PeriodProgress extends Progress {
  period: TargetPeriod;
  byTargetGroup: GroupProgress[];
}

/**
 * The progress of a unit's target for one period, in total and per target group: the split's number
 * where the target names the group, otherwise no target (but still the count and the forecast).
 */
export function periodProgress(
  period: TargetPeriod,
  today: string,
  target: { placements: number; byTargetGroup: Partial<Record<TargetGroup, number>> } | null,
  countedByGroup: ReadonlyMap<TargetGroup | null, number>,
): PeriodProgress {
  const facts = { start: period.start, end: period.end, today };
  const counted = [...countedByGroup.values()].reduce((total, count) => total + count, 0);
  const groups: Array<TargetGroup | null> = [...TARGET_GROUPS, ...(countedByGroup.get(null) ? [null] : [])];
  return {
    period,
    ...progress({ ...facts, target: target?.placements ?? null, counted }),
    byTargetGroup: groups.map((targetGroup) => {
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { periodDays, elapsedDays, elapsedShare, ...rest } = progress({
        ...facts,
        target: (targetGroup && target?.byTargetGroup[targetGroup]) ?? null,
        counted: countedByGroup.get(targetGroup) ?? 0,
      });
      return { targetGroup, ...rest };
    }),
  };
}
