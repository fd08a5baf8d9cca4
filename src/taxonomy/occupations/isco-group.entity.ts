import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An ISCO-08 group (1 to 4 digits) with its Dutch label; the parent is the code minus its last digit. */
@Entity('isco_groups')
export class IscoGroup {
  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  uri!: string;

  @Column('text')
  label!: string;

  @Column('text', { name: 'parent_code', nullable: true })
  parentCode!: string | null;

  @Column('text', { name: 'content_hash', select: false })
  contentHash!: string;
}
