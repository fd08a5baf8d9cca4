import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { Organisation } from '@identity/organisation';
import { PageQuery } from '@platform/http/pagination';
import { IsDutchPostcode } from '@sales/places/is-dutch-postcode.decorator';
import { DRIVING_LICENCES, DrivingLicence } from '@sales/requirements/driving-licences';
import { DUTCH_LEVELS, DutchLevel } from '@sales/requirements/dutch-language-level';
import { EDUCATION_LEVELS, EducationLevel } from '@sales/requirements/education-levels';
import { CandidateStatus, Classification, Jobready, Pool, Transport } from '@matching/profiles';
import { validBsn } from '../bsn';
import {
  CANDIDATE_STATUSES,
  CLASSIFICATIONS,
  ESCO_OCCUPATION_URI,
  ESCO_SKILL_URI,
  isIsoDate,
  JOBREADY_VALUES,
  POOLS,
  TRANSPORTS,
} from '../candidate-values';
import { queryBoolean, trim } from '@platform/http/dto-transforms';
import { Optional, OptionalOrNull } from '@platform/http/optional';
import { TARGET_GROUPS, TargetGroup } from '../target-group';

/** A BSN that passes the elfproef; the message never repeats the value. */
export function IsBsn(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isBsn',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && validBsn(value) !== null,
        defaultMessage: () => 'must be a BSN of 9 digits that passes the elfproef',
      },
    },
    options,
  );
}

/** YYYY-MM-DD of a day that exists. */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isIsoDate(value),
        defaultMessage: () => 'must be a date as YYYY-MM-DD',
      },
    },
    options,
  );
}

export class WorkExperienceDto {
  @ApiProperty({ example: 'http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f' })
  @Matches(ESCO_OCCUPATION_URI, { message: 'must be an ESCO occupation URI' })
  occupationUri!: string;

  @ApiProperty({ minimum: 0, maximum: 60 })
  @IsInt({ message: 'must be a whole number of years' })
  @Min(0, { message: 'must be at least 0' })
  @Max(60, { message: 'must be at most 60' })
  years!: number;
}

/** The fields an adviser edits; shared by create and update. */
class CandidateFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: '06 12345678' })
  @OptionalOrNull()
  @Transform(trim)
  @Matches(/^\+?[0-9 ()-]{6,30}$/, { message: 'must be a phone number' })
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalOrNull()
  @Transform(trim)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  email?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date',
    description: 'Kept for the record; never used in matching.',
  })
  @OptionalOrNull()
  @IsIsoDate()
  dateOfBirth?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', description: 'WW pool only.' })
  @OptionalOrNull()
  @IsIsoDate()
  wwEndDate?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    enum: CLASSIFICATIONS,
    description: 'Bijstand: the classification after intake. WW: only 50-80, a work limitation (loonwaarde 50-80).',
  })
  @OptionalOrNull()
  @IsIn(CLASSIFICATIONS, { message: `must be one of ${CLASSIFICATIONS.join(', ')}` })
  classification?: Classification | null;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean({ message: 'must be true or false' })
  doelgroepregister?: boolean;

  @ApiPropertyOptional({ description: 'WW pool (UWV clients) only.' })
  @Optional()
  @IsBoolean({ message: 'must be true or false' })
  wajong?: boolean;

  @ApiPropertyOptional({ type: [WorkExperienceDto] })
  @Optional()
  @IsArray({ message: 'must be a list' })
  @ArrayMaxSize(50, { message: 'must hold at most 50 entries' })
  @ValidateNested({ each: true })
  @Type(() => WorkExperienceDto)
  workExperience?: WorkExperienceDto[];

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray({ message: 'must be a list' })
  @ArrayMaxSize(200, { message: 'must hold at most 200 entries' })
  @ArrayUnique({ message: 'must not repeat a skill' })
  @Matches(ESCO_SKILL_URI, { each: true, message: 'must each be an ESCO skill URI' })
  skillUris?: string[];

  @ApiPropertyOptional({ nullable: true, enum: EDUCATION_LEVELS })
  @OptionalOrNull()
  @IsIn(EDUCATION_LEVELS, { message: `must be one of ${EDUCATION_LEVELS.join(', ')}` })
  educationLevel?: EducationLevel | null;

  @ApiPropertyOptional({ type: [String], description: 'Codes from /api/certificates.' })
  @Optional()
  @IsArray({ message: 'must be a list' })
  @ArrayUnique({ message: 'must not repeat a certificate' })
  @IsString({ each: true, message: 'must each be a certificate code' })
  certificates?: string[];

  @ApiPropertyOptional({ enum: DRIVING_LICENCES, isArray: true })
  @Optional()
  @IsArray({ message: 'must be a list' })
  @ArrayUnique({ message: 'must not repeat a category' })
  @IsIn(DRIVING_LICENCES, { each: true, message: `must each be one of ${DRIVING_LICENCES.join(', ')}` })
  drivingLicences?: DrivingLicence[];

  @ApiPropertyOptional({ nullable: true, enum: DUTCH_LEVELS })
  @OptionalOrNull()
  @IsIn(DUTCH_LEVELS, { message: `must be one of ${DUTCH_LEVELS.join(', ')}` })
  dutchLevel?: DutchLevel | null;

  @ApiPropertyOptional({ enum: TRANSPORTS, isArray: true })
  @Optional()
  @IsArray({ message: 'must be a list' })
  @ArrayUnique({ message: 'must not repeat a means of transport' })
  @IsIn(TRANSPORTS, { each: true, message: `must each be one of ${TRANSPORTS.join(', ')}` })
  transport?: Transport[];

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: 500 })
  @OptionalOrNull()
  @IsInt({ message: 'must be a whole number of km between 0 and 500' })
  @Min(0, { message: 'must be a whole number of km between 0 and 500' })
  @Max(500, { message: 'must be a whole number of km between 0 and 500' })
  maxTravelKm?: number | null;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray({ message: 'must be a list' })
  @ArrayMaxSize(20, { message: 'must hold at most 20 entries' })
  @ArrayUnique({ message: 'must not repeat an occupation' })
  @Matches(ESCO_OCCUPATION_URI, { each: true, message: 'must each be an ESCO occupation URI' })
  wishedOccupationUris?: string[];

  @ApiPropertyOptional({ description: 'Open to a job outside the wished occupations (broodbaan).' })
  @Optional()
  @IsBoolean({ message: 'must be true or false' })
  acceptsBroodbaan?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'A user with the role ADVISER.' })
  @OptionalOrNull()
  @IsUUID('all', { message: 'must be the id of an adviser' })
  adviserId?: string | null;

  @ApiPropertyOptional({ enum: CANDIDATE_STATUSES })
  @Optional()
  @IsIn(CANDIDATE_STATUSES, { message: `must be one of ${CANDIDATE_STATUSES.join(', ')}` })
  status?: CandidateStatus;
}

export class CreateCandidateDto extends CandidateFieldsDto {
  @ApiProperty({ enum: POOLS })
  @IsIn(POOLS, { message: `must be one of ${POOLS.join(', ')}` })
  pool!: Pool;

  @ApiProperty({ example: 'WW-2026-004512', description: 'Client number in the source system; unique per pool.' })
  @Transform(trim)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/, {
    message: 'must be 1–40 letters, digits, ".", "_", "/" or "-"',
  })
  sourceReference!: string;

  @ApiProperty({ example: '111222333', writeOnly: true })
  @IsBsn()
  bsn!: string;

  @ApiProperty({ example: 'Samira El Amrani' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  name!: string;

  @ApiProperty({ example: '3311 AB' })
  @IsDutchPostcode()
  postcode!: string;

  @ApiProperty({ minimum: 1, maximum: 60 })
  @IsInt({ message: 'must be a whole number of hours between 1 and 60' })
  @Min(1, { message: 'must be a whole number of hours between 1 and 60' })
  @Max(60, { message: 'must be a whole number of hours between 1 and 60' })
  hoursMin!: number;

  @ApiProperty({ minimum: 1, maximum: 60 })
  @IsInt({ message: 'must be a whole number of hours between 1 and 60' })
  @Min(1, { message: 'must be a whole number of hours between 1 and 60' })
  @Max(60, { message: 'must be a whole number of hours between 1 and 60' })
  hoursMax!: number;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  availableFrom!: string;
}

export class UpdateCandidateDto extends CandidateFieldsDto {
  @ApiPropertyOptional({ example: 'Samira El Amrani' })
  @Optional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  name?: string;

  @ApiPropertyOptional({ example: '3311 AB' })
  @Optional()
  @IsDutchPostcode()
  postcode?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 60 })
  @Optional()
  @IsInt({ message: 'must be a whole number of hours between 1 and 60' })
  @Min(1, { message: 'must be a whole number of hours between 1 and 60' })
  @Max(60, { message: 'must be a whole number of hours between 1 and 60' })
  hoursMin?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 60 })
  @Optional()
  @IsInt({ message: 'must be a whole number of hours between 1 and 60' })
  @Min(1, { message: 'must be a whole number of hours between 1 and 60' })
  @Max(60, { message: 'must be a whole number of hours between 1 and 60' })
  hoursMax?: number;

  @ApiPropertyOptional({ format: 'date' })
  @Optional()
  @IsIsoDate()
  availableFrom?: string;

  @ApiPropertyOptional()
  @Optional()
  @Transform(trim)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/, {
    message: 'must be 1–40 letters, digits, ".", "_", "/" or "-"',
  })
  sourceReference?: string;

  @ApiProperty({ description: 'The version you read; a newer one on the server answers 409 STALE_VERSION.' })
  @IsInt({ message: 'must be the version you read' })
  @Min(1, { message: 'must be the version you read' })
  version!: number;
}

export class JobreadyChecklistDto {
  @ApiProperty() @IsBoolean({ message: 'must be true or false' }) ownTransport!: boolean;
  @ApiProperty() @IsBoolean({ message: 'must be true or false' }) childcareArranged!: boolean;
  @ApiProperty() @IsBoolean({ message: 'must be true or false' }) hoursAvailable!: boolean;
  @ApiProperty() @IsBoolean({ message: 'must be true or false' }) certificatesValid!: boolean;
  @ApiProperty() @IsBoolean({ message: 'must be true or false' }) motivated!: boolean;

  /**
   * Realistic search behaviour ("broodbaan, not droombaan"). Optional so assessments recorded before
   * it was asked stay valid; the web app always sends it.
   */
  @ApiPropertyOptional({ description: 'Realistic search behaviour: a job that pays the bills, not the dream job' })
  @Optional()
  @IsBoolean({ message: 'must be true or false' })
  realisticSearch?: boolean;
}

export class JobreadyAssessmentDto {
  @ApiProperty({ enum: JOBREADY_VALUES })
  @IsIn(JOBREADY_VALUES, { message: `must be one of ${JOBREADY_VALUES.join(', ')}` })
  jobready!: Jobready;

  @ApiProperty({ type: JobreadyChecklistDto })
  @IsObject({ message: 'must be the checklist' })
  @ValidateNested()
  @Type(() => JobreadyChecklistDto)
  checklist!: JobreadyChecklistDto;

  @ApiProperty()
  @IsInt({ message: 'must be the version you read' })
  @Min(1, { message: 'must be the version you read' })
  version!: number;
}

export class CreateNoteDto {
  @ApiProperty({ maxLength: 4000 })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(4000, { message: 'must be at most 4000 characters' })
  text!: string;
}

export class SignConsentDto {
  @ApiProperty({ enum: Organisation, description: 'The organisation the candidate allows to see the data.' })
  @IsIn(Object.values(Organisation), { message: `must be one of ${Object.values(Organisation).join(', ')}` })
  organisation!: Organisation;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  signedOn!: string;

  @ApiProperty({ example: 'DMS-2026-11-0042', description: 'Where the signed form is kept.' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(100, { message: 'must be at most 100 characters' })
  documentReference!: string;
}

export class BsnLookupDto {
  @ApiProperty({ example: '111222333', writeOnly: true })
  @IsBsn()
  bsn!: string;
}

export class CandidateListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: POOLS })
  @Optional()
  @IsIn(POOLS, { message: `must be one of ${POOLS.join(', ')}` })
  pool?: Pool;

  @ApiPropertyOptional({ description: 'Only candidates whose WW ends within MAX_WW_MONTHS.' })
  @Optional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  maxWw?: boolean;

  @ApiPropertyOptional({ enum: JOBREADY_VALUES })
  @Optional()
  @IsIn(JOBREADY_VALUES, { message: `must be one of ${JOBREADY_VALUES.join(', ')}` })
  jobready?: Jobready;

  @ApiPropertyOptional({ enum: CLASSIFICATIONS })
  @Optional()
  @IsIn(CLASSIFICATIONS, { message: `must be one of ${CLASSIFICATIONS.join(', ')}` })
  classification?: Classification;

  @ApiPropertyOptional({ enum: CANDIDATE_STATUSES })
  @Optional()
  @IsIn(CANDIDATE_STATUSES, { message: `must be one of ${CANDIDATE_STATUSES.join(', ')}` })
  status?: CandidateStatus;

  @ApiPropertyOptional({ enum: TARGET_GROUPS, description: 'The target group a placement would count for today.' })
  @Optional()
  @IsIn(TARGET_GROUPS, { message: `must be one of ${TARGET_GROUPS.join(', ')}` })
  targetGroup?: TargetGroup;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'must be the id of an adviser' })
  adviserId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The adviser's unit." })
  @Optional()
  @IsUUID('all', { message: 'must be the id of a unit' })
  unitId?: string;

  @ApiPropertyOptional({ description: 'ESCO skill URI' })
  @Optional()
  @Matches(ESCO_SKILL_URI, { message: 'must be an ESCO skill URI' })
  skill?: string;

  @ApiPropertyOptional({ description: 'ESCO occupation URI: in the work experience or the wishes' })
  @Optional()
  @Matches(ESCO_OCCUPATION_URI, { message: 'must be an ESCO occupation URI' })
  occupation?: string;

  @ApiPropertyOptional({ example: 'AM23', description: 'Labour-market region code' })
  @Optional()
  @Matches(/^AM\d{2}$/, { message: 'must be a labour-market region code like AM23' })
  region?: string;

  @ApiPropertyOptional({ description: 'Part of the name or the source reference' })
  @Optional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MaxLength(100, { message: 'must be at most 100 characters' })
  q?: string;
}

/** The Max-WW list: paginated, with the usual filters except pool and maxWw (fixed). */
export class MaxWwListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'must be the id of an adviser' })
  adviserId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'must be the id of a unit' })
  unitId?: string;

  @ApiPropertyOptional({ enum: JOBREADY_VALUES })
  @Optional()
  @IsIn(JOBREADY_VALUES, { message: `must be one of ${JOBREADY_VALUES.join(', ')}` })
  jobready?: Jobready;
}
