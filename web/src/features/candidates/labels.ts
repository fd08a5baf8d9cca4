import type { Checklist, Jobready, Pool } from './candidates-queries';
export { DRIVING_LICENCES, DUTCH_LEVELS, EDUCATION_LABELS } from '../../app/vocabulary';

/** Dutch names for the API's candidate values; the API and code keep their English codes. */
export const POOL_LABELS: Record<Pool, string> = { WW: 'WW (UWV)', BIJSTAND: 'Bijstand (gemeente)' };

export const JOBREADY_LABELS: Record<Jobready, string> = {
  YES: 'Jobready',
  NO: 'Niet jobready',
  TO_ASSESS: 'Te beoordelen',
};

export const STATUS_LABELS: Record<string, string> = {
  ACTIVE: 'Actief',
  PROPOSED: 'Voorgesteld',
  PLACED: 'Geplaatst',
  INACTIVE: 'Inactief',
};

export const TARGET_GROUPS = ['WW', 'MAX WW', 'WAJONG', 'SDD 80-100', 'SDD 50-80'] as const;

export const CLASSIFICATION_LABELS: Record<string, string> = {
  '80-100': '80-100 (loonwaarde 80–100%)',
  '50-80': '50-80 (verminderde loonwaarde)',
  PARTICIPATIE: 'Participatie (loonwaarde onder 50%)',
};

export const TRANSPORT_LABELS: Record<string, string> = {
  CAR: 'Auto',
  BIKE: 'Fiets / scooter',
  PUBLIC_TRANSPORT: 'Openbaar vervoer',
};

/** The jobready checklist as domain.md names it: what the adviser judges before calling a client jobready. */
export const CHECKLIST_ITEMS: Array<{ key: keyof Checklist; label: string; description: string }> = [
  { key: 'ownTransport', label: 'Eigen vervoer', description: 'Kan zelfstandig op het werk komen.' },
  { key: 'hoursAvailable', label: 'Uren beschikbaar', description: 'Kan de gewenste uren per week werken.' },
  { key: 'childcareArranged', label: 'Kinderopvang geregeld', description: 'Of niet nodig.' },
  {
    key: 'certificatesValid',
    label: 'Diploma’s en certificaten',
    description: 'De opgegeven diploma’s en certificaten zijn aanwezig en geldig.',
  },
  { key: 'motivated', label: 'Gemotiveerd', description: 'Wil aan het werk.' },
  {
    key: 'realisticSearch',
    label: 'Realistisch zoekgedrag',
    description: 'Zoekt een broodbaan, niet alleen de droombaan.',
  },
];

export const ORGANISATION_LABELS: Record<string, string> = {
  UWV: 'UWV',
  MUNICIPALITY: 'Gemeente (SDD)',
  STAFFING_FIRM: 'Uitzendbureau',
};

const DATE = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric' });
const DATE_TIME = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short' });

/** 2026-12-01 → "1 dec 2026" (a calendar date, shown as the same day everywhere). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return DATE.format(new Date(`${iso.slice(0, 10)}T12:00:00`));
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? DATE_TIME.format(new Date(iso)) : '—';
}

/** The elfproef of domain.md: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11 (the API checks again). */
export function passesElfproef(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  if (!/^\d{9}$/.test(digits)) return false;
  const sum = [...digits].reduce((total, digit, index) => total + Number(digit) * (index === 8 ? -1 : 9 - index), 0);
  return sum % 11 === 0;
}
