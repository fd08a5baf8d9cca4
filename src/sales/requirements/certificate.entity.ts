import {
  Column,
  CreateDateColumn,
  Entity,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * A certificate on the managed list (heftruck, VCA, BHV, …). Never deleted: a deactivated one stays
 * valid on the vacancies and candidates that already name it but cannot be chosen anew.
 */
@Entity('certificates')
export class Certificate {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stable, e.g. VCA_VOL; other modules store it, so it never changes after creation. */
  @Column({ type: 'varchar', length: 40, unique: true })
  code!: string;

  /** Dutch display name. */
  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Certificates that holding this one also proves (VCA VOL includes VCA basis). */
  @ManyToMany(() => Certificate)
  @JoinTable({
    name: 'certificate_implications',
    joinColumn: { name: 'certificate_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'implied_certificate_id', referencedColumnName: 'id' },
  })
  implies!: Certificate[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
