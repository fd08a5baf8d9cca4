import { TargetGroup } from '@matching/candidates/target-group';
import { Classification, Pool } from '@matching/profiles';
import { ContractType, Instrument } from '@sales/vacancies/vacancy-terms';

/** Uitzendeuro: €1 per hour worked, for at most this many hours. */
export const UITZENDEURO_MAX_HOURS = 500;

export interface PlacementTerms {
  contractType: ContractType;
  /** FIXED_TERM only. */
  contractMonths: number | null;
  targetGroup: TargetGroup | null;
  /** Hours registered so far (Uitzendeuro). */
  hoursWorked: number;
  /** What loondispensatie asks of the client; absent where only amounts are worked out. */
  workLimitation?: WorkLimitationFacts;
}

export interface WorkLimitationFacts {
  pool: Pool;
  classification: Classification | null;
  doelgroepregister: boolean;
}

/** Why an instrument cannot go with this placement; null when it can. */
export type InstrumentRefusal =
  'CONTRACT_TOO_SHORT' | 'NOT_AN_AGENCY_PLACEMENT' | 'NOT_FOR_TARGET_GROUP' | 'NOT_50_80_IN_DOELGROEPREGISTER';

/** Every refusal, for the API's documentation. */
export const INSTRUMENT_REFUSALS: readonly InstrumentRefusal[] = [
  'CONTRACT_TOO_SHORT',
  'NOT_AN_AGENCY_PLACEMENT',
  'NOT_FOR_TARGET_GROUP',
  'NOT_50_80_IN_DOELGROEPREGISTER',
];

/**
 * How many months of work the contract guarantees, for the Baanbonus. PERMANENT counts as 12 (the
 * highest step). AGENCY counts as 0: an agency contract (uitzendbeding) can end any week, so it
 * guarantees no six months; agency placements get the Uitzendeuro instead.
 */
export function guaranteedMonths(terms: Pick<PlacementTerms, 'contractType' | 'contractMonths'>): number {
  switch (terms.contractType) {
    case 'PERMANENT':
      return 12;
    case 'FIXED_TERM':
      return terms.contractMonths ?? 0;
    case 'AGENCY':
      return 0;
  }
}

/** Bijstand clients (counted as SDD 80-100 or SDD 50-80) and Max-WW clients. */
const BIJSTAND_AND_MAX_WW: readonly TargetGroup[] = ['SDD 80-100', 'SDD 50-80', 'MAX WW'];

/**
 * The target groups an instrument is for (domain.md, "Instruments"), null when it is for everyone:
 * the Baanbonus for Bijstand clients and, since 2017, Max-WW clients; the Uitzendeuro for Bijstand
 * and Max-WW clients placed through a staffing agency (the Drechtsteden case: it rewards the agency
 * for taking on the clients the partnership most wants off benefit, so a WW client with more WW
 * left, or a Wajong client, does not bring it); loonkostensubsidie for the 50-80 group only;
 * loondispensatie for UWV's clients (WW, MAX WW, WAJONG: the target group of a UWV client stays
 * theirs when marked 50-80), and of them only those with a work limitation, see refusal();
 * proefplaatsing for every candidate.
 */
export function eligibleTargetGroups(instrument: Instrument): readonly TargetGroup[] | null {
  switch (instrument) {
    case 'BAANBONUS':
    case 'UITZENDEURO':
      return BIJSTAND_AND_MAX_WW;
    case 'LOONKOSTENSUBSIDIE':
      return ['SDD 50-80'];
    case 'LOONDISPENSATIE':
      return ['WW', 'MAX WW', 'WAJONG'];
    case 'PROEFPLAATSING':
      return null;
  }
}

/**
 * Loondispensatie is UWV's instrument for a client whose wage value is reduced (50-80) and who is in
 * the doelgroepregister: the employer pays the lower wage and the benefit tops it up. A Bijstand client
 * of the 50-80 group gets the municipality's loonkostensubsidie instead.
 */
function qualifiesForLoondispensatie(facts: WorkLimitationFacts | undefined): boolean {
  return facts !== undefined && facts.pool === 'WW' && facts.classification === '50-80' && facts.doelgroepregister;
}

/** Why the instrument cannot go with this placement, null when it can: first who, then the contract. */
export function refusal(instrument: Instrument, terms: PlacementTerms): InstrumentRefusal | null {
  const groups = eligibleTargetGroups(instrument);
  if (groups && !(terms.targetGroup && groups.includes(terms.targetGroup))) return 'NOT_FOR_TARGET_GROUP';
  switch (instrument) {
    case 'BAANBONUS':
      return guaranteedMonths(terms) < 6 ? 'CONTRACT_TOO_SHORT' : null;
    case 'UITZENDEURO':
      return terms.contractType === 'AGENCY' ? null : 'NOT_AN_AGENCY_PLACEMENT';
    case 'LOONDISPENSATIE':
      return qualifiesForLoondispensatie(terms.workLimitation) ? null : 'NOT_50_80_IN_DOELGROEPREGISTER';
    case 'LOONKOSTENSUBSIDIE':
    case 'PROEFPLAATSING':
      return null;
  }
}

/**
 * The amount in euros that goes with an allowed instrument. Baanbonus: €2,000 for at least 6
 * guaranteed months, €4,000 for at least 12. Uitzendeuro: €1 per registered hour, capped at 500.
 * Proefplaatsing, loonkostensubsidie and loondispensatie have no fixed amount (the benefit is kept;
 * the subsidy and the dispensation follow a wage-value assessment), so null.
 */
export function amount(instrument: Instrument, terms: PlacementTerms): number | null {
  switch (instrument) {
    case 'BAANBONUS': {
      const months = guaranteedMonths(terms);
      if (months >= 12) return 4000;
      if (months >= 6) return 2000;
      return 0;
    }
    case 'UITZENDEURO':
      return Math.min(Math.max(0, terms.hoursWorked), UITZENDEURO_MAX_HOURS);
    case 'PROEFPLAATSING':
    case 'LOONKOSTENSUBSIDIE':
    case 'LOONDISPENSATIE':
      return null;
  }
}
