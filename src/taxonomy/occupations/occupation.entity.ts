import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An ESCO occupation with its Dutch labels. */
@Entity('occupations')
export class Occupation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  uri!: string;

  /** ESCO code, e.g. 8344.1: the ISCO group followed by ESCO's own levels. */
  @Column('text')
  code!: string;

  @Column('text', { name: 'isco_group' })
  iscoGroup!: string;

  @Column('text', { name: 'preferred_label' })
  preferredLabel!: string;

  /** Synonyms and gendered forms. */
  @Column('jsonb', { name: 'alt_labels' })
  altLabels!: string[];

  @Column('text')
  description!: string;

  @Column('text', { name: 'content_hash', select: false })
  contentHash!: string;
}
