/**
 * How a client left the Max-WW programme (the CHECK on max_ww_exits.kind). A job the client found on
 * their own is OWN_JOB, never a team placement: only PLACED_BY_TEAM names a placement.
 */
export const EXIT_KINDS = [
  'PLACED_BY_TEAM',
  'OWN_JOB',
  'BENEFIT_ENDED',
  'MOVED_TO_BIJSTAND',
  'MOVED_AWAY',
  'OTHER',
] as const;
export type ExitKind = (typeof EXIT_KINDS)[number];
