import { Pool } from '@matching/profiles';
import { DRIVING_LICENCES } from '@sales/requirements/driving-licences';
import { DUTCH_LEVELS } from '@sales/requirements/dutch-language-level';
import { dutchDate } from './dates';
import { hoursRange } from './hours-range';

/**
 * The hard requirements, in the order they are reported. Stable codes. A candidate failing one is not
 * ranked; one failing exactly one (other than STATUS) is a near miss. Visibility is not in the list on
 * purpose: a candidate the user may not see is never counted or named.
 */
export const REQUIREMENTS = [
  // STATUS: placed, inactive, or a WW client whose WW has ended (no longer matched as a WW client;
  // the person's Bijstand record, when there is one, takes over).
  'STATUS',
  'JOBREADY',
  'CLASSIFICATION',
  'DRIVING_LICENCE',
  'CERTIFICATE',
  'DUTCH_LEVEL',
  'EDUCATION',
  'HOURS',
  'DISTANCE',
  'AVAILABILITY',
] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

export const REQUIREMENT_BIT: Record<Requirement, number> = Object.fromEntries(
  REQUIREMENTS.map((requirement, index) => [requirement, 1 << index]),
) as Record<Requirement, number>;

export function requirementOfBit(bit: number): Requirement {
  return REQUIREMENTS[31 - Math.clz32(bit)];
}

/**
 * A candidate who fails only the distance is a near miss when they live at most twice as far as
 * allowed: a short way further is worth a call, the other end of the country is not.
 */
export function isNearEnough(distanceKm: number, allowedKm: number): boolean {
  return distanceKm <= 2 * allowedKm;
}

/** The facts behind one failed requirement, from which its Dutch sentence is made. */
export type Failure =
  /** `status` is the candidate's status, or WW_ENDED for a WW client whose WW end date lies before today. */
  | { requirement: 'STATUS'; status: string }
  | { requirement: 'JOBREADY'; jobready: string }
  | { requirement: 'CLASSIFICATION'; classification: string | null; pool: Pool }
  | { requirement: 'DRIVING_LICENCE'; missing: string[] }
  | { requirement: 'CERTIFICATE'; missingNames: string[] }
  | { requirement: 'DUTCH_LEVEL'; held: string | null; minimum: string }
  | { requirement: 'EDUCATION'; held: string | null; minimum: string }
  | { requirement: 'HOURS'; candidate: [number, number]; vacancy: [number, number] }
  | { requirement: 'DISTANCE'; distanceKm: number | null; allowedKm: number }
  | { requirement: 'AVAILABILITY'; availableFromDay: number; startDay: number };

/** "mist heftruckcertificaat": what a matcher reads in the near-miss list. */
export function failureSentence(failure: Failure): string {
  switch (failure.requirement) {
    case 'STATUS':
      if (failure.status === 'WW_ENDED') return 'WW is beëindigd: niet meer als WW-klant te bemiddelen';
      return failure.status === 'PLACED' ? 'is al geplaatst' : 'staat op inactief';
    case 'JOBREADY':
      return failure.jobready === 'TO_ASSESS' ? 'jobready moet opnieuw beoordeeld worden' : 'nog niet jobready';
    case 'CLASSIFICATION':
      if (failure.classification === 'PARTICIPATIE') return 'participatie: (nog) niet bemiddelbaar';
      // Loonkostensubsidie is the municipality's instrument; a UWV client of 50-80 is one with a work
      // limitation (loondispensatie when in the doelgroepregister), so their sentence names no subsidy.
      if (failure.classification === '50-80')
        return failure.pool === 'WW'
          ? 'arbeidsbeperking (loonwaarde 50-80): vacature staat niet open voor de 50-80-groep'
          : 'doelgroep 50-80: vacature staat niet open voor loonkostensubsidie';
      return 'nog niet geclassificeerd';
    case 'DRIVING_LICENCE':
      return `mist rijbewijs ${failure.missing.join(', ')}`;
    case 'CERTIFICATE':
      return `mist ${failure.missingNames.join(', ')}`;
    case 'DUTCH_LEVEL':
      return `Nederlands ${failure.minimum} nodig, heeft ${failure.held ?? 'onbekend'}`;
    case 'EDUCATION':
      return `opleiding ${failure.minimum} nodig, heeft ${failure.held ?? 'onbekend'}`;
    case 'HOURS':
      return `zoekt ${hoursRange(...failure.candidate)}, vacature ${hoursRange(...failure.vacancy)}`;
    case 'DISTANCE':
      return failure.distanceKm === null
        ? 'woonplaats onbekend'
        : `woont ${Math.round(failure.distanceKm)} km van de werkplek (max ${Math.round(failure.allowedKm)} km)`;
    case 'AVAILABILITY':
      return `beschikbaar vanaf ${dutchDate(failure.availableFromDay)}, start ${dutchDate(failure.startDay)}`;
  }
}

/** Index of a Dutch level, 1-based; 0 = unknown. */
export function dutchLevelRank(level: string | null): number {
  return level === null ? 0 : DUTCH_LEVELS.indexOf(level as never) + 1;
}

/** Bit per driving-licence category, in document order. */
export function licenceBit(category: string): number {
  return 1 << DRIVING_LICENCES.indexOf(category as never);
}
