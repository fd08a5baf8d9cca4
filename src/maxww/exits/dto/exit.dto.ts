import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsString, IsUUID, Matches } from 'class-validator';
import { ISO_DAY } from '@platform/http/iso-day';
import { Optional } from '@platform/http/optional';
import { EXIT_KINDS, ExitKind } from '../exit-kinds';

export class RecordExitDto {
  @ApiProperty({ format: 'uuid', description: 'The WW client' })
  @IsUUID('all', { message: 'must be a candidate id' })
  candidateId!: string;

  @ApiProperty({ enum: EXIT_KINDS, enumName: 'MaxWwExitKind' })
  @IsIn(EXIT_KINDS, { message: `must be one of ${EXIT_KINDS.join(', ')}` })
  kind!: ExitKind;

  @ApiProperty({ example: '2026-12-01', description: 'The day the client left the programme' })
  @Matches(ISO_DAY, { message: 'must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'must be a real calendar date' })
  @IsString()
  exitOn!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "PLACED_BY_TEAM only: the team's placement of this client (left out for every other kind)",
  })
  @Optional()
  @IsUUID('all', { message: 'must be a placement id' })
  placementId?: string;
}

export class MaxWwExitDto {
  @ApiProperty({ format: 'uuid' }) candidateId!: string;
  @ApiProperty({ enum: EXIT_KINDS, enumName: 'MaxWwExitKind' }) kind!: ExitKind;
  @ApiProperty({ example: '2026-12-01' }) exitOn!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) placementId!: string | null;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty({ type: String, nullable: true, description: "The recorder's name (staff)" })
  recordedByName!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: string;
}

export class ProgrammeMediationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026-09-01' }) startedOn!: string;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-01' }) endedOn!: string | null;
}

export class ProgrammePlacementDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026-12-01' }) startDate!: string;
  @ApiProperty() vacancyTitle!: string;
  @ApiProperty() employerName!: string;
}

export class ClientProgrammeDto {
  @ApiProperty({ format: 'uuid' }) candidateId!: string;
  @ApiProperty({ enum: ['WW', 'BIJSTAND'] }) pool!: 'WW' | 'BIJSTAND';
  @ApiProperty({ type: MaxWwExitDto, nullable: true, description: 'The exit; null while none is recorded' })
  exit!: MaxWwExitDto | null;
  @ApiProperty({ type: ProgrammeMediationDto, nullable: true, description: 'The mediation by a Max-WW adviser' })
  mediation!: ProgrammeMediationDto | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The hand-over to the social service of this WW client, or the one this Bijstand record came from',
  })
  handoverId!: string | null;
  @ApiProperty({
    type: [ProgrammePlacementDto],
    description: 'Placements of this client that a PLACED_BY_TEAM exit may name (newest first)',
  })
  placements!: ProgrammePlacementDto[];
}
