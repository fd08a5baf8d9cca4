import type { Contact, VacancyOffer } from './mediation-queries';

/** The Dutch words of the mediation screens for what the API says in codes. */
export const CHANNEL_LABELS: Record<Contact['channel'], string> = {
  PHONE: 'Telefoon',
  EMAIL: 'E-mail',
  WHATSAPP: 'WhatsApp',
  MEETING: 'Gesprek',
};

export const RESPONSE_LABELS: Record<NonNullable<VacancyOffer['clientResponse']>, string> = {
  INTERESTED: 'Geïnteresseerd',
  NOT_INTERESTED: 'Niet geïnteresseerd',
};

const DATE = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A calendar day (YYYY-MM-DD) as "4 dec. 2026"; days are not moments, so no time zone shifts them. */
export function formatDay(day: string | null | undefined): string {
  return day ? DATE.format(new Date(`${day}T00:00:00Z`)) : '—';
}

export function daysText(days: number): string {
  return days === 1 ? '1 dag' : `${days} dagen`;
}

/** Why a mediation ended without an exit (the API's fixed list). */
export const END_REASON_LABELS: Record<string, string> = {
  CLIENT_CHOICE: 'Keuze van de klant',
  PROGRAMME_COMPLETED: 'Drie maanden programma voorbij',
  OTHER: 'Andere reden',
};
