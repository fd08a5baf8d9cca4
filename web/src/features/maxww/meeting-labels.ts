/** The Dutch words of the Max-WW screens. */
export const EXCLUSION_REASON_LABELS: Record<string, string> = {
  NO_BIJSTAND_RIGHT: 'Geen recht op bijstand verwacht',
  ALREADY_WORKING: 'Werkt al',
  ILL: 'Ziek',
  MOVED: 'Verhuisd',
};
export const ATTENDANCE_LABELS: Record<string, string> = { PRESENT: 'Aanwezig', ABSENT: 'Afwezig' };
export const CHANNEL_LABELS: Record<string, string> = { WORK_FOLDER: 'Werkmap (werk.nl)', EMAIL: 'E-mail' };
export const ROUTE_LABELS: Record<string, string> = {
  MAX_WW_ADVISER: 'Max-WW-adviseur',
  UWV_ADVISER: 'UWV-adviseur',
  NO_ACTION: 'Geen actie',
};
export const FOLLOW_UP_LABELS: Record<string, string> = { REACHED: 'Bereikt', NOT_REACHED: 'Niet bereikt' };

const DAY = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
const MOMENT = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});

export const formatDay = (iso: string): string => DAY.format(new Date(`${iso}T12:00:00`));
export const formatMeetingMoment = (iso: string): string => MOMENT.format(new Date(iso));

/** The route of a client in Dutch: "UWV-adviseur (2× niet verschenen)". */
export function routeLabel(route: { route: string; basis: string } | null | undefined): string | null {
  if (!route) return null;
  const label = ROUTE_LABELS[route.route] ?? route.route;
  return route.basis === 'TWO_NO_SHOWS' ? `${label} (2× niet verschenen)` : label;
}

/** This month and the next eleven as `YYYY-MM` with a Dutch name ("december 2026"). */
export function monthOptions(today = new Date()): Array<{ value: string; label: string }> {
  const name = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric' });
  return Array.from({ length: 13 }, (_, index) => {
    const month = new Date(today.getFullYear(), today.getMonth() + index, 1);
    const value = `${month.getFullYear()}-${String(month.getMonth() + 1).padStart(2, '0')}`;
    return { value, label: name.format(month) };
  });
}
