import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity('employers')
export class EmployerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Chamber of Commerce (Kamer van Koophandel) registration number: 8 digits. */
  @Column({ name: 'kvk_number', type: 'varchar', length: 8 })
  kvkNumber!: string;

  @Column({ type: 'varchar', length: 100 })
  sector!: string;

  @Column({ type: 'varchar', length: 200 })
  street!: string;

  @Column({ name: 'house_number', type: 'varchar', length: 20 })
  houseNumber!: string;

  /** Normalised, '3311 AB'. */
  @Column({ type: 'varchar', length: 7 })
  postcode!: string;

  @Column({ type: 'varchar', length: 4 })
  pc4!: string;

  @Column({ name: 'municipality_code', type: 'varchar', length: 6 })
  municipalityCode!: string;

  @Column({ type: 'varchar', length: 100 })
  municipality!: string;

  /** Labour-market region (arbeidsmarktregio) code, e.g. AM23 Drechtsteden. */
  @Column({ name: 'region_code', type: 'varchar', length: 4 })
  regionCode!: string;

  @Column({ type: 'varchar', length: 100 })
  region!: string;

  @Column({ type: 'varchar', length: 100 })
  city!: string;

  @Column({ name: 'account_manager_id', type: 'uuid' })
  accountManagerId!: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Column({ type: 'varchar', length: 4000, default: '' })
  notes!: string;

  @Column({ type: 'boolean', default: false })
  archived!: boolean;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @OneToMany(() => EmployerContactEntity, (contact) => contact.employer)
  contacts?: EmployerContactEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A contact person at an employer: personal data, so every read and change is audited. */
@Entity('employer_contacts')
export class EmployerContactEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @ManyToOne(() => EmployerEntity, (employer) => employer.contacts, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employer_id' })
  employer?: EmployerEntity;

  /** Order as entered; the first is the main contact. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 100 })
  role!: string;

  @Column({ type: 'varchar', length: 20 })
  phone!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;
}
