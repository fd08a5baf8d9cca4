import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { TARGET_GROUPS, TargetGroup } from '@matching/candidates/target-group';
import { ReportPeriodQuery } from '@platform/http/report-period';
import { Optional } from '@platform/http/optional';

export class ProposalQualityQuery extends ReportPeriodQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'must be a unit id' })
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'must be a user id' })
  matcherId?: string;
}

export class QualityFiguresDto {
  @ApiProperty({ description: 'Proposals that reached PROPOSED in the period' }) proposals!: number;
  @ApiProperty({ description: 'Of those, how many reached INTERVIEW (a hire counts as one)' }) interviews!: number;
  @ApiProperty({ description: 'Of those, how many were HIRED' }) placements!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 2.5,
    description: 'proposals ÷ placements, two decimals; null without a placement. The aim is 2 or fewer',
  })
  proposalsPerPlacement!: number | null;
}

export class VacancyQualityDto extends QualityFiguresDto {
  @ApiProperty({ format: 'uuid' }) vacancyId!: string;
}
export class MatcherQualityDto extends QualityFiguresDto {
  @ApiProperty({ format: 'uuid' }) matcherId!: string;
}
export class UnitQualityDto extends QualityFiguresDto {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
}
export class TargetGroupQualityDto extends QualityFiguresDto {
  @ApiProperty({
    enum: TARGET_GROUPS,
    enumName: 'TargetGroup',
    nullable: true,
    description: "The candidate's target group on the day of proposing; null: in none",
  })
  targetGroup!: TargetGroup | null;
}

export class ProposalQualityDto {
  @ApiProperty({ example: '2026-01-01' }) from!: string;
  @ApiProperty({ example: '2026-12-31' }) to!: string;
  @ApiProperty({ type: QualityFiguresDto }) total!: QualityFiguresDto;
  @ApiProperty({ type: [VacancyQualityDto] }) perVacancy!: VacancyQualityDto[];
  @ApiProperty({ type: [MatcherQualityDto] }) perMatcher!: MatcherQualityDto[];
  @ApiProperty({ type: [UnitQualityDto] }) perUnit!: UnitQualityDto[];
  @ApiProperty({ type: [TargetGroupQualityDto], description: 'Groups without proposals are left out' })
  perTargetGroup!: TargetGroupQualityDto[];
}
