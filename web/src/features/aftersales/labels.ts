import type { FollowUp } from './aftersales-queries';
export { CONTRACT_LABELS, INSTRUMENT_LABELS } from '../../app/vocabulary';

/** The Dutch words for what the API says in codes, on the aftersales screens. */
export const RESULT_LABELS: Record<NonNullable<FollowUp['result']>, string> = {
  STILL_WORKING: 'Nog aan het werk',
  AT_RISK: 'Risico',
  LEFT_JOB: 'Uit dienst',
  UNREACHABLE: 'Niet bereikt',
};

export const PARTY_LABELS: Record<FollowUp['party'], string> = { CLIENT: 'Klant', EMPLOYER: 'Werkgever' };

export const STATUS_LABELS: Record<FollowUp['status'], string> = {
  PLANNED: 'Gepland',
  DUE: 'Te bellen',
  DONE: 'Afgerond',
  MISSED: 'Niet bereikt (gestopt)',
  CANCELLED: 'Vervallen',
};

export const POOL_LABELS: Record<string, string> = { WW: 'WW (UWV)', BIJSTAND: 'Bijstand (gemeente)' };

const DATE = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});
const DATE_TIME = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});

/** A calendar date (YYYY-MM-DD) as the Dutch write it: 1 maart 2027. */
export function formatDate(date: string): string {
  // Noon UTC stays the same calendar day in the Netherlands.
  return DATE.format(new Date(`${date.slice(0, 10)}T12:00:00Z`));
}

export function formatMoment(moment: string): string {
  return DATE_TIME.format(new Date(moment));
}

/** "1e meting" for milestone 1 (about 3 months after the start), "2e meting" for the next. */
export function milestoneLabel(milestone: number): string {
  return `${milestone}e meting`;
}

/** Who is called: the client by name, or the employer (with its contact person when it has one). */
export function calleeName(call: FollowUp): string {
  if (call.party === 'CLIENT') return call.client?.name ?? 'Klant';
  return call.employer.contact ? `${call.employer.name} (${call.employer.contact.name})` : call.employer.name;
}
