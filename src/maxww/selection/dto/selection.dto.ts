import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsUUID, Matches, Max, Min } from 'class-validator';
import { Optional } from '@platform/http/optional';

/** Why a selected client is not invited: the reasons the team uses, never a free guess. */
export const EXCLUSION_REASONS = ['NO_BIJSTAND_RIGHT', 'ALREADY_WORKING', 'ILL', 'MOVED'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export const ATTENDANCES = ['PRESENT', 'ABSENT'] as const;
export type Attendance = (typeof ATTENDANCES)[number];
export const ROUTES = ['MAX_WW_ADVISER', 'UWV_ADVISER', 'NO_ACTION'] as const;
export type MaxWwRoute = (typeof ROUTES)[number];
export const ROUTE_BASES = ['TRIAGE', 'TWO_NO_SHOWS'] as const;

/** `?month=2026-12`, or `?fromMonths=5&toMonths=7`: one of the two. */
export class SelectionQuery {
  @ApiPropertyOptional({ example: '2026-12', description: 'The calendar month the WW ends in (YYYY-MM)' })
  @Optional()
  @Matches(/^(19|20)\d\d-(0[1-9]|1[0-2])$/, { message: 'must be a month (YYYY-MM)' })
  month?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 24, description: 'The WW ends at least this many months from today' })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be at least 0' })
  @Max(24, { message: 'must be at most 24' })
  fromMonths?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 24, description: 'The WW ends at most this many months from today' })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be at least 0' })
  @Max(24, { message: 'must be at most 24' })
  toMonths?: number;
}

export class ExclusionDto {
  @ApiProperty() id!: string;
  @ApiProperty() candidateId!: string;
  @ApiProperty({ enum: EXCLUSION_REASONS }) reason!: ExclusionReason;
  @ApiProperty() recordedBy!: string;
  @ApiProperty() recordedByName!: string;
  @ApiProperty() recordedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) liftedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) liftedBy!: string | null;
}

export class CreateExclusionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a candidate id' })
  candidateId!: string;

  @ApiProperty({ enum: EXCLUSION_REASONS })
  @IsIn(EXCLUSION_REASONS, { message: `must be one of ${EXCLUSION_REASONS.join(', ')}` })
  reason!: ExclusionReason;
}

export class SelectionInvitationDto {
  @ApiProperty() id!: string;
  @ApiProperty() meetingId!: string;
  @ApiProperty({ enum: [1, 2] }) attempt!: number;
  @ApiProperty() startsAt!: string;
  @ApiPropertyOptional({ enum: ATTENDANCES, nullable: true, type: String }) attendance!: Attendance | null;
}

export class RouteDto {
  @ApiProperty() candidateId!: string;
  @ApiProperty({ enum: ROUTES }) route!: MaxWwRoute;
  @ApiProperty({ enum: ROUTE_BASES }) basis!: 'TRIAGE' | 'TWO_NO_SHOWS';
  @ApiPropertyOptional({ nullable: true, type: String }) meetingId!: string | null;
  @ApiProperty() decidedBy!: string;
  @ApiProperty() decidedByName!: string;
  @ApiProperty() decidedAt!: string;
}

export class SelectionItemDto {
  @ApiProperty() candidateId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: "UWV's client number" }) sourceReference!: string;
  @ApiProperty({ format: 'date' }) wwEndDate!: string;
  @ApiProperty({ description: 'Calendar days from today to the WW end date' }) daysLeft!: number;
  @ApiProperty({ enum: ['YES', 'NO', 'TO_ASSESS'] }) jobready!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) adviserName!: string | null;
  @ApiPropertyOptional({ type: ExclusionDto, nullable: true, description: 'The active flag, if any' })
  exclusion!: ExclusionDto | null;
  @ApiProperty({ type: [SelectionInvitationDto], description: 'Earlier invitations, first attempt first' })
  invitations!: SelectionInvitationDto[];
  @ApiPropertyOptional({ type: RouteDto, nullable: true }) route!: RouteDto | null;
}

export class SelectionDto {
  @ApiProperty({ format: 'date', description: 'First WW end date in the window' }) from!: string;
  @ApiProperty({ format: 'date', description: 'Last WW end date in the window (inclusive)' }) to!: string;
  @ApiProperty({ description: 'How many clients are in the window (items holds at most 1000)' }) total!: number;
  @ApiProperty({
    description:
      'WW clients in the window whom you may not see (a staffing-firm user: outside your confidentiality ' +
      'statement), counted, not in `total` or `items`',
  })
  hiddenClients!: number;
  @ApiProperty({ type: [SelectionItemDto], description: 'Soonest WW end first' }) items!: SelectionItemDto[];
}
