import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { trim } from '@platform/http/dto-transforms';
import { ISO_DAY } from '@platform/http/iso-day';
import { Optional } from '@platform/http/optional';
import { ATTENDANCES, Attendance, RouteDto, ROUTES, MaxWwRoute } from '../../selection/dto/selection.dto';

export const CHANNELS = ['WORK_FOLDER', 'EMAIL'] as const;
export type InvitationChannel = (typeof CHANNELS)[number];
export const FOLLOW_UP_OUTCOMES = ['REACHED', 'NOT_REACHED'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/** A date and a time of day with its offset (or Z): a meeting is at an hour, not on a day. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export class CreateMeetingDto {
  @ApiProperty({ format: 'uuid', description: 'The unit that holds the meeting' })
  @IsUUID('all', { message: 'must be a unit id' })
  unitId!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-15T10:00:00+01:00' })
  @Matches(DATE_TIME, { message: 'must be a date and time with its offset (2026-12-15T10:00:00+01:00)' })
  @IsISO8601({ strict: true }, { message: 'must be a real date and time' })
  @IsString()
  startsAt!: string;

  @ApiProperty({ maxLength: 200, example: 'Baanbrekend, Spuiboulevard 300, Dordrecht' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must say where the meeting is' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  place!: string;

  @ApiProperty({ minimum: 1, maximum: 100, example: 15, description: 'How many clients may be invited' })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(100, { message: 'must be at most 100' })
  capacity!: number;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: 10,
    description: 'The hosts: active advisers of the Max-WW team (UWV or staffing firm)',
  })
  @IsArray({ message: 'must be a list of user ids' })
  @ArrayMinSize(1, { message: 'must name at least one host' })
  @ArrayMaxSize(10, { message: 'must name at most 10 hosts' })
  @ArrayUnique({ message: 'must name each host once' })
  @IsUUID('all', { each: true, message: 'must be user ids' })
  hostIds!: string[];
}

/** A change before the meeting takes place: any of date, place, capacity and hosts, with the version read. */
export class UpdateMeetingDto {
  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-16T10:00:00+01:00' })
  @Optional()
  @Matches(DATE_TIME, { message: 'must be a date and time with its offset (2026-12-15T10:00:00+01:00)' })
  @IsISO8601({ strict: true }, { message: 'must be a real date and time' })
  @IsString()
  startsAt?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @Optional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must say where the meeting is' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  place?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, description: 'Never below the number invited' })
  @Optional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(100, { message: 'must be at most 100' })
  capacity?: number;

  @ApiPropertyOptional({ type: [String], format: 'uuid', minItems: 1, maxItems: 10 })
  @Optional()
  @IsArray({ message: 'must be a list of user ids' })
  @ArrayMinSize(1, { message: 'must name at least one host' })
  @ArrayMaxSize(10, { message: 'must name at most 10 hosts' })
  @ArrayUnique({ message: 'must name each host once' })
  @IsUUID('all', { each: true, message: 'must be user ids' })
  hostIds?: string[];

  @ApiProperty({ description: 'The version read' })
  @IsInt({ message: 'must be the version read' })
  @Min(1, { message: 'must be the version read' })
  version!: number;
}

export class CancelMeetingDto {
  @ApiProperty({ maxLength: 500, example: 'Zaal niet beschikbaar' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must say why the meeting is cancelled' })
  @MaxLength(500, { message: 'must be at most 500 characters' })
  reason!: string;

  @ApiProperty({ description: 'The version read' })
  @IsInt({ message: 'must be the version read' })
  @Min(1, { message: 'must be the version read' })
  version!: number;
}

export class MeetingListQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Meetings on or after this day' })
  @Optional()
  @Matches(ISO_DAY, { message: 'must be a date (YYYY-MM-DD)' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Meetings on or before this day' })
  @Optional()
  @Matches(ISO_DAY, { message: 'must be a date (YYYY-MM-DD)' })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'must be a unit id' })
  unitId?: string;
}

export class HostDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class TeamMemberDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['UWV', 'STAFFING_FIRM'] }) organisation!: string;
  @ApiProperty() unitId!: string;
}

export class MeetingCountsDto {
  @ApiProperty() invited!: number;
  @ApiProperty({ description: 'Came (PRESENT)' }) present!: number;
  @ApiProperty({ description: 'Did not come (ABSENT)' }) absent!: number;
  @ApiProperty({ description: 'Invited, attendance not registered yet' }) unregistered!: number;
  @ApiProperty({ description: 'Absentees called after the meeting (reached or not)' }) followedUp!: number;
  @ApiProperty({ description: 'Present clients with a route after triage' }) triaged!: number;
}

export class MeetingSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty() place!: string;
  @ApiProperty() capacity!: number;
  @ApiProperty({ type: [HostDto] }) hosts!: HostDto[];
  @ApiProperty({ type: MeetingCountsDto }) counts!: MeetingCountsDto;
  @ApiPropertyOptional({ nullable: true, type: String }) cancelledAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the meeting was cancelled' })
  cancelReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelledByName!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() version!: number;
}

export class OtherInvitationDto {
  @ApiProperty() id!: string;
  @ApiProperty() meetingId!: string;
  @ApiProperty() attempt!: number;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiPropertyOptional({ enum: ATTENDANCES, nullable: true, type: String }) attendance!: Attendance | null;
}

export class InviteeDto {
  @ApiProperty({ description: 'The invitation id' }) id!: string;
  @ApiProperty() meetingId!: string;
  @ApiProperty() candidateId!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null once the client was erased' })
  name!: string | null;
  @ApiProperty() sourceReference!: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) wwEndDate!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) phone!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ enum: [1, 2] }) attempt!: number;
  @ApiProperty({ enum: CHANNELS }) channel!: InvitationChannel;
  @ApiProperty({ format: 'date' }) invitedOn!: string;
  @ApiProperty() invitedByName!: string;
  @ApiPropertyOptional({ enum: ATTENDANCES, nullable: true, type: String }) attendance!: Attendance | null;
  @ApiPropertyOptional({ nullable: true, type: String }) attendanceRecordedAt!: string | null;
  @ApiPropertyOptional({ enum: FOLLOW_UP_OUTCOMES, nullable: true, type: String })
  followUpOutcome!: FollowUpOutcome | null;
  @ApiPropertyOptional({ nullable: true, type: String }) followedUpAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) followedUpByName!: string | null;
  @ApiPropertyOptional({
    type: OtherInvitationDto,
    nullable: true,
    description: 'The client’s other invitation (the first, or the second after a no-show)',
  })
  otherInvitation!: OtherInvitationDto | null;
  @ApiPropertyOptional({ type: RouteDto, nullable: true }) route!: RouteDto | null;
}

export class MeetingDto extends MeetingSummaryDto {
  @ApiProperty({
    type: [InviteeDto],
    description: 'The invitees you may see, by name; the counts cover every invitation',
  })
  invitations!: InviteeDto[];

  @ApiProperty({
    description:
      'Invitees counted in `counts` whom you may not see (e.g. clients outside your confidentiality statement): ' +
      'the counts are the meeting’s, so capacity and attendance read the same for the whole team',
  })
  hiddenInvitees!: number;
}

export class InviteDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 100 })
  @IsArray({ message: 'must be a list of candidate ids' })
  @ArrayMinSize(1, { message: 'must name at least one client' })
  @ArrayMaxSize(100, { message: 'must name at most 100 clients' })
  @ArrayUnique({ message: 'must name each client once' })
  @IsUUID('all', { each: true, message: 'must be candidate ids' })
  candidateIds!: string[];

  @ApiProperty({ enum: CHANNELS, description: "UWV's work folder (werkmap) or e-mail" })
  @IsIn(CHANNELS, { message: `must be one of ${CHANNELS.join(', ')}` })
  channel!: InvitationChannel;

  @ApiProperty({ format: 'date', example: '2026-12-01', description: 'The day the invitation is sent' })
  @Matches(ISO_DAY, { message: 'must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'must be a real calendar date' })
  @IsString()
  invitedOn!: string;
}

export class AttendanceDto {
  @ApiProperty({ enum: ATTENDANCES })
  @IsIn(ATTENDANCES, { message: `must be one of ${ATTENDANCES.join(', ')}` })
  attendance!: Attendance;
}

export class AttendanceEntryDto extends AttendanceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be an invitation id' })
  invitationId!: string;
}

export class MeetingAttendanceDto {
  @ApiProperty({ type: [AttendanceEntryDto], minItems: 1, maxItems: 100 })
  @IsArray({ message: 'must be a list' })
  @ArrayMinSize(1, { message: 'must hold at least one invitee' })
  @ArrayMaxSize(100, { message: 'must hold at most 100 invitees' })
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryDto)
  entries!: AttendanceEntryDto[];
}

export class AbsenteeCallDto {
  @ApiProperty({ enum: FOLLOW_UP_OUTCOMES, description: 'The call to the absentee: reached or not' })
  @IsIn(FOLLOW_UP_OUTCOMES, { message: `must be one of ${FOLLOW_UP_OUTCOMES.join(', ')}` })
  outcome!: FollowUpOutcome;
}

export class InvitationLetterDto {
  @ApiProperty() invitationId!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: InvitationChannel;
  @ApiProperty({ description: 'Subject line (e-mail) or title (work folder)' }) subject!: string;
  @ApiProperty({ description: 'The letter, plain text with line breaks; no BSN' }) text!: string;
}

export class CreateRouteDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a candidate id' })
  candidateId!: string;

  @ApiProperty({ format: 'uuid', description: 'The meeting the client came to' })
  @IsUUID('all', { message: 'must be a meeting id' })
  meetingId!: string;

  @ApiProperty({ enum: ROUTES })
  @IsIn(ROUTES, { message: `must be one of ${ROUTES.join(', ')}` })
  route!: MaxWwRoute;
}
