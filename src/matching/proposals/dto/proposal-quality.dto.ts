import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID } from 'class-validator';

export class ProposalQualityQuery {
  @ApiProperty({ example: '2026-01-01', description: 'First day (by the time proposals reached PROPOSED)' })
  @IsISO8601({ strict: true }, { message: 'must be a date (YYYY-MM-DD)' })
  @IsString()
  from!: string;

  @ApiProperty({ example: '2026-12-31', description: 'Last day, inclusive' })
  @IsISO8601({ strict: true }, { message: 'must be a date (YYYY-MM-DD)' })
  @IsString()
  to!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a unit id' })
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a user id' })
  matcherId?: string;
}

export class QualityFiguresDto {
  @ApiProperty() proposals!: number;
  @ApiProperty() interviews!: number;
  @ApiProperty() placements!: number;
  @ApiProperty({ type: Number, nullable: true }) proposalsPerPlacement!: number | null;
}

export class VacancyQualityDto extends QualityFiguresDto {
  @ApiProperty() vacancyId!: string;
}
export class MatcherQualityDto extends QualityFiguresDto {
  @ApiProperty() matcherId!: string;
}
export class UnitQualityDto extends QualityFiguresDto {
  @ApiProperty() unitId!: string;
}

export class ProposalQualityDto {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: QualityFiguresDto }) total!: QualityFiguresDto;
  @ApiProperty({ type: [VacancyQualityDto] }) perVacancy!: VacancyQualityDto[];
  @ApiProperty({ type: [MatcherQualityDto] }) perMatcher!: MatcherQualityDto[];
  @ApiProperty({ type: [UnitQualityDto] }) perUnit!: UnitQualityDto[];
}
