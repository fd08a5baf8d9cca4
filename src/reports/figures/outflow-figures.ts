import { TARGET_GROUPS, TargetGroup } from '@matching/candidates/target-group';

/**
 * Outflow from benefit, the second KPI: per unit and target group, how many placements' benefits
 * stopped fully and how many were reduced (part-time), counted by the day the benefit changed.
 */
export interface OutflowCountRow {
  unitId: string;
  targetGroup: TargetGroup | null;
  full: number;
  partial: number;
}

export interface OutflowCounts {
  /** Benefit stopped in the period: the outflow KPI. */
  full: number;
  /** Benefit reduced in the period (a part-time job): shown beside it, not in the KPI. */
  partial: number;
}

export interface OutflowFigures {
  total: OutflowCounts;
  byUnit: Array<OutflowCounts & { unitId: string }>;
  byTargetGroup: Array<OutflowCounts & { targetGroup: TargetGroup | null }>;
}

const sum = (rows: readonly OutflowCountRow[]): OutflowCounts => ({
  full: rows.reduce((total, row) => total + row.full, 0),
  partial: rows.reduce((total, row) => total + row.partial, 0),
});

export function outflowFigures(rows: readonly OutflowCountRow[], unitIds: readonly string[]): OutflowFigures {
  const withoutGroup = rows.filter((row) => row.targetGroup === null);
  return {
    total: sum(rows),
    byUnit: unitIds.map((unitId) => ({ unitId, ...sum(rows.filter((row) => row.unitId === unitId)) })),
    byTargetGroup: [
      ...TARGET_GROUPS.map((targetGroup) => ({
        targetGroup,
        ...sum(rows.filter((row) => row.targetGroup === targetGroup)),
      })),
      ...(withoutGroup.length > 0 ? [{ targetGroup: null, ...sum(withoutGroup) }] : []),
    ],
  };
}
