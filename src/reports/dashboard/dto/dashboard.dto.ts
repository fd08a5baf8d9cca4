import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Organisation } from '@identity/organisation';
import { TARGET_GROUPS, TargetGroup } from '@matching/candidates/target-group';
import { ReportPeriodQuery } from '@platform/http/report-period';
import {
  DurabilityReferenceDto,
  DurabilityReportDto,
  MilestoneFiguresDto,
} from '@aftersales/durability/dto/durability-report.dto';
import { QualityFiguresDto } from '@matching/proposals/dto/proposal-quality.dto';
import { TargetProgressDto, UnitRefDto } from '../../targets/dto/target.dto';
import { Optional } from '@platform/http/optional';

const TARGET_GROUP = { enum: TARGET_GROUPS, enumName: 'TargetGroup' } as const;

export class DashboardQuery extends ReportPeriodQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'One unit; leave out for the whole partnership' })
  @Optional()
  @IsUUID('all', { message: 'must be a unit id' })
  unitId?: string;
}

export class WallBoardParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a unit id' })
  unitId!: string;
}

export class TargetGroupCountDto {
  @ApiProperty({
    ...TARGET_GROUP,
    nullable: true,
    description: 'null: clients in no target group (listed only when any)',
  })
  targetGroup!: TargetGroup | null;
  @ApiProperty() placements!: number;
}

export class SroiReferenceDto {
  @ApiProperty({ example: 10 }) minPct!: number;
  @ApiProperty({ example: 15 }) maxPct!: number;
}

export class SroiShareDto {
  @ApiProperty() placements!: number;
  @ApiProperty({ description: 'Of those, placements on a vacancy from an SROI clause' }) sroi!: number;
  @ApiProperty({ type: Number, nullable: true, example: 12.5, description: '100 × sroi ÷ placements, 1 decimal' })
  sroiPct!: number | null;
  @ApiProperty({
    enum: ['BELOW', 'WITHIN', 'ABOVE'],
    enumName: 'SroiBand',
    nullable: true,
    description: 'Against the 10–15% the region expects (10 and 15 are within); null without placements',
  })
  band!: 'BELOW' | 'WITHIN' | 'ABOVE' | null;
}

export class PlacementFiguresDto {
  @ApiProperty({ description: 'Placements starting in the period' }) total!: number;
  @ApiProperty({ type: [TargetGroupCountDto], description: 'All five target groups in order, zeros included' })
  byTargetGroup!: TargetGroupCountDto[];
  @ApiProperty({ type: SroiShareDto }) sroi!: SroiShareDto;
  @ApiProperty({ description: 'Of the placements, how many have no outflow record yet' }) outflowUnrecorded!: number;
}

export class MonthPlacementFiguresDto extends PlacementFiguresDto {
  @ApiProperty({ example: '2026-03', description: 'Start month (YYYY-MM); every month of the period' })
  month!: string;
}

export class UnitPlacementFiguresDto extends PlacementFiguresDto {
  @ApiProperty({ type: UnitRefDto }) unit!: UnitRefDto;
}

export class DashboardPlacementsDto {
  @ApiProperty({ type: PlacementFiguresDto }) total!: PlacementFiguresDto;
  @ApiProperty({ type: [MonthPlacementFiguresDto] }) byMonth!: MonthPlacementFiguresDto[];
  @ApiProperty({ type: [UnitPlacementFiguresDto] }) byUnit!: UnitPlacementFiguresDto[];
}

export class UnitTargetsDto {
  @ApiProperty({ type: UnitRefDto }) unit!: UnitRefDto;
  @ApiProperty({
    type: [TargetProgressDto],
    description: 'Every year, then every quarter, that overlaps the period, each over its whole length',
  })
  periods!: TargetProgressDto[];
}

export class UnitQualityFiguresDto extends QualityFiguresDto {
  @ApiProperty({ type: UnitRefDto }) unit!: UnitRefDto;
}

export class MatcherQualityFiguresDto extends QualityFiguresDto {
  @ApiProperty({ format: 'uuid' }) matcherId!: string;
  @ApiProperty({ example: 'Matcher UWV' }) name!: string;
  @ApiProperty({ enum: Object.values(Organisation), enumName: 'Organisation', nullable: true })
  organisation!: Organisation | null;
}

export class TargetGroupQualityFiguresDto extends QualityFiguresDto {
  @ApiProperty({ ...TARGET_GROUP, nullable: true }) targetGroup!: TargetGroup | null;
}

export class DashboardProposalQualityDto {
  @ApiProperty({ example: 2, description: 'The aim: at most this many proposals per placement' }) aim!: number;
  @ApiProperty({ type: QualityFiguresDto }) total!: QualityFiguresDto;
  @ApiProperty({ type: [UnitQualityFiguresDto] }) perUnit!: UnitQualityFiguresDto[];
  @ApiProperty({ type: [MatcherQualityFiguresDto], description: 'By matcher name' })
  perMatcher!: MatcherQualityFiguresDto[];
  @ApiProperty({ type: [TargetGroupQualityFiguresDto] }) perTargetGroup!: TargetGroupQualityFiguresDto[];
}

export class OutflowCountsDto {
  @ApiProperty({ description: 'Benefits that stopped in the period: the outflow KPI' }) full!: number;
  @ApiProperty({ description: 'Benefits reduced in the period (a part-time job); not in the KPI' }) partial!: number;
}

export class UnitOutflowDto extends OutflowCountsDto {
  @ApiProperty({ type: UnitRefDto }) unit!: UnitRefDto;
}

export class TargetGroupOutflowDto extends OutflowCountsDto {
  @ApiProperty({ ...TARGET_GROUP, nullable: true }) targetGroup!: TargetGroup | null;
}

export class DashboardOutflowDto {
  @ApiProperty({ type: OutflowCountsDto }) total!: OutflowCountsDto;
  @ApiProperty({ type: [UnitOutflowDto] }) byUnit!: UnitOutflowDto[];
  @ApiProperty({ type: [TargetGroupOutflowDto] }) byTargetGroup!: TargetGroupOutflowDto[];
}

export class DashboardDto {
  @ApiProperty({ example: '2026-01-01' }) from!: string;
  @ApiProperty({ example: '2026-11-22' }) to!: string;
  @ApiProperty({ example: '2026-11-22', description: 'Today in the Netherlands, as progress and forecasts count it' })
  today!: string;
  @ApiProperty({ type: String, format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'null: the whole partnership' })
  unitId!: string | null;
  @ApiProperty({ type: [UnitRefDto], description: 'The units in the figures, by name' }) units!: UnitRefDto[];
  @ApiProperty({ ...TARGET_GROUP, isArray: true, description: 'The target groups in the order the figures list them' })
  targetGroups!: TargetGroup[];
  @ApiProperty({ type: DashboardPlacementsDto }) placements!: DashboardPlacementsDto;
  @ApiProperty({ type: [UnitTargetsDto], description: 'Placements against target per unit, with the forecast' })
  targets!: UnitTargetsDto[];
  @ApiProperty({ type: DurabilityReportDto, description: 'The durability report for the same period and unit' })
  durability!: DurabilityReportDto;
  @ApiProperty({ type: DashboardProposalQualityDto }) proposalQuality!: DashboardProposalQualityDto;
  @ApiProperty({ type: DashboardOutflowDto }) outflow!: DashboardOutflowDto;
  @ApiProperty({ type: SroiReferenceDto, description: 'The SROI share the region expects' })
  sroiReference!: SroiReferenceDto;
}

export class WallBoardDurabilityDto {
  @ApiProperty({ example: '2025-12-01' }) from!: string;
  @ApiProperty({ example: '2026-11-22' }) to!: string;
  @ApiProperty({ type: DurabilityReferenceDto }) reference!: DurabilityReferenceDto;
  @ApiProperty() placements!: number;
  @ApiProperty({ type: [MilestoneFiguresDto] }) milestones!: MilestoneFiguresDto[];
}

export class WallBoardDto {
  @ApiProperty({ type: UnitRefDto }) unit!: UnitRefDto;
  @ApiProperty({ example: '2026-11-22' }) today!: string;
  @ApiProperty({ type: String, format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ example: 60, description: 'How often a wall board should ask again, in seconds' })
  refreshSeconds!: number;
  @ApiProperty({ type: TargetProgressDto, description: 'This quarter against its target' }) quarter!: TargetProgressDto;
  @ApiProperty({ type: TargetProgressDto, description: 'This year against its target' }) year!: TargetProgressDto;
  @ApiProperty({
    type: PlacementFiguresDto,
    description: 'Placements starting this quarter (as its progress counts them), by target group, with SROI share',
  })
  quarterPlacements!: PlacementFiguresDto;
  @ApiProperty({ type: PlacementFiguresDto, description: 'Placements starting this year' })
  yearPlacements!: PlacementFiguresDto;
  @ApiProperty({ type: OutflowCountsDto, description: 'Outflow from benefit with a day in this quarter' })
  quarterOutflow!: OutflowCountsDto;
  @ApiProperty({ type: WallBoardDurabilityDto, description: 'Placements started in the last 12 months' })
  durability!: WallBoardDurabilityDto;
  @ApiProperty({ type: SroiReferenceDto }) sroiReference!: SroiReferenceDto;
}
