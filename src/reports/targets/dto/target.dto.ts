import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, Matches, Max, Min, ValidateNested } from 'class-validator';
import { TARGET_GROUPS, TargetGroup } from '@matching/candidates/target-group';
import { TARGET_PERIOD } from '../target-period';
import { Optional } from '@platform/http/optional';

const TARGET_GROUP = { enum: TARGET_GROUPS, enumName: 'TargetGroup' } as const;
const PERIOD_MESSAGE = 'must be a year (2026) or a quarter (2026-Q3)';

export class TargetGroupTargetDto {
  @ApiProperty(TARGET_GROUP)
  @IsIn(TARGET_GROUPS, { message: `must be one of ${TARGET_GROUPS.join(', ')}` })
  targetGroup!: TargetGroup;

  @ApiProperty({ minimum: 0, maximum: 100000, example: 40 })
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be at least 0' })
  @Max(100000, { message: 'must be at most 100000' })
  placements!: number;
}

export class SetTargetDto {
  @ApiProperty({ minimum: 0, maximum: 100000, example: 120, description: 'Placements the unit aims at' })
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be at least 0' })
  @Max(100000, { message: 'must be at most 100000' })
  placements!: number;

  @ApiPropertyOptional({
    type: [TargetGroupTargetDto],
    description:
      'Optional split by target group; a group left out has no target of its own. The split may not add up ' +
      'to more than placements (the rest is for any group)',
  })
  @Optional()
  @IsArray({ message: 'must be a list of { targetGroup, placements }' })
  @ArrayMaxSize(5, { message: 'may name each of the 5 target groups once' })
  @ValidateNested({ each: true })
  @Type(() => TargetGroupTargetDto)
  byTargetGroup?: TargetGroupTargetDto[];

  @ApiPropertyOptional({
    minimum: 1,
    description: 'The version you read; leave out for a period without a target yet. A stale one: 409 STALE_VERSION',
  })
  @Optional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(2147483647, { message: 'must be at most 2147483647' })
  version?: number;
}

export class TargetPeriodParams {
  @ApiProperty({ format: 'uuid' })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'must be a unit id' })
  unitId!: string;

  @ApiProperty({ example: '2026-Q3', description: 'A year (2026) or a quarter (2026-Q3)' })
  @Matches(TARGET_PERIOD, { message: PERIOD_MESSAGE })
  period!: string;
}

export class TargetsQuery {
  @ApiPropertyOptional({
    example: '2027-Q1',
    description: 'A year or a quarter; default the current quarter (Dutch time)',
  })
  @Optional()
  @Matches(TARGET_PERIOD, { message: PERIOD_MESSAGE })
  period?: string;
}

export class StaffRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Manager UWV' }) name!: string;
}

export class UnitRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Industrie & logistiek' }) name!: string;
}

export class TargetDto {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty({ example: '2026-Q3' }) period!: string;
  @ApiProperty({ example: '2026-07-01' }) periodStart!: string;
  @ApiProperty({ example: '2026-09-30' }) periodEnd!: string;
  @ApiProperty({ description: '1 for the first target of the period, one more for each change' }) version!: number;
  @ApiProperty() placements!: number;
  @ApiProperty({ type: [TargetGroupTargetDto], description: 'Only the groups the split names' })
  byTargetGroup!: TargetGroupTargetDto[];
  @ApiProperty({ type: StaffRefDto, description: 'Who set this version' }) setBy!: StaffRefDto;
  @ApiProperty({ type: String, format: 'date-time' }) setAt!: string;
}

export class TargetHistoryDto {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty({ example: '2026-Q3' }) period!: string;
  @ApiProperty({ type: [TargetDto], description: 'Every version, newest (the current one) first' })
  versions!: TargetDto[];
}

export class GroupProgressDto {
  @ApiProperty({ ...TARGET_GROUP, nullable: true, description: 'null: placements of clients in no target group' })
  targetGroup!: TargetGroup | null;
  @ApiProperty({ type: Number, nullable: true, description: "The split's number; null: no target of its own" })
  target!: number | null;
  @ApiProperty({ description: 'Placements of the group starting in the period' }) counted!: number;
  @ApiProperty({ type: Number, nullable: true }) expectedSoFar!: number | null;
  @ApiProperty({ type: Number, nullable: true }) progressPct!: number | null;
  @ApiProperty({ type: Number, nullable: true }) forecast!: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) onTrack!: boolean | null;
}

export class TargetProgressDto {
  @ApiProperty({ example: '2026-Q4' }) period!: string;
  @ApiProperty({ enum: ['YEAR', 'QUARTER'], enumName: 'TargetPeriodKind' }) kind!: 'YEAR' | 'QUARTER';
  @ApiProperty({ example: '2026-10-01' }) start!: string;
  @ApiProperty({ example: '2026-12-31' }) end!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'The current target; null: none set' })
  target!: number | null;
  @ApiProperty({ description: 'Placements of the unit starting in the period, registered so far' }) counted!: number;
  @ApiProperty({ example: 92 }) periodDays!: number;
  @ApiProperty({ example: 53, description: 'Days of the period begun by today (today counts)' })
  elapsedDays!: number;
  @ApiProperty({ example: 0.5761, description: 'elapsedDays ÷ periodDays, 4 decimals' }) elapsedShare!: number;
  @ApiProperty({ type: Number, nullable: true, example: 28.8, description: 'target × elapsedShare, 1 decimal' })
  expectedSoFar!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 60, description: '100 × counted ÷ target, 1 decimal' })
  progressPct!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 52,
    description: 'round(counted × periodDays ÷ elapsedDays); null before the period starts',
  })
  forecast!: number | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'forecast ≥ target; null without either' })
  onTrack!: boolean | null;
  @ApiProperty({ type: [GroupProgressDto], description: 'All five target groups (and no group, when any)' })
  byTargetGroup!: GroupProgressDto[];
}

export class UnitTargetOverviewDto {
  @ApiProperty({ type: UnitRefDto }) unit!: UnitRefDto;
  @ApiProperty({ type: TargetDto, nullable: true, description: 'The current target of the period; null: none yet' })
  target!: TargetDto | null;
  @ApiProperty({ type: TargetProgressDto }) progress!: TargetProgressDto;
  @ApiProperty({ type: TargetProgressDto, description: 'The period before, with its target and result' })
  previous!: TargetProgressDto;
}

export class TargetsOverviewDto {
  @ApiProperty({ example: '2027-Q1' }) period!: string;
  @ApiProperty({ example: '2026-11-22', description: 'Today in the Netherlands, as the progress counts it' })
  today!: string;
  @ApiProperty({ type: [UnitTargetOverviewDto], description: 'Every unit, by name' })
  units!: UnitTargetOverviewDto[];
}
