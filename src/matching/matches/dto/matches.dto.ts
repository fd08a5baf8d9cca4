import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayUnique, IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { COMPONENT_CODES } from '@matching/engine/weights';
import { REQUIREMENTS } from '@matching/engine/requirements';
import { Optional } from '@platform/http/optional';

export class VacancyMatchesQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(200, { message: 'must be at most 200' })
  limit: number = 50;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @Optional()
  @IsString({ message: 'must be the nextCursor of the previous page' })
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'must be the nextCursor of the previous page' })
  cursor?: string;

  @ApiPropertyOptional({ description: 'Comma-separated: WW, BIJSTAND (default both)', example: 'WW,BIJSTAND' })
  @Optional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((pool) => pool.trim()) : value,
  )
  @ArrayUnique({ message: 'must not repeat a pool' })
  @IsIn(['WW', 'BIJSTAND'], { each: true, message: 'must be WW and/or BIJSTAND' })
  pools?: Array<'WW' | 'BIJSTAND'>;
}

export class ScoreComponentDto {
  @ApiProperty({ enum: COMPONENT_CODES }) code!: string;
  @ApiProperty() points!: number;
  @ApiProperty() max!: number;
  @ApiProperty({ example: 'Werkte 4 jaar als magazijnmedewerker' }) sentence!: string;
}

export class CandidateSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['WW', 'BIJSTAND'] }) pool!: string;
  @ApiProperty({ nullable: true, type: String, example: 'MAX WW' }) targetGroup!: string | null;
  @ApiProperty({ nullable: true, type: String }) municipality!: string | null;
  @ApiProperty({ nullable: true, type: String }) adviserId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Date-time of the newest note' }) newestNoteAt!:
    string | null;
}

export class RankedCandidateDto {
  @ApiProperty({ type: CandidateSummaryDto }) candidate!: CandidateSummaryDto;
  @ApiProperty({ description: '0–100' }) score!: number;
  @ApiProperty({ type: [ScoreComponentDto] }) components!: ScoreComponentDto[];
  @ApiProperty({ description: 'km between the postcode areas of home and workplace' }) distanceKm!: number;
}

export class NearMissDto {
  @ApiProperty({ type: CandidateSummaryDto }) candidate!: CandidateSummaryDto;
  @ApiProperty({ enum: REQUIREMENTS }) requirement!: string;
  @ApiProperty({ example: 'mist heftruckcertificaat' }) sentence!: string;
  @ApiProperty() score!: number;
}

export class VacancyMatchesDto {
  @ApiProperty() vacancyId!: string;
  @ApiProperty({ example: '2026-11-v1' }) weightsVersion!: string;
  @ApiProperty({ type: [RankedCandidateDto] }) items!: RankedCandidateDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
  @ApiProperty({ description: 'Candidates you may see in the chosen pools' }) considered!: number;
  @ApiProperty({ description: 'People meeting every hard requirement' }) eligible!: number;
  @ApiProperty({
    description: 'Per hard requirement, how many visible candidates fail it',
    type: 'object',
    additionalProperties: { type: 'number' },
  })
  excluded!: Record<string, number>;
  @ApiProperty({ type: [NearMissDto], description: 'Excluded on exactly one requirement' }) nearMisses!: NearMissDto[];
}

export class VacancyForCandidateDto {
  @ApiProperty() vacancyId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty() score!: number;
  @ApiProperty({ type: [ScoreComponentDto] }) components!: ScoreComponentDto[];
  @ApiProperty() distanceKm!: number;
}

export class VacancyNearMissDto {
  @ApiProperty() vacancyId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty({ enum: REQUIREMENTS }) requirement!: string;
  @ApiProperty() sentence!: string;
  @ApiProperty() score!: number;
}

export class CandidateMatchesDto {
  @ApiProperty() candidateId!: string;
  @ApiProperty() weightsVersion!: string;
  @ApiProperty({ type: [VacancyForCandidateDto] }) items!: VacancyForCandidateDto[];
  @ApiProperty({ type: [VacancyNearMissDto] }) nearMisses!: VacancyNearMissDto[];
}
