import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ImportTableCountsDto {
  @ApiProperty() inserted!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() deleted!: number;
  @ApiProperty({ description: 'Rows of this kind in the release' }) total!: number;
}

export class ImportErrorDto {
  @ApiPropertyOptional({ description: 'The malformed file', nullable: true, type: String })
  file!: string | null;

  @ApiPropertyOptional({ description: 'Line in that file (1 is the header)', nullable: true, type: Number })
  line!: number | null;

  @ApiProperty({ description: 'What is wrong' })
  reason!: string;
}

// The counts' values are referenced by $ref only: register the model so the document resolves.
@ApiExtraModels(ImportTableCountsDto)
export class ImportStatusDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['queued', 'running', 'succeeded', 'failed'] })
  status!: string;

  @ApiProperty({ description: 'Percent done, 0..100' })
  progress!: number;

  @ApiProperty()
  folder!: string;

  @ApiProperty({ nullable: true, type: String, example: '1.1.1' })
  releaseVersion!: string | null;

  @ApiProperty({
    nullable: true,
    type: Boolean,
    description: 'Whether the import changed anything (false on a re-import)',
  })
  changed!: boolean | null;

  @ApiProperty({
    nullable: true,
    description: 'Per table (iscoGroups, occupations, skills, relations, broaderLinks)',
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/ImportTableCountsDto' },
  })
  counts!: Record<string, ImportTableCountsDto> | null;

  @ApiProperty({ nullable: true, type: ImportErrorDto })
  error!: ImportErrorDto | null;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty({ nullable: true, type: Date })
  startedAt!: Date | null;

  @ApiProperty({ nullable: true, type: Date })
  finishedAt!: Date | null;
}

export class ImportIdDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
}
