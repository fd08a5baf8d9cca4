import { addMonths } from '@matching/candidates/target-group';

/**
 * Outflow from benefit, the second KPI after placements (domain.md): whether the client's benefit
 * stopped after the placement. FULL: it stopped on a day; PARTIAL: it was reduced from a day (a
 * part-time job is a placement even when the benefit goes on); NONE: it goes on as it was.
 */
export type Outflow = 'FULL' | 'PARTIAL' | 'NONE';
export const OUTFLOWS: readonly Outflow[] = ['FULL', 'PARTIAL', 'NONE'];

/** How far ahead a decision may be recorded: a benefit is often stopped per a coming first of the month. */
export const OUTFLOW_MONTHS_AHEAD = 3;

/**
 * Field errors of an outflow record, or null: FULL and PARTIAL need the day the benefit changed, on
 * or after the placement's start and at most three months after today (Dutch dates); NONE has no day.
 */
export function outflowErrors(
  input: { outflow: Outflow; benefitChangedOn: string | null },
  placementStart: string,
  today: string,
): Record<string, string> | null {
  if (input.outflow === 'NONE') {
    return input.benefitChangedOn === null ? null : { benefitChangedOn: 'must be left out when the benefit goes on' };
  }
  if (input.benefitChangedOn === null)
    return { benefitChangedOn: 'is required: the day the benefit stopped or changed' };
  if (input.benefitChangedOn < placementStart) {
    return { benefitChangedOn: `must not be before the placement's start (${placementStart})` };
  }
  const latest = addMonths(today, OUTFLOW_MONTHS_AHEAD);
  if (input.benefitChangedOn > latest) return { benefitChangedOn: `must be at most 3 months ahead (${latest})` };
  return null;
}
