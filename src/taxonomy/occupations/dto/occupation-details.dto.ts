import { ApiProperty } from '@nestjs/swagger';

export class IscoGroupDto {
  @ApiProperty({ example: '8344' })
  code!: string;

  @ApiProperty({ example: 'Bestuurders van hef- en vorkheftrucks' })
  label!: string;
}

export class OccupationSkillDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  uri!: string;

  @ApiProperty({ description: 'Dutch label where ESCO has one, else English' })
  label!: string;

  @ApiProperty()
  labelEn!: string;

  @ApiProperty({ enum: ['skill/competence', 'knowledge'], nullable: true, type: String })
  skillType!: string | null;
}

export class OccupationDetailsDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  uri!: string;

  @ApiProperty({ example: '8344.1' })
  code!: string;

  @ApiProperty({ description: 'Dutch preferred label' })
  label!: string;

  @ApiProperty({ type: [String], description: 'Dutch synonyms and gendered forms' })
  altLabels!: string[];

  @ApiProperty()
  description!: string;

  @ApiProperty({ type: IscoGroupDto })
  iscoGroup!: IscoGroupDto;

  @ApiProperty({ type: [IscoGroupDto], description: 'ISCO groups from the outermost down to the unit group' })
  iscoPath!: IscoGroupDto[];

  @ApiProperty({ type: [OccupationSkillDto] })
  essentialSkills!: OccupationSkillDto[];

  @ApiProperty({ type: [OccupationSkillDto] })
  optionalSkills!: OccupationSkillDto[];
}
