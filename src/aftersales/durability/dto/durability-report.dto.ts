import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { TARGET_GROUPS, TargetGroup } from '@matching/candidates/target-group';
import { ReportPeriodQuery } from '@platform/http/report-period';
import { Optional } from '@platform/http/optional';

export { TARGET_GROUPS } from '@matching/candidates/target-group';

export class DurabilityReportQuery extends ReportPeriodQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "Only placements of this unit (the vacancy's unit)" })
  @Optional()
  @IsUUID('all', { message: 'must be a unit id' })
  unit?: string;

  @ApiPropertyOptional({ enum: TARGET_GROUPS, description: 'Only placements in this target group' })
  @Optional()
  @IsIn(TARGET_GROUPS, { message: `must be one of ${TARGET_GROUPS.join(', ')}` })
  targetGroup?: TargetGroup;
}

export class DurabilityReferenceDto {
  @ApiProperty({ example: 'Drechtsteden' }) source!: string;
  @ApiProperty({ example: 80, description: '% still working at 3 and at 6 months, measured there' })
  stillWorkingPct!: number;
}

export class MilestoneFiguresDto {
  @ApiProperty({ example: 1, description: '1 for the first configured offset' }) milestone!: number;
  @ApiProperty({ example: 'P3M', description: 'ISO-8601 duration after the start date' }) offset!: string;
  @ApiProperty({ description: 'The milestone is still to come; in none of the other counts' }) pending!: number;
  @ApiProperty({ description: 'A call of this milestone (client or employer) got an answer' }) reached!: number;
  @ApiProperty({ description: 'Known to be working at the milestone' }) stillWorking!: number;
  @ApiProperty({ description: 'The placement ended before the milestone' }) stoppedWorking!: number;
  @ApiProperty({ description: 'Milestone passed, not known whether working; not in the percentage' })
  unknown!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 82.5,
    description: '100 · stillWorking ÷ (stillWorking + stoppedWorking), one decimal; null when both are 0',
  })
  stillWorkingPct!: number | null;
}

export class CohortFiguresDto {
  @ApiProperty({ example: '2026-03', description: 'Start month (YYYY-MM)' }) month!: string;
  @ApiProperty() placements!: number;
  @ApiProperty({ type: [MilestoneFiguresDto] }) milestones!: MilestoneFiguresDto[];
}

export class DurabilityTotalDto {
  @ApiProperty() placements!: number;
  @ApiProperty({ type: [MilestoneFiguresDto] }) milestones!: MilestoneFiguresDto[];
}

export class DurabilityReportDto {
  @ApiProperty({ example: '2026-01-01' }) from!: string;
  @ApiProperty({ example: '2026-12-31' }) to!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) unit!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: TARGET_GROUPS }) targetGroup!: TargetGroup | null;
  @ApiProperty({ type: [String], example: ['P3M', 'P6M'], description: 'The milestones, first is milestone 1' })
  offsets!: string[];
  @ApiProperty({ type: DurabilityReferenceDto }) reference!: DurabilityReferenceDto;
  @ApiProperty({ type: [CohortFiguresDto], description: 'Every start month of the period, oldest first' })
  cohorts!: CohortFiguresDto[];
  @ApiProperty({ type: DurabilityTotalDto }) total!: DurabilityTotalDto;
}
