import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, Matches, IsNotEmpty, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { ISO_DAY } from '@platform/http/iso-day';
import { Instrument, INSTRUMENTS } from '@sales/vacancies/vacancy-terms';
import { FOLLOW_UP_STATUSES, FollowUpParty, FollowUpStatus } from '../follow-up-status';
import { Optional } from '@platform/http/optional';

export const ASSIGNEES = ['me', 'unit'] as const;
export type Assignee = (typeof ASSIGNEES)[number];

/**
 * What a call found. STILL_WORKING and AT_RISK: the job runs (AT_RISK also alerts the adviser);
 * LEFT_JOB: it ended; UNREACHABLE: nobody answered, so the call is tried again later.
 */
export const FOLLOW_UP_RESULTS = ['STILL_WORKING', 'AT_RISK', 'LEFT_JOB', 'UNREACHABLE'] as const;
export type FollowUpResult = (typeof FOLLOW_UP_RESULTS)[number];

export class FollowUpListQuery {
  @ApiPropertyOptional({ enum: FOLLOW_UP_STATUSES, default: 'DUE' })
  @Optional()
  @IsIn(FOLLOW_UP_STATUSES, { message: `must be one of ${FOLLOW_UP_STATUSES.join(', ')}` })
  status: FollowUpStatus = 'DUE';

  @ApiPropertyOptional({ enum: ASSIGNEES, default: 'unit', description: "me: claimed by me; unit: my unit's list" })
  @Optional()
  @IsIn(ASSIGNEES, { message: 'must be me or unit' })
  assignee: Assignee = 'unit';
}

export class FollowUpAssignDto {
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: "An active aftersales user of the follow-up's unit; null puts the call back on the unit list",
  })
  @ValidateIf((input: FollowUpAssignDto) => input.assigneeId !== null)
  @IsUUID('all', { message: 'must be a user id, or null' })
  assigneeId!: string | null;
}

export class FollowUpOutcomeDto {
  @ApiProperty({ enum: FOLLOW_UP_RESULTS })
  @IsIn(FOLLOW_UP_RESULTS, { message: `must be one of ${FOLLOW_UP_RESULTS.join(', ')}` })
  result!: FollowUpResult;

  @ApiProperty({ example: '2027-03-01T10:15:00+01:00', description: 'When the party was reached' })
  @IsISO8601({ strict: true }, { message: 'must be a date and time (ISO-8601)' })
  contactedAt!: string;

  @ApiPropertyOptional({
    maxLength: 2000,
    description: 'Required for LEFT_JOB (why the job ended) and AT_RISK (what the risk is, for the adviser)',
  })
  @ValidateIf(
    (outcome: FollowUpOutcomeDto) =>
      outcome.result === 'LEFT_JOB' || outcome.result === 'AT_RISK' || outcome.note !== undefined,
  )
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must say why the job ended, or what puts it at risk' })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  note?: string;

  @ApiPropertyOptional({ example: '2027-02-28', description: 'Required for LEFT_JOB: the last day of the job' })
  @ValidateIf((outcome: FollowUpOutcomeDto) => outcome.result === 'LEFT_JOB')
  @Matches(ISO_DAY, { message: 'must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'must be a real calendar date' })
  @IsString({ message: 'must be a date (YYYY-MM-DD)' })
  endDate?: string;
}

export class FollowUpClientDto {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['WW', 'BIJSTAND'] }) pool!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) phone!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) email!: string | null;
}

export class FollowUpEmployerContactDto {
  @ApiProperty() name!: string;
  @ApiProperty() role!: string;
  @ApiProperty() phone!: string;
  @ApiProperty() email!: string;
}

export class FollowUpEmployerDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ nullable: true, type: FollowUpEmployerContactDto, description: 'The first contact person' })
  contact!: FollowUpEmployerContactDto | null;
}

export class FollowUpPlacementSummaryDto {
  @ApiProperty() vacancyTitle!: string;
  @ApiProperty() startDate!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) endDate!: string | null;
  @ApiProperty({ enum: ['AGENCY', 'FIXED_TERM', 'PERMANENT'] }) contractType!: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) contractMonths!: number | null;
  @ApiProperty() hoursPerWeek!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) targetGroup!: string | null;
  @ApiProperty({
    nullable: true,
    type: [String],
    enum: INSTRUMENTS,
    description:
      'The instruments that go with the placement; null, like the target group, for a client you may not see',
  })
  instruments!: Instrument[] | null;
}

/** One call made for this placement's follow-ups, reached or not. */
export class FollowUpCallDto {
  @ApiProperty() followUpId!: string;
  @ApiProperty({ enum: ['CLIENT', 'EMPLOYER'] }) party!: FollowUpParty;
  @ApiProperty() milestone!: number;
  @ApiProperty() attempt!: number;
  @ApiProperty({ enum: FOLLOW_UP_RESULTS }) result!: FollowUpResult;
  @ApiProperty() contactedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) note!: string | null;
  @ApiProperty() calledBy!: string;
  @ApiProperty({ description: 'The name of the caller who recorded it' }) calledByName!: string;
}

/** A colleague a call can be given to: an active aftersales user of your unit. */
export class FollowUpCallerDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class FollowUpDto {
  @ApiProperty() id!: string;
  @ApiProperty() placementId!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Null when your organisation may not see this client (then only the employer call is listed)',
  })
  candidateId!: string | null;
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
  @ApiProperty({ description: 'The try this call is at: 1, one more after each UNREACHABLE' }) attempt!: number;
  @ApiProperty({ description: 'Tries in all before the follow-up is MISSED' }) maxTries!: number;
  @ApiPropertyOptional({
    nullable: true,
    type: FollowUpClientDto,
    description: 'Null when your organisation may not see this client (a WW client without consent)',
  })
  client!: FollowUpClientDto | null;
  @ApiProperty({ type: FollowUpEmployerDto }) employer!: FollowUpEmployerDto;
  @ApiProperty({ type: FollowUpPlacementSummaryDto }) placement!: FollowUpPlacementSummaryDto;
  @ApiProperty({
    type: [FollowUpCallDto],
    description:
      "Every call made for this placement's follow-ups, oldest first; only the employer calls when your " +
      'organisation may not see the client',
  })
  calls!: FollowUpCallDto[];
}
