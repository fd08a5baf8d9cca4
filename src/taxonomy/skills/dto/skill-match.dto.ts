import { ApiProperty } from '@nestjs/swagger';

export class SkillMatchDto {
  @ApiProperty()
  uri!: string;

  @ApiProperty({ enum: ['skill/competence', 'knowledge'], nullable: true, type: String })
  skillType!: string | null;

  @ApiProperty({ description: 'Dutch label where ESCO has one, else English' })
  label!: string;

  @ApiProperty()
  labelEn!: string;

  @ApiProperty({ description: 'The label (Dutch or English) that matched best' })
  matchedLabel!: string;

  @ApiProperty({ description: 'Relevance between 0 and 1' })
  score!: number;
}
