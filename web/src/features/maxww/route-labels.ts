import type { ExitKind } from './maxww-route-queries';

/** The exits in the team's words (uitstroom); a job found on one's own is never "geplaatst door het team". */
export const EXIT_KIND_LABELS: Record<ExitKind, string> = {
  PLACED_BY_TEAM: 'Geplaatst door het team',
  OWN_JOB: 'Zelf werk gevonden',
  BENEFIT_ENDED: 'Uitkering anders beëindigd',
  MOVED_TO_BIJSTAND: 'Naar de Bijstand',
  MOVED_AWAY: 'Verhuisd',
  OTHER: 'Anders',
};

export const EXIT_KINDS = Object.keys(EXIT_KIND_LABELS) as ExitKind[];

/** "12-11-2026" for a calendar day; a dash for none. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '—';
  const [year, month, date] = day.slice(0, 10).split('-');
  return `${date}-${month}-${year}`;
}

/** Today as a Dutch calendar day (YYYY-MM-DD). */
export function dutchDay(moment = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(moment);
}
