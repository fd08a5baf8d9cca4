import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { demoEmail } from '@identity/cli/demo-users';
import { Organisation, Role } from '@identity/organisation';
import { UsersService } from '@identity/users/users.service';
import { Classification, Pool, Transport } from '@matching/profiles';
import { AppConfig } from '@platform/config/app-config';
import { Clock } from '@platform/clock/clock';
import { PlacesService } from '@sales/places/places.service';
import { DrivingLicence } from '@sales/requirements/driving-licences';
import { DutchLevel } from '@sales/requirements/dutch-language-level';
import { EducationLevel } from '@sales/requirements/education-levels';
import { CandidateWrite } from './candidate-record';
import { CandidatesRepository } from './candidates.repository';
import { CandidatesService } from './candidates.service';
import { addMonths } from './target-group';

export type CandidatesSeedReport =
  { skipped: string } | { candidates: number; changed: number; samePersonPairs: number; consents: number };

const OCCUPATION = (id: string): string => `http://data.europa.eu/esco/occupation/${id}`;
/** Real ESCO v1.1.1 occupations common in the Drechtsteden labour market. */
const OCCUPATIONS = [
  OCCUPATION('bea705fe-06ac-4147-b8e0-6e8ac1208d8f'), // magazijnmedewerker
  OCCUPATION('eeac6251-1974-42f5-91ed-513c6c883755'), // heftruckchauffeur
  OCCUPATION('cd94def5-3442-4c2e-ae3d-0761a3008bcb'), // orderpicker
  OCCUPATION('303a1e34-cb16-4054-b323-81e5eec17397'), // schoonmaker gebouwen
  OCCUPATION('1391bdf9-bd61-4fb5-91ca-c29036ab2b60'), // thuiszorgmedewerker
  OCCUPATION('245be6d1-fe9a-4ac8-9f81-122a687e4724'), // productiemedewerker
  OCCUPATION('45037d43-a8f5-4f46-b332-b2935bc305f4'), // vrachtwagenchauffeur
  OCCUPATION('7aedaa07-3884-4c5b-88f9-80997b2aa54b'), // lasser
  OCCUPATION('90f75f67-495d-49fa-ab57-2f320e251d7e'), // kok
  OCCUPATION('e1cf6897-158d-4b48-a39e-2a3a8cac216c'), // keukenhulp
  OCCUPATION('2b871272-bd61-4206-bd1a-0b96d7023098'), // kassamedewerker
];
const LOGISTICS = new Set([OCCUPATIONS[0], OCCUPATIONS[1], OCCUPATIONS[2]]);

/** Certificates the way people in these occupations tend to have them. */
function demoCertificates(occupation: string, next: () => number): string[] {
  const held: string[] = [];
  if (LOGISTICS.has(occupation)) {
    if (next() < 0.7) held.push('HEFTRUCK');
    if (next() < 0.3) held.push('REACHTRUCK');
    if (next() < 0.5) held.push('VCA_BASIS');
  } else if (next() < 0.3) {
    held.push(next() < 0.5 ? 'VCA_BASIS' : 'BHV');
  }
  return held;
}

/** Postcode areas of the Drechtsteden (Dordrecht, Zwijndrecht, Papendrecht, Sliedrecht, …). */
export const PC4S = [
  '3311',
  '3312',
  '3313',
  '3314',
  '3315',
  '3316',
  '3317',
  '3318',
  '3319',
  '3328',
  '3329',
  '3331',
  '3332',
  '3333',
  '3334',
  '3335',
  '3336',
  '3341',
  '3342',
  '3343',
  '3351',
  '3352',
  '3353',
  '3354',
  '3355',
  '3361',
  '3362',
  '3363',
  '3371',
  '3372',
  '2951',
  '2952',
  '2953',
  '2995',
];
const FIRST_NAMES = [
  'Jan',
  'Mohamed',
  'Fatima',
  'Sanne',
  'Kevin',
  'Anouk',
  'Dennis',
  'Yasmina',
  'Piet',
  'Esra',
  'Bram',
  'Naima',
  'Ricardo',
  'Linda',
  'Tomasz',
  'Agnieszka',
  'Marco',
  'Sevda',
  'Ruud',
  'Chantal',
  'Emre',
  'Monique',
];
const SURNAMES = [
  'de Jong',
  'Jansen',
  'de Vries',
  'van den Berg',
  'Bakker',
  'El Amrani',
  'Yilmaz',
  'Visser',
  'Smit',
  'Meijer',
  'Kowalski',
  'Bouzid',
  'de Graaf',
  'van Dijk',
  'Mulder',
  'Kaya',
  'Hoekstra',
  'Dekker',
  'Nowak',
  'Verhoeven',
];
const EDUCATION: EducationLevel[] = [
  EducationLevel.PRIMARY,
  EducationLevel.VMBO,
  EducationLevel.MBO_1,
  EducationLevel.MBO_2,
  EducationLevel.MBO_2,
  EducationLevel.MBO_3,
  EducationLevel.MBO_4,
  EducationLevel.HAVO,
];
const DUTCH: DutchLevel[] = [DutchLevel.A2, DutchLevel.B1, DutchLevel.B1, DutchLevel.B2, DutchLevel.C1];
const WW_COUNT = 180;
const BIJSTAND_COUNT = 120;
/** Bijstand candidates who came from the WW: the same person as a WW candidate (flow WW → Bijstand). */
const FROM_WW = 12;

/** A small deterministic generator, so every run of the seeder produces the same demo data. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A BSN that passes the elfproef: eight digits drawn, the ninth the one that makes the sum divisible by 11. */
export function demoBsn(next: () => number): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, (_, index) =>
      index === 0 ? 1 + Math.floor(next() * 9) : Math.floor(next() * 10),
    );
    const sum = digits.reduce((total, digit, index) => total + (9 - index) * digit, 0);
    const last = sum % 11;
    if (last < 10) return `${digits.join('')}${last}`;
  }
}

/**
 * `seed:demo` candidates: a few hundred over both pools in the Drechtsteden, assigned to the demo
 * advisers; some WW candidates with a signed consent for the municipality, some Bijstand candidates
 * with one for UWV, and a dozen people in both pools. Upserts by source reference: a second run changes nothing.
 */
@Injectable()
export class CandidatesDemoSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CandidatesRepository,
    private readonly candidates: CandidatesService,
    private readonly places: PlacesService,
    private readonly users: UsersService,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async seed(): Promise<CandidatesSeedReport> {
    if (!this.places.place('3311')) {
      const { geoDataDir } = this.config.get('places', { infer: true });
      if (!geoDataDir) {
        return {
          skipped: 'no postcode areas imported: set GEO_DATA_DIR or run `npm run places:import -- <folder>` first',
        };
      }
      await this.places.importFrom(geoDataDir);
      if (!this.places.place('3311'))
        return { skipped: `GEO_DATA_DIR ${geoDataDir} has no Drechtsteden postcode areas` };
    }
    const today = this.clock.now().toISOString().slice(0, 10);
    const next = random(20161);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
    const writes: CandidateWrite[] = [];
    const wwBsns: string[] = [];
    for (let index = 0; index < WW_COUNT + BIJSTAND_COUNT; index++) {
      const pool: Pool = index < WW_COUNT ? 'WW' : 'BIJSTAND';
      const number = pool === 'WW' ? index + 1 : index - WW_COUNT + 1;
      const bsn = pool === 'BIJSTAND' && number <= FROM_WW ? wwBsns[number - 1] : demoBsn(next);
      if (pool === 'WW') wwBsns.push(bsn);
      const first = pick(FIRST_NAMES);
      const occupation = pick(OCCUPATIONS);
      const hoursMin = pick([8, 16, 20, 24, 32]);
      const transport: Transport[] = [pick<Transport>(['CAR', 'BIKE', 'PUBLIC_TRANSPORT'])];
      const licences: DrivingLicence[] = transport.includes('CAR')
        ? [DrivingLicence.B]
        : next() < 0.3
          ? [DrivingLicence.B]
          : [];
      if (occupation.endsWith('45037d43-a8f5-4f46-b332-b2935bc305f4'))
        licences.push(DrivingLicence.C, DrivingLicence.CE);
      const pc4 = pick(PC4S);
      writes.push({
        pool,
        sourceReference: `${pool === 'WW' ? 'UWV' : 'SDD'}-DEMO-${String(number).padStart(4, '0')}`,
        ...this.candidates.encryptBsn(bsn),
        name: `${first} ${pick(SURNAMES)}`,
        phone: `06 ${String(10000000 + Math.floor(next() * 89999999))}`,
        email: `${first.toLowerCase()}.${number}.${pool.toLowerCase()}@example.org`,
        postcode: `${pc4} ${pick(['AA', 'AB', 'BC', 'CD', 'GH', 'KL'])}`,
        pc4,
        dateOfBirth: `${1965 + Math.floor(next() * 40)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`,
        // WW ends within a few weeks to a year: about a quarter are Max-WW.
        wwEndDate: pool === 'WW' ? addMonths(today, 1 + Math.floor(next() * 12)) : null,
        classification:
          pool === 'BIJSTAND' ? pick<Classification>(['80-100', '80-100', '50-80', 'PARTICIPATIE']) : null,
        doelgroepregister: pool === 'BIJSTAND' && next() < 0.2,
        wajong: pool === 'WW' && next() < 0.05,
        workExperience: [{ occupationUri: occupation, years: 1 + Math.floor(next() * 15) }],
        skillUris: [],
        educationLevel: pick(EDUCATION),
        certificates: demoCertificates(occupation, next),
        drivingLicences: licences,
        dutchLevel: pick(DUTCH),
        hoursMin,
        hoursMax: Math.min(40, hoursMin + pick([0, 8, 16])),
        transport,
        maxTravelKm: pick([5, 10, 15, 25, 40]),
        availableFrom: today,
        wishedOccupationUris: next() < 0.5 ? [pick(OCCUPATIONS)] : [],
        acceptsBroodbaan: next() < 0.8,
      });
    }
    const changed = await this.dataSource.transaction(async (manager) => this.repository.upsertMany(writes, manager));
    // The generator is seeded, so a second run on the same day upserts identical values and changes nothing.
    const consents = await this.assignAdvisersAndConsents();
    await this.assessDemoJobready();
    await this.candidates.changedMany(changed.map((row) => row.id));
    return { candidates: writes.length, changed: changed.length, samePersonPairs: FROM_WW, consents };
  }

  /**
   * About seven in ten demo candidates assessed jobready by their adviser, so ranked lists show
   * something real; the rest stay to be assessed. Only candidates never assessed are touched.
   */
  private async assessDemoJobready(): Promise<void> {
    await this.dataSource.query(
      `UPDATE candidates
       SET jobready = 'YES', jobready_assessed_at = now(), jobready_assessed_by = adviser_id,
           jobready_checklist = '{"ownTransport":true,"childcareArranged":true,"hoursAvailable":true,"certificatesValid":true,"motivated":true}'::jsonb
       WHERE source_reference LIKE '%-DEMO-%' AND erased_at IS NULL AND jobready_assessed_at IS NULL
         AND adviser_id IS NOT NULL AND substr(source_reference, 10)::int % 10 < 7`,
    );
  }

  /** Demo advisers of each owning organisation, and consents: every third WW candidate for the municipality, every fourth Bijstand one for UWV. */
  private async assignAdvisersAndConsents(): Promise<number> {
    const adviserOf: Record<Pool, string | undefined> = {
      WW: (await this.users.findByEmail(demoEmail(Role.ADVISER, Organisation.UWV)))?.id,
      BIJSTAND: (await this.users.findByEmail(demoEmail(Role.ADVISER, Organisation.MUNICIPALITY)))?.id,
    };
    for (const pool of ['WW', 'BIJSTAND'] as const) {
      if (!adviserOf[pool]) continue;
      await this.dataSource.query(
        `UPDATE candidates SET adviser_id = $2 WHERE pool = $1 AND source_reference LIKE '%-DEMO-%' AND adviser_id IS NULL`,
        [pool, adviserOf[pool]],
      );
    }
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO candidate_consents (candidate_id, organisation, signed_on, document_reference, recorded_by)
       SELECT c.id, CASE c.pool WHEN 'WW' THEN 'MUNICIPALITY' ELSE 'UWV' END, c.created_at::date,
              'DEMO-TOESTEMMING-' || c.source_reference, c.adviser_id
       FROM candidates c
       WHERE c.source_reference LIKE '%-DEMO-%' AND c.erased_at IS NULL
         AND ((c.pool = 'WW' AND substr(c.source_reference, 10)::int % 3 = 0)
           OR (c.pool = 'BIJSTAND' AND substr(c.source_reference, 10)::int % 4 = 0))
         AND NOT EXISTS (SELECT 1 FROM candidate_consents k WHERE k.candidate_id = c.id)
       RETURNING id`,
    );
    return rows.length;
  }
}
