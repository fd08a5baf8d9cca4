import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RelationType } from '@taxonomy/esco-import/esco-csv';

/** An occupation needs a skill, essentially or optionally (ESCO's occupation–skill relation). */
@Entity('occupation_skills')
export class OccupationSkill {
  @PrimaryColumn('uuid', { name: 'occupation_id' })
  occupationId!: string;

  @PrimaryColumn('uuid', { name: 'skill_id' })
  skillId!: string;

  @Column('text', { name: 'relation_type' })
  relationType!: RelationType;
}
