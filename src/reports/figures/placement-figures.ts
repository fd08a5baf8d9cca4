import { TARGET_GROUPS, TargetGroup } from '@matching/candidates/target-group';
import { monthsBetween } from '@aftersales/durability/durability-figures';
import { SroiShare, sroiShare } from './sroi';

/**
 * The dashboard's placement figures from the database's counts per unit, start month and target group:
 * per month, per unit and per target group (all five always listed, in the domain's order, plus the
 * placements in no group), each with its SROI share and how many still lack an outflow record.
 */
export interface PlacementCountRow {
  unitId: string;
  month: string;
  targetGroup: TargetGroup | null;
  placements: number;
  sroi: number;
  outflowUnrecorded: number;
}

export interface TargetGroupCount {
  targetGroup: TargetGroup | null;
  placements: number;
}

export interface PlacementFigures {
  total: number;
  byTargetGroup: TargetGroupCount[];
  sroi: SroiShare;
  outflowUnrecorded: number;
}

export interface PlacementBreakdown {
  total: PlacementFigures;
  byMonth: Array<PlacementFigures & { month: string }>;
  byUnit: Array<PlacementFigures & { unitId: string }>;
}

function figuresOf(rows: readonly PlacementCountRow[]): PlacementFigures {
  const count = (key: 'placements' | 'sroi' | 'outflowUnrecorded', of = rows) =>
    of.reduce((total, row) => total + row[key], 0);
  const total = count('placements');
  const withoutGroup = count(
    'placements',
    rows.filter((row) => row.targetGroup === null),
  );
  return {
    total,
    byTargetGroup: [
      ...TARGET_GROUPS.map((targetGroup) => ({
        targetGroup,
        placements: count(
          'placements',
          rows.filter((row) => row.targetGroup === targetGroup),
        ),
      })),
      // Placements of clients in no target group only when there are any (the matching rules keep them rare).
      ...(withoutGroup > 0 ? [{ targetGroup: null, placements: withoutGroup }] : []),
    ],
    sroi: sroiShare(total, count('sroi')),
    outflowUnrecorded: count('outflowUnrecorded'),
  };
}

/** Every month of [from, to] (empty ones with zeros) and every unit in `unitIds` (in that order). */
export function placementBreakdown(
  rows: readonly PlacementCountRow[],
  from: string,
  to: string,
  unitIds: readonly string[],
): PlacementBreakdown {
  const byMonth = new Map<string, PlacementCountRow[]>();
  const byUnit = new Map<string, PlacementCountRow[]>();
  for (const row of rows) {
    byMonth.set(row.month, [...(byMonth.get(row.month) ?? []), row]);
    byUnit.set(row.unitId, [...(byUnit.get(row.unitId) ?? []), row]);
  }
  return {
    total: figuresOf(rows),
    byMonth: monthsBetween(from, to).map((month) => ({ month, ...figuresOf(byMonth.get(month) ?? []) })),
    byUnit: unitIds.map((unitId) => ({ unitId, ...figuresOf(byUnit.get(unitId) ?? []) })),
  };
}
