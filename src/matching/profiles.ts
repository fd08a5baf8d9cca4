import { Organisation } from '@identity/organisation';
import { DrivingLicence } from '@sales/requirements/driving-licences';
import { DutchLevel } from '@sales/requirements/dutch-language-level';
import { EducationLevel } from '@sales/requirements/education-levels';

/**
 * What matching knows of candidates and vacancies: the matching-relevant fields only, no names, no
 * BSN, no date of birth (protected traits never reach the engine). The candidates and sales modules
 * map their records to these; the engine and the reference scorer read nothing else.
 */

export type Pool = 'WW' | 'BIJSTAND';
export type CandidateStatus = 'ACTIVE' | 'PROPOSED' | 'PLACED' | 'INACTIVE';
export type Jobready = 'YES' | 'NO' | 'TO_ASSESS';
/** Bijstand classification after intake: wage value 80–100%, 50–80% (work limitation), below 50%. */
export type Classification = '80-100' | '50-80' | 'PARTICIPATIE';
export type Transport = 'CAR' | 'BIKE' | 'PUBLIC_TRANSPORT';

export const OWNER_OF_POOL: Record<Pool, Organisation> = {
  WW: Organisation.UWV,
  BIJSTAND: Organisation.MUNICIPALITY,
};

export interface WorkExperience {
  /** ESCO occupation URI. */
  occupationUri: string;
  years: number;
}

export interface CandidateProfile {
  id: string;
  /** The same person in both pools shares one personId; matching lists a person once. */
  personId: string;
  pool: Pool;
  /** Organisations the candidate has an active, signed consent for (mediation), besides the owner. */
  consentOrganisations: Organisation[];
  status: CandidateStatus;
  jobready: Jobready;
  classification: Classification | null;
  /** ISO date (YYYY-MM-DD); WW pool only. */
  wwEndDate: string | null;
  /** 4-digit postcode area of the home address; null when unknown (fails any travel requirement). */
  pc4: string | null;
  maxTravelKm: number | null;
  transport: Transport[];
  hoursMin: number;
  hoursMax: number;
  /** ISO date from which the candidate can start. */
  availableFrom: string;
  drivingLicences: DrivingLicence[];
  /** Certificate codes from the managed list. */
  certificates: string[];
  dutchLevel: DutchLevel | null;
  educationLevel: EducationLevel | null;
  workExperience: WorkExperience[];
  /** ESCO skill URIs the adviser recorded explicitly. */
  skillUris: string[];
  wishedOccupationUris: string[];
  /** Open to a job outside the wished occupations ("broodbaan, geen droombaan"). */
  acceptsBroodbaan: boolean;
  /** ISO date-time of the adviser's newest note; null when none. */
  lastContactAt: string | null;
}

export type VacancyStatus = 'DRAFT' | 'OPEN' | 'ON_HOLD' | 'FILLED' | 'CLOSED';

export interface VacancyProfile {
  id: string;
  status: VacancyStatus;
  /** ESCO occupation URI; null when not (yet) chosen. */
  occupationUri: string | null;
  requiredSkillUris: string[];
  preferredSkillUris: string[];
  drivingLicences: DrivingLicence[];
  certificates: string[];
  minDutchLevel: DutchLevel | null;
  minEducationLevel: EducationLevel | null;
  hoursMin: number;
  hoursMax: number;
  /** Workplace 4-digit postcode area. */
  pc4: string;
  /** Maximum travel distance the employer accepts, in km; null: no limit of the employer's own. */
  maxTravelKm: number | null;
  /** ISO date. */
  startDate: string;
  /** Open to the 50-80 group (wage-cost subsidy). */
  openToReducedWageValue: boolean;
  /** Wished years of experience in the occupation; null: no wish. */
  experienceYearsWish: number | null;
}
