import { Organisation } from '@identity/organisation';
import {
  CandidateProfile,
  CandidateStatus,
  Classification,
  Jobready,
  Pool,
  Transport,
  WorkExperience,
} from '@matching/profiles';
import { DrivingLicence } from '@sales/requirements/driving-licences';
import { DutchLevel } from '@sales/requirements/dutch-language-level';
import { EducationLevel } from '@sales/requirements/education-levels';
import { JobreadyChecklist } from './candidate-values';
import type { ProfileRow } from './candidates.repository';

/** A candidate row as the repository reads it (dates as ISO strings, personal fields still encrypted). */
export interface CandidateRow {
  id: string;
  pool: Pool;
  sourceReference: string;
  personId: string;
  bsnCiphertext: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
  postcode: string | null;
  pc4: string | null;
  dateOfBirth: string | null;
  wwEndDate: string | null;
  classification: Classification | null;
  doelgroepregister: boolean;
  wajong: boolean;
  jobready: Jobready;
  jobreadyAssessedAt: Date | null;
  jobreadyAssessedBy: string | null;
  jobreadyChecklist: JobreadyChecklist | null;
  workExperience: WorkExperience[];
  skillUris: string[];
  educationLevel: EducationLevel | null;
  certificates: string[];
  drivingLicences: DrivingLicence[];
  dutchLevel: DutchLevel | null;
  hoursMin: number;
  hoursMax: number;
  transport: Transport[];
  maxTravelKm: number | null;
  availableFrom: string;
  wishedOccupationUris: string[];
  acceptsBroodbaan: boolean;
  adviserId: string | null;
  status: CandidateStatus;
  erasedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** Organisations with an active, signed consent for mediation. */
  consentOrganisations: Organisation[];
  /** Time of the newest note. */
  lastContactAt: Date | null;
  /** Read for one user only (findVisible): one of their active confidentiality statements covers the client. */
  statementCovers?: boolean;
}

/**
 * The values written for one candidate, validated and normalised (BSN already encrypted and hashed).
 * Used by the API's create and by the CSV import.
 */
export interface CandidateWrite {
  pool: Pool;
  sourceReference: string;
  bsnHash: string;
  bsnCiphertext: string;
  name: string;
  phone: string | null;
  email: string | null;
  postcode: string;
  pc4: string;
  dateOfBirth: string | null;
  wwEndDate: string | null;
  classification: Classification | null;
  doelgroepregister: boolean;
  wajong: boolean;
  workExperience: WorkExperience[];
  skillUris: string[];
  educationLevel: EducationLevel | null;
  certificates: string[];
  drivingLicences: DrivingLicence[];
  dutchLevel: DutchLevel | null;
  hoursMin: number;
  hoursMax: number;
  transport: Transport[];
  maxTravelKm: number | null;
  availableFrom: string;
  wishedOccupationUris: string[];
  acceptsBroodbaan: boolean;
}

/**
 * The matching engine's view of a candidate: no name, BSN, contact data or date of birth. The row's
 * arrays are taken over, not copied: every caller passes a row just read from the database and keeps
 * nothing of it (the index build maps a million of them).
 */
export function toProfile(row: ProfileRow): CandidateProfile {
  return {
    id: row.id,
    personId: row.personId,
    pool: row.pool,
    consentOrganisations: row.consentOrganisations,
    status: row.status,
    jobready: row.jobready,
    classification: row.classification,
    wwEndDate: row.wwEndDate,
    pc4: row.pc4,
    maxTravelKm: row.maxTravelKm,
    transport: row.transport,
    hoursMin: row.hoursMin,
    hoursMax: row.hoursMax,
    availableFrom: row.availableFrom,
    drivingLicences: row.drivingLicences,
    certificates: row.certificates,
    dutchLevel: row.dutchLevel,
    educationLevel: row.educationLevel,
    // jsonb may carry more keys than the profile's; only these two go on.
    workExperience: row.workExperience.map((entry) => ({ occupationUri: entry.occupationUri, years: entry.years })),
    skillUris: row.skillUris,
    wishedOccupationUris: row.wishedOccupationUris,
    acceptsBroodbaan: row.acceptsBroodbaan,
    lastContactAt: row.lastContactAt ? row.lastContactAt.toISOString() : null,
  };
}
