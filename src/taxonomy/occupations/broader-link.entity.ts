import { Column, Entity, PrimaryColumn } from 'typeorm';

/** ESCO's hierarchy: a concept (occupation, ISCO group, skill, skill group) under a broader one. */
@Entity('taxonomy_broader_links')
export class BroaderLink {
  @PrimaryColumn('text', { name: 'concept_uri' })
  conceptUri!: string;

  @PrimaryColumn('text', { name: 'broader_uri' })
  broaderUri!: string;

  @Column('text', { name: 'concept_type' })
  conceptType!: string;

  @Column('text', { name: 'broader_type' })
  broaderType!: string;
}
