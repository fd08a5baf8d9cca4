import { wallClockAfter } from '@platform/config/iso-duration';

/**
 * Whether a placement that ended had proved lasting: it ran until its last follow-up milestone (the
 * latest offset of FOLLOW_UP_OFFSETS after the start date, 6 months by default), as the durability
 * report counts it (ended on or after T_m: still working at T_m). A placement that ended earlier
 * gives its vacancy position back; after that the employer's new need is a new vacancy.
 */
export function provedLasting(startDate: string, endDate: string, offsets: readonly string[]): boolean {
  const lastMilestone = Math.max(...offsets.map((offset) => wallClockAfter(startDate, offset)));
  return Date.parse(endDate) >= lastMilestone;
}
