/** Shifts a vacancy's hours fall in. */
export const SHIFTS = ['DAY', 'EVENING', 'NIGHT', 'WEEKEND'] as const;
export type Shift = (typeof SHIFTS)[number];

/** AGENCY: through the staffing firm (uitzendwerk); FIXED_TERM comes with its months. */
export const CONTRACT_TYPES = ['AGENCY', 'FIXED_TERM', 'PERMANENT'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/**
 * Instruments the employer accepts with a placement (see the domain notes): proefplaatsing (trial
 * placement with benefit kept), Baanbonus, Uitzendeuro, loonkostensubsidie (the municipality's, for the
 * 50-80 group), loondispensatie (UWV's, for a UWV client with a work limitation in the doelgroepregister).
 */
export const INSTRUMENTS = [
  'PROEFPLAATSING',
  'BAANBONUS',
  'UITZENDEURO',
  'LOONKOSTENSUBSIDIE',
  'LOONDISPENSATIE',
] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

export const ESCO_OCCUPATION_URI = /^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/;
export const ESCO_SKILL_URI = /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/;

/** The rules that span fields, for a vacancy as it will be after a create or an edit. */
export interface VacancyRuleFacts {
  hoursMin: number;
  hoursMax: number;
  contractType: ContractType;
  contractMonths: number | null;
  positions: number;
  positionsLeft: number;
}

/** Field → message for every broken cross-field rule; empty when all hold. */
export function crossFieldErrors(facts: VacancyRuleFacts): Record<string, string> {
  const errors: Record<string, string> = {};
  if (facts.hoursMin > facts.hoursMax) errors.hoursMax = 'must be at least hoursMin';
  if (facts.contractType === 'FIXED_TERM' && facts.contractMonths === null) {
    errors.contractMonths = 'is required for a FIXED_TERM contract';
  }
  if (facts.contractType !== 'FIXED_TERM' && facts.contractMonths !== null) {
    errors.contractMonths = 'applies to a FIXED_TERM contract only';
  }
  if (facts.positionsLeft > facts.positions) errors.positionsLeft = 'must be at most positions';
  return errors;
}

/**
 * SROI (social return on investment): a vacancy from a social-return clause of a public tender names
 * that tender; one that is not names none.
 */
export function sroiErrors(facts: { sroi: boolean; sroiTenderReference: string | null }): Record<string, string> {
  if (facts.sroi && !facts.sroiTenderReference) return { sroiTenderReference: 'is required for an SROI vacancy' };
  if (!facts.sroi && facts.sroiTenderReference) {
    return { sroiTenderReference: 'applies to an SROI vacancy only (sroi: true)' };
  }
  return {};
}
