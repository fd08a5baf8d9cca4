import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { FOLLOW_UP_STATUSES, FollowUpParty, FollowUpStatus } from '../follow-up-status';

export const ASSIGNEES = ['me', 'unit'] as const;
export type Assignee = (typeof ASSIGNEES)[number];

/** The outcomes recorded so far; AT_RISK and UNREACHABLE (with retries) are not built yet. */
export const FOLLOW_UP_RESULTS = ['STILL_WORKING', 'LEFT_JOB'] as const;
export type FollowUpResult = (typeof FOLLOW_UP_RESULTS)[number];

export class FollowUpListQuery {
  @ApiPropertyOptional({ enum: FOLLOW_UP_STATUSES, default: 'DUE' })
  @IsOptional()
  @IsIn(FOLLOW_UP_STATUSES, { message: `must be one of ${FOLLOW_UP_STATUSES.join(', ')}` })
  status: FollowUpStatus = 'DUE';

  @ApiPropertyOptional({ enum: ASSIGNEES, default: 'unit', description: "me: claimed by me; unit: my unit's list" })
  @IsOptional()
  @IsIn(ASSIGNEES, { message: 'must be me or unit' })
  assignee: Assignee = 'unit';
}

export class FollowUpOutcomeDto {
  @ApiProperty({ enum: FOLLOW_UP_RESULTS })
  @IsIn(FOLLOW_UP_RESULTS, { message: `must be one of ${FOLLOW_UP_RESULTS.join(', ')}` })
  result!: FollowUpResult;

  @ApiProperty({ example: '2027-03-01T10:15:00+01:00', description: 'When the party was reached' })
  @IsISO8601({ strict: true }, { message: 'must be a date and time (ISO-8601)' })
  contactedAt!: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required for LEFT_JOB: why the job ended' })
  @ValidateIf((outcome: FollowUpOutcomeDto) => outcome.result === 'LEFT_JOB' || outcome.note !== undefined)
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must say why the job ended' })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  note?: string;

  @ApiPropertyOptional({ example: '2027-02-28', description: 'Required for LEFT_JOB: the last day of the job' })
  @ValidateIf((outcome: FollowUpOutcomeDto) => outcome.result === 'LEFT_JOB')
  @IsISO8601({ strict: true }, { message: 'must be a date (YYYY-MM-DD)' })
  @IsString({ message: 'must be a date (YYYY-MM-DD)' })
  endDate?: string;
}

export class FollowUpDto {
  @ApiProperty() id!: string;
  @ApiProperty() placementId!: string;
  @ApiProperty() candidateId!: string;
  @ApiProperty() vacancyId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() startDate!: string;
  @ApiProperty({ enum: ['CLIENT', 'EMPLOYER'] }) party!: FollowUpParty;
  @ApiProperty({ description: '1 for the first configured offset (3 months), 2 for the second' }) milestone!: number;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES }) status!: FollowUpStatus;
  @ApiProperty() dueAt!: string;
  @ApiProperty({ description: 'Due before today (Netherlands)' }) overdue!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) assigneeId!: string | null;
  @ApiPropertyOptional({ nullable: true, enum: FOLLOW_UP_RESULTS }) result!: FollowUpResult | null;
  @ApiPropertyOptional({ nullable: true, type: String }) contactedAt!: string | null;
}
