import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from '@identity/organisation';

/** One read or change of a person's data. Append-only: the database refuses UPDATE and DELETE. */
@Entity('audit_log')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_organisation', type: 'varchar', length: 20, nullable: true })
  actorOrganisation!: Organisation | null;

  @Column({ type: 'varchar', length: 40 })
  action!: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 40 })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 64, nullable: true })
  subjectId!: string | null;

  @Column({ type: 'varchar', length: 200 })
  purpose!: string;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;
}
