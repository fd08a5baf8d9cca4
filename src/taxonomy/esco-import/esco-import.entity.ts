import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type EscoImportStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** Per table: rows added, changed and removed by one import. */
export interface EscoImportCounts {
  [table: string]: { inserted: number; updated: number; deleted: number; total: number };
}

/** One run of the ESCO import: which release, how it went, what it changed, or why it was refused. */
@Entity('taxonomy_imports')
export class EscoImport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  folder!: string;

  @Column('text', { name: 'release_version', nullable: true })
  releaseVersion!: string | null;

  @Column('text')
  status!: EscoImportStatus;

  @Column('integer')
  progress!: number;

  /** A hash over every imported row: equal hashes, equal content. */
  @Column('text', { name: 'content_hash', nullable: true })
  contentHash!: string | null;

  @Column('boolean', { nullable: true })
  changed!: boolean | null;

  @Column('jsonb', { nullable: true })
  counts!: EscoImportCounts | null;

  @Column('text', { name: 'error_file', nullable: true })
  errorFile!: string | null;

  @Column('integer', { name: 'error_line', nullable: true })
  errorLine!: number | null;

  @Column('text', { name: 'error_reason', nullable: true })
  errorReason!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'started_at', nullable: true })
  startedAt!: Date | null;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}
