import type { Vacancy, VacancyStatus } from './sales-queries';
export {
  CONTRACT_LABELS,
  DRIVING_LICENCES,
  DUTCH_LEVELS,
  EDUCATION_LABELS,
  INSTRUMENT_LABELS,
} from '../../app/vocabulary';

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

export const SHIFT_LABELS: Record<Vacancy['shifts'][number], string> = {
  DAY: 'Dag',
  EVENING: 'Avond',
  NIGHT: 'Nacht',
  WEEKEND: 'Weekend',
};

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
