import type { Schema } from '@api/types';
import { todayInNetherlands } from '@app/dates';
export { CONTRACT_LABELS, INSTRUMENT_LABELS } from '../../app/vocabulary';

/** Dutch names for the API's codes on the matcher's screens. */

export const POOL_LABELS: Record<string, string> = { WW: 'WW', BIJSTAND: 'Bijstand' };

export const REQUIREMENT_LABELS: Record<string, string> = {
  STATUS: 'Beschikbaar',
  JOBREADY: 'Werkfit',
  CLASSIFICATION: 'Klantprofiel',
  DRIVING_LICENCE: 'Rijbewijs',
  CERTIFICATE: 'Certificaat',
  DUTCH_LEVEL: 'Nederlands',
  EDUCATION: 'Opleiding',
  HOURS: 'Uren',
  DISTANCE: 'Reisafstand',
  AVAILABILITY: 'Beschikbaar per',
};

export const COMPONENT_LABELS: Record<string, string> = {
  OCCUPATION_SAME: 'Zelfde beroep',
  OCCUPATION_RELATED: 'Verwant beroep',
  EXPERIENCE: 'Ervaring',
  SKILLS_REQUIRED: 'Vereiste vaardigheden',
  SKILLS_PREFERRED: 'Gewenste vaardigheden',
  ESSENTIAL_SKILLS: 'Kernvaardigheden',
  DISTANCE: 'Afstand',
  HOURS: 'Uren',
  WISH: 'Wens',
  MAX_WW: 'Max-WW',
  RECENT_CONTACT: 'Recent contact',
};

/** One colour per component, the same in every bar (Mantine palette names). */
export const COMPONENT_COLORS: Record<string, string> = {
  OCCUPATION_SAME: 'blue.8',
  OCCUPATION_RELATED: 'blue.5',
  EXPERIENCE: 'indigo.7',
  SKILLS_REQUIRED: 'teal.8',
  SKILLS_PREFERRED: 'teal.5',
  ESSENTIAL_SKILLS: 'cyan.8',
  DISTANCE: 'grape.7',
  HOURS: 'orange.8',
  WISH: 'yellow.7',
  MAX_WW: 'red.8',
  RECENT_CONTACT: 'gray.6',
};

export const PROPOSAL_STATE_LABELS: Record<Schema<'ProposalDto'>['state'], string> = {
  SHORTLISTED: 'Op de shortlist',
  PROPOSED: 'Voorgesteld',
  INTERVIEW: 'Gesprek',
  HIRED: 'Geplaatst',
  REJECTED: 'Afgewezen',
  WITHDRAWN: 'Teruggetrokken',
};

export const REJECTION_REASON_LABELS: Record<string, string> = {
  EMPLOYER_OTHER_CANDIDATE: 'Werkgever koos een ander',
  EMPLOYER_SKILLS: 'Werkgever: vaardigheden passen niet',
  EMPLOYER_ATTITUDE: 'Werkgever: houding',
  EMPLOYER_NO_SHOW: 'Niet verschenen',
  CANDIDATE_DECLINED: 'Kandidaat zag ervan af',
  MISMATCH_NOT_JOBREADY: 'Mismatch: niet werkfit',
  OTHER: 'Anders',
};

export const REFUSAL_LABELS: Record<string, string> = {
  CONTRACT_TOO_SHORT: 'Kan niet: het contract dekt geen 6 maanden',
  NOT_AN_AGENCY_PLACEMENT: 'Kan niet: alleen bij plaatsing via het uitzendbureau',
  NOT_FOR_TARGET_GROUP: 'Kan niet: niet voor de doelgroep van deze kandidaat',
  NOT_50_80_IN_DOELGROEPREGISTER: 'Kan niet: alleen voor een UWV-klant met loonwaarde 50-80 in het doelgroepregister',
};

export const ORGANISATION_LABELS: Record<string, string> = {
  UWV: 'UWV',
  MUNICIPALITY: 'Gemeente (SDD)',
  STAFFING_FIRM: 'Uitzendbureau',
};

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
export const formatEuro = (amount: number): string => euro.format(amount);

const date = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric' });
export const formatDate = (iso: string): string => date.format(new Date(iso));

/** "WW eindigt over 6 weken": whole weeks rounded up, as the score's MAX_WW sentence counts them. */
export function wwEndsText(wwEndDate: string, today = new Date()): string {
  const end = Date.parse(`${wwEndDate}T00:00:00`);
  const start = Date.parse(`${todayInNetherlands(today)}T00:00:00`);
  const days = Math.round((end - start) / 86_400_000);
  if (days < 0) return 'WW is beëindigd';
  if (days === 0) return 'WW eindigt vandaag';
  const weeks = Math.ceil(days / 7);
  return `WW eindigt over ${weeks} ${weeks === 1 ? 'week' : 'weken'}`;
}
