import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { ISO_DAY } from '@platform/http/iso-day';
import { Optional } from '@platform/http/optional';
import { PageQuery } from '@platform/http/pagination';
import { VacancyOfferDto } from './vacancy-offer.dto';

export const CONTACT_CHANNELS = ['PHONE', 'EMAIL', 'WHATSAPP', 'MEETING'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const MEDIATION_STATES = ['open', 'ended', 'all'] as const;
export type MediationState = (typeof MEDIATION_STATES)[number];

/** `me`, `all` or an adviser's id. */
const ADVISER_FILTER = /^(me|all|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** A calendar day: the pattern refuses date-times and week dates, the strict check 30 February. */
function IsDay(): PropertyDecorator {
  return (target, key) => {
    Matches(ISO_DAY, { message: 'must be a date (YYYY-MM-DD)' })(target, key);
    IsISO8601({ strict: true }, { message: 'must be a real calendar date' })(target, key);
  };
}

export class CreateMediationDto {
  @ApiProperty({ format: 'uuid', description: 'A WW client you may see' })
  @IsUUID('all', { message: 'must be a candidate id' })
  candidateId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The Max-WW adviser (an adviser of UWV or the staffing firm); default: you, when you are one',
  })
  @Optional()
  @IsUUID('all', { message: 'must be a user id' })
  adviserId?: string;

  @ApiProperty({ example: '2026-12-01', description: 'The first day of the mediation; the plan runs 3 months' })
  @IsDay()
  startedOn!: string;

  @ApiProperty({ example: '2026-12-01', description: 'The day the client agreed (mediation is voluntary)' })
  @IsDay()
  clientAgreedOn!: string;
}

/**
 * Why a mediation ends without an exit: the client's choice (it is voluntary), the programme's three
 * months are over, or another reason. An exit (a job, Bijstand, moving away) ends it through the exits.
 */
export const MEDIATION_END_REASONS = ['CLIENT_CHOICE', 'PROGRAMME_COMPLETED', 'OTHER'] as const;
export type MediationEndReason = (typeof MEDIATION_END_REASONS)[number];

export class EndMediationDto {
  @ApiProperty({ example: '2027-02-15' })
  @IsDay()
  endedOn!: string;

  @ApiProperty({ enum: MEDIATION_END_REASONS, example: 'CLIENT_CHOICE' })
  @IsIn(MEDIATION_END_REASONS, { message: `must be one of ${MEDIATION_END_REASONS.join(', ')}` })
  reason!: MediationEndReason;

  @ApiProperty({ description: 'The version read' })
  @Type(() => Number)
  @IsInt({ message: 'must be the version read' })
  @Min(1, { message: 'must be the version read' })
  version!: number;
}

export class MediationListQuery extends PageQuery {
  @ApiPropertyOptional({
    description: "`me` (an adviser's default), `all` (the default for others) or an adviser's id",
    example: 'me',
  })
  @Optional()
  @Matches(ADVISER_FILTER, { message: 'must be me, all or an adviser id' })
  adviser?: string;

  @ApiPropertyOptional({ enum: MEDIATION_STATES, default: 'open' })
  @Optional()
  @IsIn(MEDIATION_STATES, { message: `must be one of ${MEDIATION_STATES.join(', ')}` })
  state?: MediationState;
}

export class OverdueQuery {
  @ApiPropertyOptional({
    description: "`me` (an adviser's default), `all` (the default for others) or an adviser's id",
    example: 'all',
  })
  @Optional()
  @Matches(ADVISER_FILTER, { message: 'must be me, all or an adviser id' })
  adviser?: string;
}

export class CreateContactDto {
  @ApiProperty({ example: '2026-12-04', description: 'Not before the mediation started, not after today' })
  @IsDay()
  contactOn!: string;

  @ApiProperty({ enum: CONTACT_CHANNELS })
  @IsIn(CONTACT_CHANNELS, { message: `must be one of ${CONTACT_CHANNELS.join(', ')}` })
  channel!: ContactChannel;

  @ApiProperty({ maxLength: 500, description: 'A short summary; no BSN' })
  @IsString({ message: 'must be text' })
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(500, { message: 'must be at most 500 characters' })
  summary!: string;

  @ApiPropertyOptional({
    example: '2026-12-18',
    description: 'Default: two weeks after the contact ("within two weeks we call, even with no news")',
  })
  @Optional()
  @IsDay()
  nextContactDue?: string;
}

export class ContactDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '2026-12-04' }) contactOn!: string;
  @ApiProperty({ enum: CONTACT_CHANNELS }) channel!: ContactChannel;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-18' }) nextContactDue!: string | null;
  @ApiProperty() recordedBy!: string;
  @ApiProperty() recordedByName!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class MediationDto {
  @ApiProperty() id!: string;
  @ApiProperty() candidateId!: string;
  @ApiProperty({ type: String, nullable: true }) candidateName!: string | null;
  @ApiProperty({ description: "The client's number in UWV's system" }) clientNumber!: string;
  @ApiProperty({ type: String, nullable: true, example: '2027-01-31' }) wwEndDate!: string | null;
  @ApiProperty() adviserId!: string;
  @ApiProperty() adviserName!: string;
  @ApiProperty({ example: '2026-12-01' }) startedOn!: string;
  @ApiProperty({ example: '2026-12-01' }) clientAgreedOn!: string;
  @ApiProperty({ example: '2027-03-01' }) plannedEndOn!: string;
  @ApiProperty({ type: String, nullable: true }) endedOn!: string | null;
  @ApiProperty({
    enum: MEDIATION_END_REASONS,
    nullable: true,
    type: String,
    description: 'Why it ended without an exit; null while open or when an exit ended it',
  })
  endReason!: MediationEndReason | null;
  @ApiProperty({ description: 'Taken in without a triage to the Max-WW adviser (no route recorded)' })
  cameWithoutTriage!: boolean;
  @ApiProperty({ type: String, nullable: true }) lastContactOn!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'When the next contact is due (two weeks after the start before the first); null once ended',
  })
  nextContactDue!: string | null;
  @ApiProperty({ description: 'Days past the next contact due, today; 0 when not overdue or ended' })
  daysOverdue!: number;
  @ApiProperty() version!: number;
}

export class MediationPageDto {
  @ApiProperty({ type: [MediationDto], description: 'Open ones first, the soonest (most overdue) contact first' })
  items!: MediationDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
  @ApiProperty({ example: '2026-12-16', description: 'The day daysOverdue counts from' }) today!: string;
}

export class MediationDetailDto extends MediationDto {
  @ApiProperty({ type: [ContactDto], description: 'The contact log, newest first' }) contacts!: ContactDto[];
  @ApiProperty({ type: [VacancyOfferDto], description: 'Vacancies offered to the client, newest first' })
  offers!: VacancyOfferDto[];
}

export class OverdueAdviserDto {
  @ApiProperty() adviserId!: string;
  @ApiProperty() adviserName!: string;
  @ApiProperty({ type: [MediationDto], description: 'Most overdue first' }) mediations!: MediationDto[];
}

export class OverdueDto {
  @ApiProperty({ example: '2026-12-16' }) today!: string;
  @ApiProperty({ type: [OverdueAdviserDto], description: 'Per adviser, by name' }) advisers!: OverdueAdviserDto[];
}
