import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An ESCO skill or knowledge item; English labels always, Dutch where an ESCO collection has one. */
@Entity('skills')
export class Skill {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  uri!: string;

  @Column('text', { name: 'skill_type', nullable: true })
  skillType!: 'skill/competence' | 'knowledge' | null;

  @Column('text', { name: 'reuse_level', nullable: true })
  reuseLevel!: string | null;

  @Column('text', { name: 'label_en' })
  labelEn!: string;

  @Column('text', { name: 'label_nl', nullable: true })
  labelNl!: string | null;

  @Column('jsonb', { name: 'alt_labels_en' })
  altLabelsEn!: string[];

  @Column('jsonb', { name: 'alt_labels_nl' })
  altLabelsNl!: string[];

  @Column('text')
  description!: string;

  @Column('text', { name: 'content_hash', select: false })
  contentHash!: string;
}
