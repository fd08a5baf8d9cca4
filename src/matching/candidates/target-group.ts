import { Classification, Pool } from '@matching/profiles';

/** The groups placements are counted in (domain.md, "How success is counted"). */
export type TargetGroup = 'WW' | 'MAX WW' | 'WAJONG' | 'SDD 80-100' | 'SDD 50-80';

/** ISO date (YYYY-MM-DD) `months` later; the day is clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * Max-WW: a WW client whose WW ends within `months` from today (inclusive both ends). A WW that ended
 * already is no longer Max-WW: that client has left the WW.
 */
export function isMaxWw(wwEndDate: string | null, today: string, months: number): boolean {
  if (!wwEndDate) return false;
  return wwEndDate >= today && wwEndDate <= addMonths(today, months);
}

export interface TargetGroupFacts {
  pool: Pool;
  wwEndDate: string | null;
  wajong: boolean;
  classification: Classification | null;
  /**
   * In the Max-WW programme on the day judged (a mediation covering it): MAX WW, even when the WW
   * ended in between. Left out where the programme does not matter (lists judge by the WW end date).
   */
  inMaxWwProgramme?: boolean;
}

/**
 * The target group a placement of this candidate counts for. Wajong (UWV's benefit for young people
 * with a work limitation) comes first for UWV clients; a Bijstand client counts by classification;
 * PARTICIPATIE and unclassified Bijstand clients are in no placement target group.
 */
export function targetGroupOf(facts: TargetGroupFacts, today: string, maxWwMonths: number): TargetGroup | null {
  switch (facts.pool) {
    case 'WW':
      if (facts.wajong) return 'WAJONG';
      if (facts.inMaxWwProgramme) return 'MAX WW';
      return isMaxWw(facts.wwEndDate, today, maxWwMonths) ? 'MAX WW' : 'WW';
    case 'BIJSTAND':
      if (facts.classification === '80-100') return 'SDD 80-100';
      if (facts.classification === '50-80') return 'SDD 50-80';
      return null;
  }
}

/** Every target group, in the order reports list them; a Record, so none is left out. */
const TARGET_GROUP_ORDER: Record<TargetGroup, number> = {
  WW: 0,
  'MAX WW': 1,
  WAJONG: 2,
  'SDD 80-100': 3,
  'SDD 50-80': 4,
};
export const TARGET_GROUPS = (Object.keys(TARGET_GROUP_ORDER) as TargetGroup[]).sort(
  (a, b) => TARGET_GROUP_ORDER[a] - TARGET_GROUP_ORDER[b],
);
