import { CandidateStatus, Classification, Jobready, Pool, Transport } from '@matching/profiles';

/** The string values of profiles.ts as lists, for validation and the database checks. */
export const POOLS: readonly Pool[] = ['WW', 'BIJSTAND'];
export const CANDIDATE_STATUSES: readonly CandidateStatus[] = ['ACTIVE', 'PROPOSED', 'PLACED', 'INACTIVE'];
export const JOBREADY_VALUES: readonly Jobready[] = ['YES', 'NO', 'TO_ASSESS'];
export const CLASSIFICATIONS: readonly Classification[] = ['80-100', '50-80', 'PARTICIPATIE'];
export const TRANSPORTS: readonly Transport[] = ['CAR', 'BIKE', 'PUBLIC_TRANSPORT'];

export const ESCO_OCCUPATION_URI = /^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/;
export const ESCO_SKILL_URI = /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/;
export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar date that exists (2026-02-30 does not). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** What the adviser checks before calling a candidate jobready (domain.md, "Jobready"). */
export interface JobreadyChecklist {
  ownTransport: boolean;
  childcareArranged: boolean;
  hoursAvailable: boolean;
  certificatesValid: boolean;
  motivated: boolean;
  /** Realistic search behaviour (broodbaan); absent on assessments recorded before it was asked. */
  realisticSearch?: boolean;
}

/** Purpose for which a consent to share a candidate's data is given; mediation is the only one. */
export const CONSENT_PURPOSE = 'MEDIATION';
