import { Organisation } from '@identity/organisation';
import { CandidateProfile, Classification, Pool, Transport, VacancyProfile } from '@matching/profiles';
import { DRIVING_LICENCES, DrivingLicence } from '@sales/requirements/driving-licences';
import { DUTCH_LEVELS } from '@sales/requirements/dutch-language-level';
import { EDUCATION_LEVELS } from '@sales/requirements/education-levels';
import { OccupationCatalogue } from '../occupation-catalogue';
import { isoDateOfDay, dayNumber } from '../dates';

/** A small deterministic PRNG (mulberry32), so generated pools are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface Generator {
  random: () => number;
  pick<T>(items: readonly T[]): T;
  some<T>(items: readonly T[], max: number): T[];
  integer(min: number, max: number): number;
  chance(probability: number): boolean;
}

export function generator(seed: number): Generator {
  const random = seededRandom(seed);
  const integer = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  return {
    random,
    integer,
    pick: (items) => items[Math.floor(random() * items.length)],
    some: (items, max) => {
      const count = integer(0, max);
      const chosen = new Set<(typeof items)[number]>();
      for (let index = 0; index < count; index++) chosen.add(items[Math.floor(random() * items.length)]);
      return [...chosen];
    },
    chance: (probability) => random() < probability,
  };
}

const TRANSPORT: Transport[] = ['CAR', 'BIKE', 'PUBLIC_TRANSPORT'];
const CLASSIFICATIONS: Array<Classification | null> = ['80-100', '50-80', 'PARTICIPATIE', null];
const COMMON_LICENCES: DrivingLicence[] = ['B', 'BE', 'C', 'CE', 'AM', 'D', 'C1'] as DrivingLicence[];

export interface SyntheticWorld {
  catalogue: OccupationCatalogue;
  occupationUris: string[];
  skillUris: string[];
  pc4s: string[];
  certificates: string[];
}

/**
 * A random candidate drawn like real pools: skills from the ESCO relations of the occupations worked
 * in, both pools, homes in real postcode areas, consents now and then.
 */
export function syntheticCandidate(
  g: Generator,
  world: SyntheticWorld,
  id: string,
  personId: string,
  today: string,
): CandidateProfile {
  const pool: Pool = g.chance(0.55) ? 'WW' : 'BIJSTAND';
  const experience = g
    .some(world.occupationUris, 3)
    .map((occupationUri) => ({ occupationUri, years: g.integer(0, 120) / 10 }));
  const fromOccupations = experience.flatMap(
    (entry) => world.catalogue.get(entry.occupationUri)?.essentialSkillUris.slice(0, 6) ?? [],
  );
  const hoursMin = g.integer(8, 32);
  const todayNumber = dayNumber(today);
  return {
    id,
    personId,
    pool,
    consentOrganisations: g.chance(0.3) ? [pool === 'WW' ? Organisation.MUNICIPALITY : Organisation.UWV] : [],
    status: g.chance(0.85) ? 'ACTIVE' : g.pick(['PROPOSED', 'PLACED', 'INACTIVE'] as const),
    jobready: g.chance(0.75) ? 'YES' : g.pick(['NO', 'TO_ASSESS'] as const),
    classification: pool === 'BIJSTAND' ? g.pick(CLASSIFICATIONS) : null,
    wwEndDate: pool === 'WW' ? isoDateOfDay(todayNumber + g.integer(-30, 300)) : null,
    pc4: g.chance(0.97) ? g.pick(world.pc4s) : null,
    maxTravelKm: g.chance(0.8) ? g.integer(3, 60) : null,
    transport: g.some(TRANSPORT, 2),
    hoursMin,
    hoursMax: g.integer(hoursMin, 40),
    availableFrom: isoDateOfDay(todayNumber + g.integer(-60, 90)),
    drivingLicences: g.some(COMMON_LICENCES, 2),
    certificates: g.some(world.certificates, 3),
    dutchLevel: g.chance(0.9) ? g.pick(DUTCH_LEVELS) : null,
    educationLevel: g.chance(0.9) ? g.pick(EDUCATION_LEVELS) : null,
    workExperience: experience,
    skillUris: [...new Set([...g.some(fromOccupations, 5), ...g.some(world.skillUris, 3)])],
    wishedOccupationUris: g.some(world.occupationUris, 2),
    acceptsBroodbaan: g.chance(0.5),
    lastContactAt: g.chance(0.7) ? `${isoDateOfDay(todayNumber - g.integer(0, 60))}T10:00:00.000Z` : null,
  };
}

export function syntheticVacancy(g: Generator, world: SyntheticWorld, id: string, today: string): VacancyProfile {
  const occupationUri = g.chance(0.95) ? g.pick(world.occupationUris) : null;
  const essential = occupationUri ? (world.catalogue.get(occupationUri)?.essentialSkillUris ?? []) : [];
  const hoursMin = g.integer(8, 32);
  return {
    id,
    status: 'OPEN',
    occupationUri,
    requiredSkillUris: g.some(essential, 4),
    preferredSkillUris: [...g.some(essential, 3), ...g.some(world.skillUris, 2)],
    drivingLicences: g.chance(0.3)
      ? [g.pick(DRIVING_LICENCES.filter((category) => COMMON_LICENCES.includes(category)))]
      : [],
    certificates: g.chance(0.3) ? g.some(world.certificates, 2) : [],
    minDutchLevel: g.chance(0.4) ? g.pick(DUTCH_LEVELS.slice(0, 4)) : null,
    minEducationLevel: g.chance(0.3) ? g.pick(EDUCATION_LEVELS.slice(0, 7)) : null,
    hoursMin,
    hoursMax: g.integer(hoursMin, 40),
    pc4: g.pick(world.pc4s),
    maxTravelKm: g.chance(0.6) ? g.integer(10, 60) : null,
    startDate: isoDateOfDay(dayNumber(today) + g.integer(0, 60)),
    openToReducedWageValue: g.chance(0.4),
    experienceYearsWish: g.chance(0.5) ? g.integer(0, 5) : null,
  };
}
