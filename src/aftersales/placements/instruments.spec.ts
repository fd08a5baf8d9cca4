import { amount, eligibleTargetGroups, PlacementTerms, refusal } from './instruments';

const bijstand = (contract: Partial<PlacementTerms>): PlacementTerms => ({
  contractType: 'FIXED_TERM',
  contractMonths: 6,
  targetGroup: 'SDD 80-100',
  hoursWorked: 0,
  ...contract,
});

describe('Baanbonus', () => {
  it('is refused for a 5-month contract: it covers less than six months', () => {
    expect(refusal('BAANBONUS', bijstand({ contractMonths: 5 }))).toBe('CONTRACT_TOO_SHORT');
  });

  it('is €2,000 for a 6-month contract (6 ≥ 6, < 12)', () => {
    const terms = bijstand({ contractMonths: 6 });
    expect(refusal('BAANBONUS', terms)).toBeNull();
    expect(amount('BAANBONUS', terms)).toBe(2000);
  });

  it('is €4,000 for a 12-month contract (a year) and stays €4,000 for 24 months (no higher step)', () => {
    expect(amount('BAANBONUS', bijstand({ contractMonths: 12 }))).toBe(4000);
    expect(amount('BAANBONUS', bijstand({ contractMonths: 24 }))).toBe(4000);
  });

  it('counts a permanent contract as a year, and an agency contract as no guaranteed months', () => {
    expect(amount('BAANBONUS', bijstand({ contractType: 'PERMANENT', contractMonths: null }))).toBe(4000);
    expect(refusal('BAANBONUS', bijstand({ contractType: 'AGENCY', contractMonths: null }))).toBe('CONTRACT_TOO_SHORT');
  });

  it('goes to Bijstand and Max-WW clients only', () => {
    expect(refusal('BAANBONUS', bijstand({ targetGroup: 'MAX WW' }))).toBeNull();
    expect(refusal('BAANBONUS', bijstand({ targetGroup: 'WW' }))).toBe('NOT_FOR_TARGET_GROUP');
    expect(refusal('BAANBONUS', bijstand({ targetGroup: 'WAJONG' }))).toBe('NOT_FOR_TARGET_GROUP');
  });
});

describe('Uitzendeuro', () => {
  const agency = (hoursWorked: number, targetGroup: PlacementTerms['targetGroup'] = 'SDD 80-100') =>
    bijstand({ contractType: 'AGENCY', contractMonths: null, targetGroup, hoursWorked });

  it('pays €1 per registered hour: 120 h → €120', () => {
    expect(amount('UITZENDEURO', agency(120))).toBe(120);
  });

  it('stops at 500 hours: 640 h → €500', () => {
    expect(amount('UITZENDEURO', agency(640))).toBe(500);
  });

  it('goes with an agency placement of a Bijstand client (80-100 or 50-80)', () => {
    expect(refusal('UITZENDEURO', agency(0, 'SDD 80-100'))).toBeNull();
    expect(refusal('UITZENDEURO', agency(0, 'SDD 50-80'))).toBeNull();
  });

  it('goes with an agency placement of a Max-WW client (WW ends within the Max-WW months)', () => {
    expect(refusal('UITZENDEURO', agency(0, 'MAX WW'))).toBeNull();
  });

  it('is not for a WW client with more WW left, nor a Wajong client, even through the agency', () => {
    expect(refusal('UITZENDEURO', agency(0, 'WW'))).toBe('NOT_FOR_TARGET_GROUP');
    expect(refusal('UITZENDEURO', agency(0, 'WAJONG'))).toBe('NOT_FOR_TARGET_GROUP');
  });

  it('is for agency placements only: a Bijstand client on a fixed-term contract does not get it', () => {
    expect(refusal('UITZENDEURO', bijstand({}))).toBe('NOT_AN_AGENCY_PLACEMENT');
  });
});

describe('who may have an instrument', () => {
  it('names the groups in the reason: Baanbonus and Uitzendeuro for Bijstand and Max-WW, the subsidy for 50-80', () => {
    expect(eligibleTargetGroups('UITZENDEURO')).toEqual(['SDD 80-100', 'SDD 50-80', 'MAX WW']);
    expect(eligibleTargetGroups('BAANBONUS')).toEqual(['SDD 80-100', 'SDD 50-80', 'MAX WW']);
    expect(eligibleTargetGroups('LOONKOSTENSUBSIDIE')).toEqual(['SDD 50-80']);
    expect(eligibleTargetGroups('PROEFPLAATSING')).toBeNull();
  });
});

describe('loonkostensubsidie and proefplaatsing', () => {
  it('gives the wage-cost subsidy to the 50-80 group only, without a fixed amount', () => {
    expect(refusal('LOONKOSTENSUBSIDIE', bijstand({ targetGroup: 'SDD 50-80' }))).toBeNull();
    expect(refusal('LOONKOSTENSUBSIDIE', bijstand({ targetGroup: 'SDD 80-100' }))).toBe('NOT_FOR_TARGET_GROUP');
    expect(amount('LOONKOSTENSUBSIDIE', bijstand({ targetGroup: 'SDD 50-80' }))).toBeNull();
  });

  it('allows a proefplaatsing for every candidate', () => {
    expect(refusal('PROEFPLAATSING', bijstand({ targetGroup: 'WW' }))).toBeNull();
  });
});

describe('Loondispensatie', () => {
  const uwv = (
    targetGroup: PlacementTerms['targetGroup'],
    workLimitation: PlacementTerms['workLimitation'],
  ): PlacementTerms => ({
    contractType: 'PERMANENT',
    contractMonths: null,
    targetGroup,
    hoursWorked: 0,
    workLimitation,
  });

  it('goes with a Max-WW client marked 50-80 in the doelgroepregister, with no fixed amount', () => {
    const terms = uwv('MAX WW', { pool: 'WW', classification: '50-80', doelgroepregister: true });
    expect(refusal('LOONDISPENSATIE', terms)).toBeNull();
    expect(amount('LOONDISPENSATIE', terms)).toBeNull();
  });

  it('is refused to a WW client marked 50-80 outside the doelgroepregister, and to one not marked 50-80', () => {
    expect(
      refusal('LOONDISPENSATIE', uwv('WW', { pool: 'WW', classification: '50-80', doelgroepregister: false })),
    ).toBe('NOT_50_80_IN_DOELGROEPREGISTER');
    expect(refusal('LOONDISPENSATIE', uwv('WW', { pool: 'WW', classification: null, doelgroepregister: true }))).toBe(
      'NOT_50_80_IN_DOELGROEPREGISTER',
    );
  });

  it("is UWV's: a Bijstand client of the 50-80 group gets loonkostensubsidie instead", () => {
    const bijstand5080 = uwv('SDD 50-80', { pool: 'BIJSTAND', classification: '50-80', doelgroepregister: true });
    expect(refusal('LOONDISPENSATIE', bijstand5080)).toBe('NOT_FOR_TARGET_GROUP');
    expect(refusal('LOONKOSTENSUBSIDIE', bijstand5080)).toBeNull();
    // …and a UWV client marked 50-80 stays in their own target group, so no loonkostensubsidie.
    const ww5080 = uwv('MAX WW', { pool: 'WW', classification: '50-80', doelgroepregister: true });
    expect(refusal('LOONKOSTENSUBSIDIE', ww5080)).toBe('NOT_FOR_TARGET_GROUP');
  });
});
