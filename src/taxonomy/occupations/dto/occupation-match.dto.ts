import { ApiProperty } from '@nestjs/swagger';

export class OccupationMatchDto {
  @ApiProperty({ description: 'Occupation id, for GET /api/occupations/{id}', format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'http://data.europa.eu/esco/occupation/…' })
  uri!: string;

  @ApiProperty({ description: 'ESCO code', example: '8344.1' })
  code!: string;

  @ApiProperty({ description: 'ISCO-08 unit group', example: '8344' })
  iscoGroup!: string;

  @ApiProperty({ description: 'Dutch preferred label', example: 'heftruckchauffeur' })
  label!: string;

  @ApiProperty({ description: 'The label (preferred or alternative) that matched best', example: 'heftruckchauffeur' })
  matchedLabel!: string;

  @ApiProperty({ description: 'Relevance between 0 and 1; 1 is an exact label match', example: 1 })
  score!: number;
}
