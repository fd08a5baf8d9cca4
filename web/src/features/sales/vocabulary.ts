import type { Vacancy, VacancyStatus } from './sales-queries';

/** Dutch names for the API's vocabularies of a vacancy, as the staff say them. */
export const STATUS_LABELS: Record<VacancyStatus, string> = {
  DRAFT: 'Concept',
  OPEN: 'Open',
  ON_HOLD: 'On hold',
  FILLED: 'Vervuld',
  CLOSED: 'Gesloten',
};

/** The moves the API allows from each status (README, "Statuses"); the API stays the judge. */
export const STATUS_MOVES: Record<VacancyStatus, VacancyStatus[]> = {
  DRAFT: ['OPEN', 'CLOSED'],
  OPEN: ['ON_HOLD', 'FILLED', 'CLOSED'],
  ON_HOLD: ['OPEN', 'CLOSED'],
  FILLED: [],
  CLOSED: [],
};

/** The button that makes the move. */
export const MOVE_LABELS: Record<VacancyStatus, string> = {
  DRAFT: 'Concept',
  OPEN: 'Openen',
  ON_HOLD: 'On hold zetten',
  FILLED: 'Vervuld',
  CLOSED: 'Sluiten',
};

export const CONTRACT_LABELS: Record<Vacancy['contractType'], string> = {
  AGENCY: 'Uitzenden',
  FIXED_TERM: 'Bepaalde tijd',
  PERMANENT: 'Vast',
};

export const SHIFT_LABELS: Record<Vacancy['shifts'][number], string> = {
  DAY: 'Dag',
  EVENING: 'Avond',
  NIGHT: 'Nacht',
  WEEKEND: 'Weekend',
};

export const INSTRUMENT_LABELS: Record<Vacancy['instruments'][number], string> = {
  PROEFPLAATSING: 'Proefplaatsing',
  BAANBONUS: 'Baanbonus',
  UITZENDEURO: 'Uitzendeuro',
  LOONKOSTENSUBSIDIE: 'Loonkostensubsidie',
};

export const EDUCATION_LABELS: Record<NonNullable<Vacancy['minEducationLevel']>, string> = {
  none: 'Geen',
  primary: 'Basisonderwijs',
  vmbo: 'Vmbo',
  'mbo-1': 'Mbo 1',
  'mbo-2': 'Mbo 2',
  'mbo-3': 'Mbo 3',
  'mbo-4': 'Mbo 4',
  havo: 'Havo',
  vwo: 'Vwo',
  hbo: 'Hbo',
  wo: 'Wo',
};

export const DUTCH_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

export const DRIVING_LICENCES: Vacancy['drivingLicences'] = [
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

/** What each hard requirement is called in the supply preview. */
export const REQUIREMENT_LABELS: Record<string, string> = {
  STATUS: 'Al geplaatst of inactief',
  JOBREADY: 'Niet jobready',
  CLASSIFICATION: 'Doelgroep (klantprofiel)',
  DRIVING_LICENCE: 'Rijbewijs',
  CERTIFICATE: 'Certificaten',
  DUTCH_LEVEL: 'Nederlands',
  EDUCATION: 'Opleiding',
  HOURS: 'Uren',
  DISTANCE: 'Reisafstand',
  AVAILABILITY: 'Startdatum',
};
