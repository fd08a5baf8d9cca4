import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { VacancyStatus } from '@matching/profiles';
import { DrivingLicence } from '@sales/requirements/driving-licences';
import { DutchLevel } from '@sales/requirements/dutch-language-level';
import { EducationLevel } from '@sales/requirements/education-levels';
import { EmployerEntity } from '@sales/employers/employer.entity';
import { ContractType, Instrument, Shift } from './vacancy-terms';

@Entity('vacancies')
export class VacancyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @ManyToOne(() => EmployerEntity)
  @JoinColumn({ name: 'employer_id' })
  employer?: EmployerEntity;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  /** As the employer or salesmanager typed it. */
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ name: 'occupation_uri', type: 'varchar', length: 255, nullable: true })
  occupationUri!: string | null;

  /** False while the occupation is the search's suggestion from the title; true once a person chose it. */
  @Column({ name: 'occupation_confirmed', type: 'boolean', default: false })
  occupationConfirmed!: boolean;

  @Column({ type: 'varchar', length: 10000, default: '' })
  description!: string;

  @Column({ name: 'driving_licences', type: 'text', array: true, default: () => "'{}'" })
  drivingLicences!: DrivingLicence[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  certificates!: string[];

  @Column({ name: 'min_dutch_level', type: 'varchar', length: 2, nullable: true })
  minDutchLevel!: DutchLevel | null;

  @Column({ name: 'min_education_level', type: 'varchar', length: 10, nullable: true })
  minEducationLevel!: EducationLevel | null;

  @Column({ name: 'required_skill_uris', type: 'text', array: true, default: () => "'{}'" })
  requiredSkillUris!: string[];

  @Column({ name: 'preferred_skill_uris', type: 'text', array: true, default: () => "'{}'" })
  preferredSkillUris!: string[];

  @Column({ name: 'experience_years_wish', type: 'integer', nullable: true })
  experienceYearsWish!: number | null;

  @Column({ name: 'hours_min', type: 'integer' })
  hoursMin!: number;

  @Column({ name: 'hours_max', type: 'integer' })
  hoursMax!: number;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  shifts!: Shift[];

  /** Workplace postcode, normalised; pc4, municipality and region as resolved when entered. */
  @Column({ type: 'varchar', length: 7 })
  postcode!: string;

  @Column({ type: 'varchar', length: 4 })
  pc4!: string;

  @Column({ name: 'municipality_code', type: 'varchar', length: 6 })
  municipalityCode!: string;

  @Column({ type: 'varchar', length: 100 })
  municipality!: string;

  @Column({ name: 'region_code', type: 'varchar', length: 4 })
  regionCode!: string;

  @Column({ type: 'varchar', length: 100 })
  region!: string;

  @Column({ name: 'max_travel_km', type: 'integer', nullable: true })
  maxTravelKm!: number | null;

  /** ISO date; pg returns date columns as 'YYYY-MM-DD' strings. */
  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ type: 'integer' })
  positions!: number;

  @Column({ name: 'positions_left', type: 'integer' })
  positionsLeft!: number;

  @Column({ name: 'contract_type', type: 'varchar', length: 20 })
  contractType!: ContractType;

  @Column({ name: 'contract_months', type: 'integer', nullable: true })
  contractMonths!: number | null;

  /** Open to candidates of the 50-80 group (reduced wage value, wage-cost subsidy). */
  @Column({ name: 'open_to_reduced_wage_value', type: 'boolean', default: false })
  openToReducedWageValue!: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  instruments!: Instrument[];

  /** From a social-return (SROI) clause of a public tender; its placements count as SROI placements. */
  @Column({ type: 'boolean', default: false })
  sroi!: boolean;

  /** The tender's reference (e.g. the tender number); set exactly when sroi is. */
  @Column({ name: 'sroi_tender_reference', type: 'varchar', length: 100, nullable: true })
  sroiTenderReference!: string | null;

  @Column({ type: 'varchar', length: 10, default: 'DRAFT' })
  status!: VacancyStatus;

  /** The first time it opened; kept through pauses (ON_HOLD → OPEN). */
  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
