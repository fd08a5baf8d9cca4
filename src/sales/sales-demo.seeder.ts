import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@platform/config/app-config';
import { Clock } from '@platform/clock/clock';
import { DrivingLicence } from '@sales/requirements/driving-licences';
import { DutchLevel } from '@sales/requirements/dutch-language-level';
import { EducationLevel } from '@sales/requirements/education-levels';
import { EmployersService } from '@sales/employers/employers.service';
import { PlacesService } from '@sales/places/places.service';
import { CreateVacancyDto } from '@sales/vacancies/dto/vacancy.dto';
import { VacanciesService } from '@sales/vacancies/vacancies.service';

export type SalesSeedReport =
  | { skipped: string }
  | { employersCreated: number; employersExisting: number; vacanciesCreated: number; vacanciesExisting: number };

/** ESCO v1.1.1 occupations (URIs checked in occupations_nl.csv). */
const ESCO = {
  heftruckchauffeur: 'http://data.europa.eu/esco/occupation/eeac6251-1974-42f5-91ed-513c6c883755',
  magazijnmedewerker: 'http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f',
  orderpicker: 'http://data.europa.eu/esco/occupation/cd94def5-3442-4c2e-ae3d-0761a3008bcb',
  vrachtwagenchauffeur: 'http://data.europa.eu/esco/occupation/45037d43-a8f5-4f46-b332-b2935bc305f4',
  schoonmaker: 'http://data.europa.eu/esco/occupation/303a1e34-cb16-4054-b323-81e5eec17397',
  thuiszorgmedewerker: 'http://data.europa.eu/esco/occupation/1391bdf9-bd61-4fb5-91ca-c29036ab2b60',
  kok: 'http://data.europa.eu/esco/occupation/90f75f67-495d-49fa-ab57-2f320e251d7e',
  lasser: 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b',
  cncOperator: 'http://data.europa.eu/esco/occupation/5c082067-ea18-4ccb-8c43-e70b18ad8120',
  productiemedewerker: 'http://data.europa.eu/esco/occupation/245be6d1-fe9a-4ac8-9f81-122a687e4724',
  elektromonteur: 'http://data.europa.eu/esco/occupation/4910419f-b4af-4f59-b544-9dbebc8a74f0',
} as const;

/** Fictitious employers in the Drechtsteden; the KvK numbers are made up (and keep the seeder idempotent). */
const EMPLOYERS = [
  {
    key: 'dc',
    name: 'Distributiecentrum Dordtse Kil B.V.',
    kvkNumber: '90000001',
    sector: 'Logistiek',
    street: 'Handelsweg',
    houseNumber: '12',
    postcode: '3316 AA',
    city: 'Dordrecht',
    unit: 0,
  },
  {
    key: 'transport',
    name: 'Transportbedrijf Merwede B.V.',
    kvkNumber: '90000002',
    sector: 'Transport',
    street: 'Nijverheidsweg',
    houseNumber: '4',
    postcode: '3342 AB',
    city: 'Hendrik-Ido-Ambacht',
    unit: 0,
  },
  {
    key: 'clean',
    name: 'Schoonmaakbedrijf Drechtsteden',
    kvkNumber: '90000003',
    sector: 'Schoonmaak',
    street: 'Spuiboulevard',
    houseNumber: '210',
    postcode: '3311 AB',
    city: 'Dordrecht',
    unit: 1,
  },
  {
    key: 'care',
    name: 'Zorgcentrum De Merwelanden',
    kvkNumber: '90000004',
    sector: 'Zorg',
    street: 'Kerkbuurt',
    houseNumber: '88',
    postcode: '3351 AA',
    city: 'Papendrecht',
    unit: 1,
  },
  {
    key: 'metal',
    name: 'Metaalwerken Sliedrecht B.V.',
    kvkNumber: '90000005',
    sector: 'Metaal',
    street: 'Industrieweg',
    houseNumber: '31',
    postcode: '3364 AA',
    city: 'Sliedrecht',
    unit: 0,
  },
  {
    key: 'yard',
    name: 'Scheepswerf Alblasserdam',
    kvkNumber: '90000006',
    sector: 'Scheepsbouw',
    street: 'Kortland',
    houseNumber: '5',
    postcode: '2951 AA',
    city: 'Alblasserdam',
    unit: 0,
  },
] as const;

type DemoVacancy = Omit<CreateVacancyDto, 'employerId' | 'unitId'> & {
  employer: (typeof EMPLOYERS)[number]['key'];
  open: boolean;
};

const L = DrivingLicence;
const VACANCIES: DemoVacancy[] = [
  {
    employer: 'dc',
    title: 'Heftruckchauffeur m/v 32-40 uur',
    occupationUri: ESCO.heftruckchauffeur,
    certificates: ['HEFTRUCK', 'VCA_BASIS'],
    hoursMin: 32,
    hoursMax: 40,
    shifts: ['DAY', 'EVENING'],
    workplacePostcode: '3316 AA',
    maxTravelKm: 25,
    startDate: '2026-12-07',
    positions: 3,
    contractType: 'AGENCY',
    instruments: ['UITZENDEURO', 'PROEFPLAATSING'],
    minDutchLevel: DutchLevel.A2,
    open: true,
  },
  {
    employer: 'dc',
    title: 'Reachtruckchauffeur nachtdienst',
    occupationUri: ESCO.heftruckchauffeur,
    certificates: ['REACHTRUCK'],
    hoursMin: 36,
    hoursMax: 40,
    shifts: ['NIGHT'],
    workplacePostcode: '3316 AA',
    maxTravelKm: 30,
    startDate: '2026-12-14',
    positions: 2,
    contractType: 'AGENCY',
    instruments: ['UITZENDEURO'],
    open: true,
  },
  {
    employer: 'dc',
    title: 'Orderpicker',
    occupationUri: ESCO.orderpicker,
    certificates: ['ORDERPICKER'],
    hoursMin: 24,
    hoursMax: 40,
    shifts: ['DAY'],
    workplacePostcode: '3316 AA',
    maxTravelKm: 20,
    startDate: '2026-12-01',
    positions: 5,
    contractType: 'AGENCY',
    openToReducedWageValue: true,
    instruments: ['LOONKOSTENSUBSIDIE', 'PROEFPLAATSING'],
    open: true,
  },
  {
    employer: 'dc',
    title: 'Magazijnmedewerker inbound',
    occupationUri: ESCO.magazijnmedewerker,
    hoursMin: 32,
    hoursMax: 38,
    shifts: ['DAY'],
    workplacePostcode: '3316 AA',
    startDate: '2027-01-04',
    positions: 2,
    contractType: 'FIXED_TERM',
    contractMonths: 7,
    instruments: ['BAANBONUS'],
    open: false,
  },
  {
    employer: 'transport',
    title: 'Chauffeur CE internationaal',
    occupationUri: ESCO.vrachtwagenchauffeur,
    drivingLicences: [L.CE],
    certificates: ['CODE_95'],
    hoursMin: 40,
    hoursMax: 50,
    shifts: ['DAY', 'NIGHT'],
    workplacePostcode: '3342 AB',
    startDate: '2026-12-01',
    positions: 2,
    contractType: 'PERMANENT',
    minDutchLevel: DutchLevel.B1,
    instruments: ['BAANBONUS'],
    experienceYearsWish: 2,
    open: true,
  },
  {
    employer: 'transport',
    title: 'Chauffeur C distributie',
    occupationUri: ESCO.vrachtwagenchauffeur,
    drivingLicences: [L.C],
    certificates: ['CODE_95'],
    hoursMin: 32,
    hoursMax: 40,
    shifts: ['DAY'],
    workplacePostcode: '3342 AB',
    maxTravelKm: 35,
    startDate: '2026-12-15',
    positions: 1,
    contractType: 'FIXED_TERM',
    contractMonths: 12,
    instruments: ['BAANBONUS', 'PROEFPLAATSING'],
    open: true,
  },
  {
    employer: 'clean',
    title: 'Schoonmaker kantoren avond',
    occupationUri: ESCO.schoonmaker,
    hoursMin: 12,
    hoursMax: 20,
    shifts: ['EVENING'],
    workplacePostcode: '3311 AB',
    maxTravelKm: 10,
    startDate: '2026-12-01',
    positions: 4,
    contractType: 'FIXED_TERM',
    contractMonths: 6,
    openToReducedWageValue: true,
    instruments: ['LOONKOSTENSUBSIDIE', 'PROEFPLAATSING'],
    open: true,
  },
  {
    employer: 'clean',
    title: 'Glazenwasser / schoonmaker',
    occupationUri: ESCO.schoonmaker,
    certificates: ['VCA_BASIS', 'HOOGWERKER'],
    drivingLicences: [L.B],
    hoursMin: 32,
    hoursMax: 40,
    shifts: ['DAY'],
    workplacePostcode: '3311 AB',
    startDate: '2027-01-04',
    positions: 1,
    contractType: 'PERMANENT',
    instruments: ['BAANBONUS'],
    open: false,
  },
  {
    employer: 'care',
    title: 'Helpende zorg en welzijn',
    occupationUri: ESCO.thuiszorgmedewerker,
    minEducationLevel: EducationLevel.MBO_2,
    minDutchLevel: DutchLevel.B1,
    hoursMin: 16,
    hoursMax: 28,
    shifts: ['DAY', 'EVENING', 'WEEKEND'],
    workplacePostcode: '3351 AA',
    maxTravelKm: 15,
    startDate: '2026-12-01',
    positions: 3,
    contractType: 'FIXED_TERM',
    contractMonths: 12,
    instruments: ['BAANBONUS', 'PROEFPLAATSING'],
    open: true,
  },
  {
    employer: 'care',
    title: 'Zorgmedewerker nachtdienst',
    occupationUri: ESCO.thuiszorgmedewerker,
    minEducationLevel: EducationLevel.MBO_3,
    minDutchLevel: DutchLevel.B2,
    certificates: ['BHV'],
    hoursMin: 24,
    hoursMax: 32,
    shifts: ['NIGHT', 'WEEKEND'],
    workplacePostcode: '3351 AA',
    startDate: '2026-12-15',
    positions: 1,
    contractType: 'PERMANENT',
    open: true,
  },
  {
    employer: 'care',
    title: 'Medewerker keuken',
    occupationUri: ESCO.kok,
    certificates: ['HACCP'],
    hoursMin: 20,
    hoursMax: 32,
    shifts: ['DAY', 'WEEKEND'],
    workplacePostcode: '3351 AA',
    startDate: '2026-12-01',
    positions: 1,
    contractType: 'FIXED_TERM',
    contractMonths: 6,
    openToReducedWageValue: true,
    instruments: ['LOONKOSTENSUBSIDIE'],
    open: true,
  },
  {
    employer: 'metal',
    title: 'Lasser MIG/MAG',
    occupationUri: ESCO.lasser,
    certificates: ['LASSEN', 'VCA_BASIS'],
    minEducationLevel: EducationLevel.MBO_2,
    hoursMin: 38,
    hoursMax: 40,
    shifts: ['DAY'],
    workplacePostcode: '3364 AA',
    maxTravelKm: 30,
    startDate: '2026-12-01',
    positions: 2,
    contractType: 'AGENCY',
    instruments: ['UITZENDEURO'],
    experienceYearsWish: 1,
    open: true,
  },
  {
    employer: 'metal',
    title: 'CNC-operator',
    occupationUri: ESCO.cncOperator,
    minEducationLevel: EducationLevel.MBO_2,
    hoursMin: 36,
    hoursMax: 40,
    shifts: ['DAY', 'EVENING'],
    workplacePostcode: '3364 AA',
    startDate: '2027-01-04',
    positions: 1,
    contractType: 'PERMANENT',
    instruments: ['BAANBONUS'],
    open: true,
  },
  {
    employer: 'metal',
    title: 'Productiemedewerker metaal',
    occupationUri: ESCO.productiemedewerker,
    certificates: ['VCA_BASIS'],
    hoursMin: 32,
    hoursMax: 40,
    shifts: ['DAY'],
    workplacePostcode: '3364 AA',
    startDate: '2026-12-01',
    positions: 3,
    contractType: 'AGENCY',
    openToReducedWageValue: true,
    instruments: ['UITZENDEURO', 'LOONKOSTENSUBSIDIE', 'PROEFPLAATSING'],
    open: true,
  },
  {
    employer: 'yard',
    title: 'Elektromonteur scheepsbouw',
    occupationUri: ESCO.elektromonteur,
    certificates: ['VCA_VOL', 'NEN3140_VOP'],
    minEducationLevel: EducationLevel.MBO_3,
    hoursMin: 40,
    hoursMax: 40,
    shifts: ['DAY'],
    workplacePostcode: '2951 AA',
    maxTravelKm: 40,
    startDate: '2027-01-11',
    positions: 2,
    contractType: 'FIXED_TERM',
    contractMonths: 12,
    instruments: ['BAANBONUS'],
    experienceYearsWish: 3,
    open: false,
  },
];

/**
 * Demo employers and vacancies in the Drechtsteden for `seed:demo`, after the identity seeder.
 * Idempotent: employers are found by KvK number, vacancies by employer and title.
 */
@Injectable()
export class SalesDemoSeeder {
  constructor(
    private readonly employers: EmployersService,
    private readonly vacancies: VacanciesService,
    private readonly places: PlacesService,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly clock: Clock,
  ) {}

  async seed(unitIds: readonly string[], accountManagerId: string): Promise<SalesSeedReport> {
    if (!this.places.place('3311')) {
      const { geoDataDir } = this.config.get('places', { infer: true });
      if (!geoDataDir) {
        return { skipped: 'no postcode areas imported; set GEO_DATA_DIR or run npm run places:import first' };
      }
      await this.places.importFrom(geoDataDir);
      if (!this.places.place('3311')) return { skipped: `GEO_DATA_DIR ${geoDataDir} has no area 3311 (Dordrecht)` };
    }
    const report = { employersCreated: 0, employersExisting: 0, vacanciesCreated: 0, vacanciesExisting: 0 };
    const employerIds = new Map<string, string>();
    for (const { key, unit, street, houseNumber, postcode, city, ...employer } of EMPLOYERS) {
      const existing = await this.employers.findByKvkNumber(employer.kvkNumber);
      if (existing) {
        report.employersExisting++;
        employerIds.set(key, existing.id);
        continue;
      }
      const created = await this.employers.create(null, {
        ...employer,
        address: { street, houseNumber, postcode, city },
        contacts: [
          { name: 'Demo Contactpersoon', role: 'HR-adviseur', phone: '078 123 4567', email: `hr.${key}@example.org` },
        ],
        accountManagerId,
        unitId: unitIds[unit],
        notes: 'Demo-werkgever',
      });
      report.employersCreated++;
      employerIds.set(key, created.id);
    }
    for (const { employer: key, open, ...vacancy } of VACANCIES) {
      const employerId = employerIds.get(key)!;
      if (await this.vacancies.findByEmployerAndTitle(employerId, vacancy.title)) {
        report.vacanciesExisting++;
        continue;
      }
      const unit = EMPLOYERS.find((employer) => employer.key === key)!.unit;
      const created = await this.vacancies.create(null, { ...vacancy, employerId, unitId: unitIds[unit] });
      if (open) {
        await this.vacancies.changeStatus(null, created.id, 'OPEN', created.version);
        // Opened some days to weeks ago, as a stand-up list shows them (the proposals seeder goes further back).
        const daysAgo = 2 + ((report.vacanciesCreated * 11) % 40);
        await this.vacancies.backdateForDemo(created.id, new Date(this.clock.now().getTime() - daysAgo * 86_400_000));
      }
      report.vacanciesCreated++;
    }
    return report;
  }
}
