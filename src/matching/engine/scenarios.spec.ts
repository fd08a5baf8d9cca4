import { Organisation } from '@identity/organisation';
import { CandidateProfile, VacancyProfile } from '@matching/profiles';
import { distanceKm } from '@sales/places/distance';
import { DrivingLicence } from '@sales/requirements/driving-licences';
import { DutchLevel } from '@sales/requirements/dutch-language-level';
import { EducationLevel } from '@sales/requirements/education-levels';
import { CandidateIndex } from './candidate-index';
import { MatchingKnowledge } from './match-context';
import { MatchQuery, MatchResult } from './match-query';
import { OccupationCatalogue } from './occupation-catalogue';
import { PlacesTable } from './places-table';
import { referenceMatch } from './reference-matcher';
import { loadWeights } from './weights';

/*
 * Hand-worked scenarios. Weights (config/matching-weights.json, 2026-11-v1): same occupation 25,
 * related 12, experience 10, required skills 20, preferred 10, essential skills 10, distance 10,
 * hours 5, wish 5, Max-WW 3, recent contact 2. Points are rounded to tenths per component.
 */
const DORDRECHT = { pc4: '3311', lat: 51.8133, lon: 4.6901 };
const SLIEDRECHT = { pc4: '3364', lat: 51.8216, lon: 4.7746 };
const ROTTERDAM = { pc4: '3011', lat: 51.9204, lon: 4.4847 };

const knowledge: MatchingKnowledge = {
  occupations: new OccupationCatalogue([
    {
      uri: 'esco:warehouse',
      label: 'magazijnmedewerker',
      iscoGroup: '4321',
      essentialSkillUris: ['s1', 's2', 's3', 's4'],
      optionalSkillUris: ['s5'],
    },
    {
      uri: 'esco:picker',
      label: 'orderpicker',
      iscoGroup: '4321',
      essentialSkillUris: ['s1', 's2', 's8'],
      optionalSkillUris: [],
    },
    {
      uri: 'esco:forklift',
      label: 'heftruckchauffeur',
      iscoGroup: '8344',
      essentialSkillUris: ['s1', 's6', 's7'],
      optionalSkillUris: [],
    },
    { uri: 'esco:cleaner', label: 'schoonmaker', iscoGroup: '9112', essentialSkillUris: ['s9'], optionalSkillUris: [] },
  ]),
  places: new PlacesTable([DORDRECHT, SLIEDRECHT, ROTTERDAM]),
  weights: loadWeights(),
  certificateImplications: new Map([['VCA_VOL', ['VCA_BASIS']]]),
  certificateNames: new Map([
    ['VCA_BASIS', 'VCA basis'],
    ['VCA_VOL', 'VCA VOL'],
    ['HEFTRUCK', 'heftruckcertificaat'],
  ]),
};

const TODAY = '2026-11-22';

const vacancy = (changes: Partial<VacancyProfile> = {}): VacancyProfile => ({
  id: 'v-1',
  status: 'OPEN',
  occupationUri: 'esco:warehouse',
  requiredSkillUris: ['s1', 's2'],
  preferredSkillUris: ['s5'],
  drivingLicences: [],
  certificates: [],
  minDutchLevel: null,
  minEducationLevel: null,
  hoursMin: 24,
  hoursMax: 32,
  pc4: '3311',
  maxTravelKm: 30,
  startDate: '2026-12-01',
  openToReducedWageValue: false,
  experienceYearsWish: 2,
  ...changes,
});

const candidate = (changes: Partial<CandidateProfile> = {}): CandidateProfile => ({
  id: 'c-1',
  personId: 'p-1',
  pool: 'WW',
  consentOrganisations: [],
  status: 'ACTIVE',
  jobready: 'YES',
  classification: null,
  wwEndDate: '2026-12-31',
  pc4: '3311',
  maxTravelKm: 20,
  transport: ['BIKE'],
  hoursMin: 24,
  hoursMax: 32,
  availableFrom: '2026-11-01',
  drivingLicences: [],
  certificates: [],
  dutchLevel: DutchLevel.B1,
  educationLevel: EducationLevel.MBO_2,
  workExperience: [{ occupationUri: 'esco:warehouse', years: 4 }],
  skillUris: ['s5'],
  wishedOccupationUris: ['esco:warehouse'],
  acceptsBroodbaan: false,
  lastContactAt: '2026-11-12T09:30:00.000Z',
  ...changes,
});

/**
 * Runs engine and reference, insists they agree, and returns the engine's answer. The default viewer
 * sees both pools: a staffing-firm user whose confidentiality statements cover every WW client here.
 */
function match(
  candidates: CandidateProfile[],
  v = vacancy(),
  viewer = Organisation.STAFFING_FIRM,
  granted: ReadonlySet<string> | undefined = viewer === Organisation.STAFFING_FIRM
    ? new Set(candidates.filter((c) => c.pool === 'WW').map((c) => c.id))
    : undefined,
): MatchResult {
  const query: MatchQuery = { vacancy: v, viewer, granted, limit: 50, today: TODAY, nearMissLimit: 10 };
  const index = new CandidateIndex(knowledge);
  for (const c of candidates) index.upsert(c);
  const result = index.match(query);
  expect(result).toEqual(referenceMatch(candidates, query, knowledge));
  return result;
}

const pointsOf = (result: MatchResult) =>
  Object.fromEntries(result.items[0].components.map((component) => [component.code, component.points]));

describe('scoring, component by component', () => {
  it('scores the ideal warehouse worker 98.1 and says why', () => {
    const result = match([candidate()]);
    expect(result.weightsVersion).toBe('2026-11-v1');
    expect(pointsOf(result)).toEqual({
      OCCUPATION_SAME: 25, // worked 4 years as magazijnmedewerker
      EXPERIENCE: 10, // 4 years against the 2 asked: full
      SKILLS_REQUIRED: 20, // s1, s2 inferred from magazijnmedewerker: 2 of 2
      SKILLS_PREFERRED: 10, // s5 explicit: 1 of 1
      ESSENTIAL_SKILLS: 10, // s1..s4 shared through the same occupation: 4 of 4
      DISTANCE: 10, // same postcode area: 0 km
      HOURS: 5, // 24–32 covers all of 24–32
      WISH: 5, // wishes to work as magazijnmedewerker
      MAX_WW: 1.8, // 39 days = 6 weeks left: 3 × (13 − 6 + 1)/13 = 1.846 → 1.8
      RECENT_CONTACT: 1.3, // contact 10 days ago: 2 × (1 − 10/30) = 1.333 → 1.3
    });
    // 25 + 10 + 20 + 10 + 10 + 10 + 5 + 5 + 1.8 + 1.3 = 98.1
    expect(result.items[0].score).toBe(98.1);
    const sentences = result.items[0].components.map((component) => component.sentence);
    expect(sentences).toEqual(
      expect.arrayContaining([
        'Werkte 4 jaar als magazijnmedewerker',
        'Woont bij de werkplek',
        'WW eindigt over 6 weken',
      ]),
    );
    expect(result.items[0].components.reduce((sum, component) => sum + component.max, 0)).toBe(100);
  });

  it('gives a related occupation (same ISCO group) 12 points and its years half weight', () => {
    const result = match([candidate({ workExperience: [{ occupationUri: 'esco:picker', years: 3 }] })]);
    const points = pointsOf(result);
    expect(points.OCCUPATION_RELATED).toBe(12);
    expect(points.EXPERIENCE).toBe(7.5); // 3 years related = 1.5 relevant, of 2 asked: 10 × 0.75
    expect(points.SKILLS_REQUIRED).toBe(20); // orderpicker also has s1 and s2
    expect(points.ESSENTIAL_SKILLS).toBe(5); // s1, s2 of s1..s4: 10 × 2/4
    // 12 + 7.5 + 20 + 10 + 5 + 10 + 5 + 5 + 1.8 + 1.3 = 77.6
    expect(result.items[0].score).toBe(77.6);
    expect(result.items[0].components[0].sentence).toBe('Werkte 3 jaar als orderpicker, een verwant beroep');
  });

  it('gives no occupation points to unrelated work, only the skills it brings', () => {
    const result = match([
      candidate({ workExperience: [{ occupationUri: 'esco:forklift', years: 6 }], skillUris: [] }),
    ]);
    const points = pointsOf(result);
    expect(points.OCCUPATION_SAME).toBe(0);
    expect(points.EXPERIENCE).toBe(0);
    expect(points.SKILLS_REQUIRED).toBe(10); // s1 from heftruckchauffeur: 20 × 1/2
    expect(points.SKILLS_PREFERRED).toBe(0);
    expect(points.ESSENTIAL_SKILLS).toBe(2.5); // s1 of s1..s4: 10 × 1/4
  });

  it('takes points off with distance, within what the candidate will travel', () => {
    const result = match([candidate({ pc4: '3364', transport: ['CAR'] })]);
    // Dordrecht–Sliedrecht ≈ 5.9 km; allowed min(vacancy 30, own 20, car 100) = 20: 10 × (1 − 5.9/20) ≈ 7.0
    const km = distanceKm(DORDRECHT, SLIEDRECHT);
    expect(km).toBeCloseTo(5.9, 1);
    expect(pointsOf(result).DISTANCE).toBe(Math.round(100 * (1 - km / 20)) / 10);
    expect(result.items[0].distanceKm).toBe(km);
    expect(result.items[0].components.find((component) => component.code === 'DISTANCE')!.sentence).toBe(
      '6 km van de werkplek',
    );
  });

  it('gives hours points for the share of the vacancy hours the candidate covers', () => {
    // 16–28 against 24–32: overlap 24–28 = 4 of 8 hours: 5 × 0.5
    expect(pointsOf(match([candidate({ hoursMin: 16, hoursMax: 28 })])).HOURS).toBe(2.5);
  });

  it('says the hours in one number each where min and max are equal: "Zoekt 32 uur, vacature 32 uur"', () => {
    const hoursSentence = (result: MatchResult) =>
      result.items[0].components.find((component) => component.code === 'HOURS')!.sentence;
    expect(
      hoursSentence(match([candidate({ hoursMin: 32, hoursMax: 32 })], vacancy({ hoursMin: 32, hoursMax: 32 }))),
    ).toBe('Zoekt 32 uur, vacature 32 uur');
    expect(hoursSentence(match([candidate({ hoursMin: 24, hoursMax: 32 })]))).toBe(
      'Zoekt 24–32 uur, vacature 24–32 uur',
    );
  });

  it('gives wish points: own wish 5, a related wish 3, open to a broodbaan 2, otherwise 0', () => {
    expect(pointsOf(match([candidate({ wishedOccupationUris: ['esco:picker'] })])).WISH).toBe(3); // 5 × 0.6
    expect(pointsOf(match([candidate({ wishedOccupationUris: ['esco:cleaner'], acceptsBroodbaan: true })])).WISH).toBe(
      2,
    ); // 5 × 0.4
    expect(pointsOf(match([candidate({ wishedOccupationUris: ['esco:cleaner'] })])).WISH).toBe(0);
  });

  it('adds Max-WW urgency only when the WW ends within 13 weeks, and never for Bijstand', () => {
    expect(pointsOf(match([candidate({ wwEndDate: '2026-11-25' })])).MAX_WW).toBe(3); // 3 days = week 1: 3 × 13/13
    expect(pointsOf(match([candidate({ wwEndDate: '2027-06-01' })])).MAX_WW).toBeUndefined(); // 27 weeks: none
    const bijstand = candidate({ pool: 'BIJSTAND', classification: '80-100', wwEndDate: null });
    expect(pointsOf(match([bijstand])).MAX_WW).toBeUndefined();
  });

  it('orders equal scores by candidate id, and lists a person in both pools once, with their best record', () => {
    const twinWw = candidate({ id: 'c-b', personId: 'p-twin', wwEndDate: '2026-11-25' });
    const twinBijstand = candidate({
      id: 'c-a',
      personId: 'p-twin',
      pool: 'BIJSTAND',
      classification: '80-100',
      wwEndDate: null,
    });
    const other = candidate({ id: 'c-0', personId: 'p-other', wwEndDate: '2026-11-25' });
    const result = match([twinWw, twinBijstand, other]);
    expect(result.items.map((item) => item.candidateId)).toEqual(['c-0', 'c-b']); // both 99.3 (Max-WW 3 with 3 days left); the twin's Bijstand record has no Max-WW: 96.3
    expect(result.eligible).toBe(2);
  });
});

describe('hard requirements', () => {
  const nearMiss = (c: CandidateProfile, v = vacancy()) => {
    const result = match([c], v);
    expect(result.items).toEqual([]);
    return result.nearMisses.map((miss) => [miss.requirement, miss.sentence]);
  };

  it('requires jobready YES', () => {
    expect(nearMiss(candidate({ jobready: 'NO' }))).toEqual([['JOBREADY', 'nog niet jobready']]);
    expect(nearMiss(candidate({ jobready: 'TO_ASSESS' }))).toEqual([
      ['JOBREADY', 'jobready moet opnieuw beoordeeld worden'],
    ]);
  });

  it('leaves placed and inactive candidates out, without calling them near misses', () => {
    const result = match([candidate({ status: 'PLACED' })]);
    expect(result.items).toEqual([]);
    expect(result.nearMisses).toEqual([]);
    expect(result.excluded.STATUS).toBe(1);
  });

  it("no longer matches a WW client whose WW ended; the same person's Bijstand record takes over", () => {
    // Today is 2026-11-22: a WW that ended on the 21st fails STATUS (counted, never a near miss), one
    // ending today is still matched (the last day of WW).
    const ended = candidate({ id: 'c-ww', personId: 'p-1', wwEndDate: '2026-11-21' });
    const alone = match([ended]);
    expect(alone.items).toEqual([]);
    expect(alone.nearMisses).toEqual([]);
    expect(alone.excluded.STATUS).toBe(1);
    expect(match([candidate({ wwEndDate: '2026-11-22' })]).items).toHaveLength(1);
    // Placed and ended: one STATUS failure, not two.
    expect(match([candidate({ status: 'PLACED', wwEndDate: '2026-11-01' })]).excluded.STATUS).toBe(1);

    // With the person's Bijstand record (scored lower: no Max-WW points) that record is listed, even
    // though the WW record would have scored higher while the WW ran.
    const bijstand = candidate({
      id: 'c-bs',
      personId: 'p-1',
      pool: 'BIJSTAND',
      classification: '80-100',
      wwEndDate: null,
    });
    const both = match([ended, bijstand]);
    expect(both.items.map((item) => [item.candidateId, item.pool])).toEqual([['c-bs', 'BIJSTAND']]);
    expect(both.excluded.STATUS).toBe(1);
    const running = match([candidate({ id: 'c-ww', personId: 'p-1', wwEndDate: '2026-11-25' }), bijstand]);
    expect(running.items.map((item) => item.candidateId)).toEqual(['c-ww']);
  });

  it('allows Bijstand 80-100 always, 50-80 only where the vacancy is open to it, participatie never', () => {
    const reduced = candidate({ pool: 'BIJSTAND', classification: '50-80', wwEndDate: null });
    expect(nearMiss(reduced)).toEqual([
      ['CLASSIFICATION', 'doelgroep 50-80: vacature staat niet open voor loonkostensubsidie'],
    ]);
    expect(match([reduced], vacancy({ openToReducedWageValue: true })).items).toHaveLength(1);
    const participatie = candidate({ pool: 'BIJSTAND', classification: 'PARTICIPATIE', wwEndDate: null });
    expect(match([participatie], vacancy({ openToReducedWageValue: true })).items).toEqual([]);
  });

  it('checks driving licences with what a category implies', () => {
    const v = vacancy({ drivingLicences: [DrivingLicence.C] });
    expect(nearMiss(candidate({ drivingLicences: [DrivingLicence.B] }), v)).toEqual([
      ['DRIVING_LICENCE', 'mist rijbewijs C'],
    ]);
    expect(match([candidate({ drivingLicences: [DrivingLicence.CE] })], v).items).toHaveLength(1); // CE covers C
  });

  it('checks certificates with what a certificate implies', () => {
    const v = vacancy({ certificates: ['VCA_BASIS', 'HEFTRUCK'] });
    expect(nearMiss(candidate({ certificates: ['HEFTRUCK'] }), v)).toEqual([['CERTIFICATE', 'mist VCA basis']]);
    expect(match([candidate({ certificates: ['HEFTRUCK', 'VCA_VOL'] })], v).items).toHaveLength(1); // VCA VOL covers basis
  });

  it('checks the minimum Dutch level and education', () => {
    expect(nearMiss(candidate({ dutchLevel: DutchLevel.A2 }), vacancy({ minDutchLevel: DutchLevel.B1 }))).toEqual([
      ['DUTCH_LEVEL', 'Nederlands B1 nodig, heeft A2'],
    ]);
    expect(
      nearMiss(
        candidate({ educationLevel: EducationLevel.VMBO }),
        vacancy({ minEducationLevel: EducationLevel.MBO_2 }),
      ),
    ).toEqual([['EDUCATION', 'opleiding mbo-2 nodig, heeft vmbo']]);
    expect(
      match([candidate({ educationLevel: EducationLevel.HAVO })], vacancy({ minEducationLevel: EducationLevel.MBO_4 }))
        .items,
    ).toHaveLength(1);
  });

  it('requires the hours to overlap', () => {
    expect(nearMiss(candidate({ hoursMin: 8, hoursMax: 16 }))).toEqual([
      ['HOURS', 'zoekt 8–16 uur, vacature 24–32 uur'],
    ]);
  });

  it('names one number of hours where min and max are equal, not "8–8 uur"', () => {
    expect(nearMiss(candidate({ hoursMin: 8, hoursMax: 8 }))).toEqual([['HOURS', 'zoekt 8 uur, vacature 24–32 uur']]);
    expect(nearMiss(candidate({ hoursMin: 8, hoursMax: 16 }), vacancy({ hoursMin: 24, hoursMax: 24 }))).toEqual([
      ['HOURS', 'zoekt 8–16 uur, vacature 24 uur'],
    ]);
  });

  it('requires the distance within the vacancy maximum and what the candidate travels by their transport', () => {
    // Rotterdam (3011) to Dordrecht (3311) ≈ 17.6 km between centroids; by bike at most 15 km.
    expect(nearMiss(candidate({ pc4: '3011' }))).toEqual([['DISTANCE', 'woont 18 km van de werkplek (max 15 km)']]);
    expect(match([candidate({ pc4: '3011', transport: ['PUBLIC_TRANSPORT'] })]).items).toHaveLength(1);
    expect(nearMiss(candidate({ pc4: '3011', transport: ['CAR'] }), vacancy({ maxTravelKm: 10 }))).toEqual([
      ['DISTANCE', 'woont 18 km van de werkplek (max 10 km)'],
    ]);
  });

  it('requires availability by the start date', () => {
    expect(nearMiss(candidate({ availableFrom: '2027-01-15' }))).toEqual([
      ['AVAILABILITY', 'beschikbaar vanaf 15 januari 2027, start 1 december 2026'],
    ]);
  });

  it('starts a vacancy still open after its start date today: a client available today fits, tomorrow not', () => {
    // Today is 22 November 2026; this vacancy should have started on 1 November.
    const late = vacancy({ startDate: '2026-11-01' });
    expect(match([candidate({ availableFrom: TODAY })], late).items).toHaveLength(1);
    expect(nearMiss(candidate({ availableFrom: '2026-11-23' }), late)).toEqual([
      ['AVAILABILITY', 'beschikbaar vanaf 23 november 2026, start 22 november 2026'],
    ]);
  });

  it('counts each failed requirement and names no candidate that fails two', () => {
    const result = match([candidate({ jobready: 'NO', hoursMin: 8, hoursMax: 16 })]);
    expect(result.nearMisses).toEqual([]);
    expect(result.excluded).toMatchObject({ JOBREADY: 1, HOURS: 1, DISTANCE: 0 });
  });

  it('never shows or counts a WW candidate to the municipality without consent, and does once consent is signed', () => {
    const ww = candidate({ jobready: 'NO' });
    const hidden = match([ww], vacancy(), Organisation.MUNICIPALITY);
    expect(hidden).toMatchObject({ considered: 0, items: [], nearMisses: [] });
    expect(Object.values(hidden.excluded).every((count) => count === 0)).toBe(true);
    const consented = match(
      [{ ...ww, consentOrganisations: [Organisation.MUNICIPALITY] }],
      vacancy(),
      Organisation.MUNICIPALITY,
    );
    expect(consented.considered).toBe(1);
    expect(consented.nearMisses).toHaveLength(1);
  });

  it('shows a staffing-firm user a WW client only under a statement or a consent; a Bijstand client always', () => {
    const ww = candidate({ id: 'ww-1' });
    const bijstand = candidate({ id: 'bij-1', personId: 'p-bij', pool: 'BIJSTAND', classification: '80-100' });
    const without = match([ww, bijstand], vacancy(), Organisation.STAFFING_FIRM, new Set());
    expect(without.items.map((item) => item.candidateId)).toEqual(['bij-1']);
    expect(without.considered).toBe(1);
    const underStatement = match([ww, bijstand], vacancy(), Organisation.STAFFING_FIRM, new Set(['ww-1']));
    expect(underStatement.items.map((item) => item.candidateId).sort()).toEqual(['bij-1', 'ww-1']);
    const consented = match(
      [{ ...ww, consentOrganisations: [Organisation.STAFFING_FIRM] }, bijstand],
      vacancy(),
      Organisation.STAFFING_FIRM,
      new Set(),
    );
    expect(consented.considered).toBe(2);
  });

  it('fits a UWV client marked 50-80 only to a vacancy open to the 50-80 group, as a Bijstand client of 50-80', () => {
    // Hand-worked: the same client, once unclassified and once marked 50-80 (a work limitation).
    const marked = candidate({ id: 'ww-5080', classification: '50-80' });
    const closed = match([marked], vacancy({ openToReducedWageValue: false }), Organisation.UWV);
    expect(closed.items).toEqual([]);
    expect(closed.excluded.CLASSIFICATION).toBe(1);
    expect(closed.nearMisses.map((miss) => miss.sentence)).toEqual([
      'arbeidsbeperking (loonwaarde 50-80): vacature staat niet open voor de 50-80-groep',
    ]);
    const open = match([marked], vacancy({ openToReducedWageValue: true }), Organisation.UWV);
    expect(open.items.map((item) => item.candidateId)).toEqual(['ww-5080']);
    // An unmarked UWV client fits either vacancy.
    const unmarked = candidate({ id: 'ww-plain' });
    expect(match([unmarked], vacancy({ openToReducedWageValue: false }), Organisation.UWV).items).toHaveLength(1);
  });
});
