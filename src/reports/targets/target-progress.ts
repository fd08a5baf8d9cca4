import { daysInclusive } from './target-period';

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
