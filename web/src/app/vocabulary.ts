// Relative, not @api/…: report-labels.ts (which uses these) is compiled under the root tsconfig for its spec.
import type { Schema } from '../api/types';

/**
 * The domain's words that every area shows the same way: instruments, contracts, education and language
 * levels, driving licences. Words that differ on purpose per screen (a pool's short badge vs. its full
 * name) stay in the feature's own labels.
 */
export const INSTRUMENT_LABELS: Record<Schema<'Instrument'>, string> = {
  PROEFPLAATSING: 'Proefplaatsing',
  BAANBONUS: 'Baanbonus',
  UITZENDEURO: 'Uitzendeuro',
  LOONKOSTENSUBSIDIE: 'Loonkostensubsidie',
  LOONDISPENSATIE: 'Loondispensatie',
};

export const CONTRACT_LABELS: Record<Schema<'ContractType'>, string> = {
  AGENCY: 'Uitzendcontract',
  FIXED_TERM: 'Tijdelijk contract',
  PERMANENT: 'Vast contract',
};

export const EDUCATION_LABELS: Record<string, string> = {
  none: 'Geen',
  primary: 'Basisonderwijs',
  vmbo: 'Vmbo',
  'mbo-1': 'Mbo 1 (entree)',
  'mbo-2': 'Mbo 2',
  'mbo-3': 'Mbo 3',
  'mbo-4': 'Mbo 4',
  havo: 'Havo',
  vwo: 'Vwo',
  hbo: 'Hbo',
  wo: 'Wo',
};

export const DUTCH_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

export const DRIVING_LICENCES: NonNullable<Schema<'CreateVacancyDto'>['drivingLicences']> = [
  'AM',
  'A1',
  'A2',
  'A',
  'B',
  'BE',
  'C1',
  'C1E',
  'C',
  'CE',
  'D1',
  'D1E',
  'D',
  'DE',
  'T',
];
