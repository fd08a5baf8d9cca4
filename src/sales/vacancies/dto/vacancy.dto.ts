import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { VacancyStatus } from '@matching/profiles';
import { PageQuery } from '@platform/http/pagination';
import { IsDutchPostcode } from '@sales/places/is-dutch-postcode.decorator';
import { DRIVING_LICENCES, DrivingLicence } from '@sales/requirements/driving-licences';
import { DUTCH_LEVELS, DutchLevel } from '@sales/requirements/dutch-language-level';
import { EDUCATION_LEVELS, EducationLevel } from '@sales/requirements/education-levels';
import { VACANCY_STATUSES } from '../vacancy-status';
import {
  CONTRACT_TYPES,
  ContractType,
  ESCO_OCCUPATION_URI,
  ESCO_SKILL_URI,
  Instrument,
  INSTRUMENTS,
  Shift,
  SHIFTS,
} from '../vacancy-terms';
import { trim } from '@platform/http/dto-transforms';
import { Optional } from '@platform/http/optional';

const oneOf = (values: readonly string[]) => ({ message: `must be one of ${values.join(', ')}` });
const eachOneOf = (values: readonly string[]) => ({ each: true, message: `must each be one of ${values.join(', ')}` });
/** Present and not null: `null` clears an optional field on update. */
const given = (_: object, value: unknown) => value !== null && value !== undefined;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const OCCUPATION_URI_MESSAGE = 'must be an ESCO occupation URI (http://data.europa.eu/esco/occupation/…)';
const SKILL_URI_MESSAGE = 'must each be an ESCO skill URI (http://data.europa.eu/esco/skill/…)';

/**
 * The fields of a vacancy a salesmanager enters; shared by create (where the marked ones are
 * required) and update (where all are optional and null clears an optional one).
 */
class VacancyFieldsDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'ESCO occupation; when absent on create, the best match for the title is suggested',
  })
  @ValidateIf(given)
  @IsString({ message: OCCUPATION_URI_MESSAGE })
  @Matches(ESCO_OCCUPATION_URI, { message: OCCUPATION_URI_MESSAGE })
  occupationUri?: string | null;

  @ApiPropertyOptional({ maxLength: 10000 })
  @Optional()
  @IsString({ message: 'must be text' })
  @MaxLength(10000, { message: 'must be at most 10000 characters' })
  description?: string;

  @ApiPropertyOptional({ enum: DrivingLicence, isArray: true, description: 'Hard requirement' })
  @Optional()
  @IsArray({ message: 'must be a list of driving-licence categories' })
  @IsIn(DRIVING_LICENCES, eachOneOf(DRIVING_LICENCES))
  drivingLicences?: DrivingLicence[];

  @ApiPropertyOptional({
    type: [String],
    example: ['HEFTRUCK', 'VCA_BASIS'],
    description: 'Codes from /api/certificates',
  })
  @Optional()
  @IsArray({ message: 'must be a list of certificate codes' })
  @ArrayMaxSize(20, { message: 'may name at most 20 certificates' })
  @IsString({ each: true, message: 'must be a list of certificate codes' })
  certificates?: string[];

  @ApiPropertyOptional({ enum: DutchLevel, nullable: true, description: 'Minimum command of Dutch (CEFR)' })
  @ValidateIf(given)
  @IsIn(DUTCH_LEVELS, oneOf(DUTCH_LEVELS))
  minDutchLevel?: DutchLevel | null;

  @ApiPropertyOptional({ enum: EducationLevel, nullable: true })
  @ValidateIf(given)
  @IsIn(EDUCATION_LEVELS, oneOf(EDUCATION_LEVELS))
  minEducationLevel?: EducationLevel | null;

  @ApiPropertyOptional({ type: [String], description: 'ESCO skill URIs a candidate must have' })
  @Optional()
  @IsArray({ message: SKILL_URI_MESSAGE })
  @ArrayMaxSize(50, { message: 'may name at most 50 skills' })
  @Matches(ESCO_SKILL_URI, { each: true, message: SKILL_URI_MESSAGE })
  requiredSkillUris?: string[];

  @ApiPropertyOptional({ type: [String], description: 'ESCO skill URIs that count in the score (wishes)' })
  @Optional()
  @IsArray({ message: SKILL_URI_MESSAGE })
  @ArrayMaxSize(50, { message: 'may name at most 50 skills' })
  @Matches(ESCO_SKILL_URI, { each: true, message: SKILL_URI_MESSAGE })
  preferredSkillUris?: string[];

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: 50, description: 'Wish, not requirement' })
  @ValidateIf(given)
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be at least 0' })
  @Max(50, { message: 'must be at most 50' })
  experienceYearsWish?: number | null;

  @ApiPropertyOptional({ enum: SHIFTS, isArray: true })
  @Optional()
  @IsArray({ message: 'must be a list of shifts' })
  @IsIn(SHIFTS, eachOneOf(SHIFTS))
  shifts?: Shift[];

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 300, description: 'null: no limit' })
  @ValidateIf(given)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(300, { message: 'must be at most 300' })
  maxTravelKm?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 60, description: 'FIXED_TERM only' })
  @ValidateIf(given)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(60, { message: 'must be at most 60' })
  contractMonths?: number | null;

  @ApiPropertyOptional({ description: 'Open to the 50-80 group (wage-cost subsidy)', default: false })
  @Optional()
  @IsBoolean({ message: 'must be true or false' })
  openToReducedWageValue?: boolean;

  @ApiPropertyOptional({ enum: INSTRUMENTS, isArray: true })
  @Optional()
  @IsArray({ message: 'must be a list of instruments' })
  @IsIn(INSTRUMENTS, eachOneOf(INSTRUMENTS))
  instruments?: Instrument[];

  @ApiPropertyOptional({
    description: 'From a social-return (SROI) clause of a public tender; needs sroiTenderReference',
    default: false,
  })
  @Optional()
  @IsBoolean({ message: 'must be true or false' })
  sroi?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 100,
    example: 'AB-2026-0173',
    description: "The tender's reference; only with sroi: true (null clears it)",
  })
  @ValidateIf(given)
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  sroiTenderReference?: string | null;
}

export class CreateVacancyDto extends VacancyFieldsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be an employer id' })
  employerId!: string;

  @ApiProperty({ example: 'Heftruckchauffeur m/v 32-40 uur' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  title!: string;

  @ApiProperty({ minimum: 1, maximum: 60 })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(60, { message: 'must be at most 60' })
  hoursMin!: number;

  @ApiProperty({ minimum: 1, maximum: 60 })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(60, { message: 'must be at most 60' })
  hoursMax!: number;

  @ApiProperty({ example: '3311 AB', description: 'Workplace postcode' })
  @IsDutchPostcode()
  workplacePostcode!: string;

  @ApiProperty({ example: '2026-12-01' })
  @Matches(ISO_DATE, { message: 'must be a date like 2026-12-01' })
  @IsDateString({ strict: true }, { message: 'must be a date like 2026-12-01' })
  startDate!: string;

  @ApiProperty({ minimum: 1, maximum: 500 })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(500, { message: 'must be at most 500' })
  positions!: number;

  @ApiProperty({ enum: CONTRACT_TYPES })
  @IsIn(CONTRACT_TYPES, oneOf(CONTRACT_TYPES))
  contractType!: ContractType;

  @ApiPropertyOptional({ format: 'uuid', description: "Default: the signed-in user's unit" })
  @Optional()
  @IsUUID('all', { message: 'must be a unit id' })
  unitId?: string;
}

export class UpdateVacancyDto extends VacancyFieldsDto {
  @ApiProperty({ description: 'The version you read; a stale one gets 409 STALE_VERSION and changes nothing' })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  version!: number;

  @ApiPropertyOptional({ description: 'true confirms the suggested occupation as it is' })
  @Optional()
  @IsIn([true], { message: 'can only be true (to confirm the suggested occupation)' })
  occupationConfirmed?: true;

  @ApiPropertyOptional()
  @Optional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  title?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 60 })
  @Optional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(60, { message: 'must be at most 60' })
  hoursMin?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 60 })
  @Optional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(60, { message: 'must be at most 60' })
  hoursMax?: number;

  @ApiPropertyOptional({ example: '3311 AB' })
  @Optional()
  @IsDutchPostcode()
  workplacePostcode?: string;

  @ApiPropertyOptional({ example: '2026-12-01' })
  @Optional()
  @Matches(ISO_DATE, { message: 'must be a date like 2026-12-01' })
  @IsDateString({ strict: true }, { message: 'must be a date like 2026-12-01' })
  startDate?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, description: 'Positions left follow the change unless given' })
  @Optional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(500, { message: 'must be at most 500' })
  positions?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @Optional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be at least 0' })
  positionsLeft?: number;

  @ApiPropertyOptional({ enum: CONTRACT_TYPES })
  @Optional()
  @IsIn(CONTRACT_TYPES, oneOf(CONTRACT_TYPES))
  contractType?: ContractType;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'must be a unit id' })
  unitId?: string;
}

export class ChangeVacancyStatusDto {
  @ApiProperty({ enum: VACANCY_STATUSES })
  @IsIn(VACANCY_STATUSES, oneOf(VACANCY_STATUSES))
  status!: VacancyStatus;

  @ApiProperty({ description: 'The version you read' })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  version!: number;
}

export class VacancyListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: VACANCY_STATUSES })
  @Optional()
  @IsIn(VACANCY_STATUSES, oneOf(VACANCY_STATUSES))
  status?: VacancyStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'must be a unit id' })
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'must be an employer id' })
  employerId?: string;

  @ApiPropertyOptional({ description: 'ESCO occupation URI' })
  @Optional()
  @Matches(ESCO_OCCUPATION_URI, { message: OCCUPATION_URI_MESSAGE })
  occupationUri?: string;

  @ApiPropertyOptional({ example: 'AM23', description: 'Labour-market region code of the workplace' })
  @Optional()
  @Matches(/^AM[0-9]{2}$/, { message: 'must be a labour-market region code like AM23' })
  regionCode?: string;

  @ApiPropertyOptional({ description: 'Words in the title, description or employer name' })
  @Optional()
  @IsString({ message: 'must be text' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  q?: string;
}

export class OpenVacanciesQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "Default: the signed-in user's unit" })
  @Optional()
  @IsUUID('all', { message: 'must be a unit id' })
  unitId?: string;
}

export class SuggestOccupationQuery {
  @ApiProperty({ example: 'Heftruckchauffeur m/v 32-40 uur' })
  @IsString({ message: 'must be text' })
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  title!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 5 })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(20, { message: 'must be at most 20' })
  limit?: number;
}

export class OccupationSuggestionDto {
  @ApiProperty()
  uri!: string;

  @ApiProperty({ example: '8344.1' })
  code!: string;

  @ApiProperty({ example: 'heftruckchauffeur' })
  label!: string;

  @ApiProperty()
  matchedLabel!: string;

  @ApiProperty({ description: 'Between 0 and 1' })
  score!: number;
}

export class EmployerRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;
}

export class WorkplaceDto {
  @ApiProperty({ example: '3311 AB' })
  postcode!: string;

  @ApiProperty({ example: '3311' })
  pc4!: string;

  @ApiProperty({ example: 'Dordrecht' })
  municipality!: string;

  @ApiProperty({ example: 'AM23' })
  regionCode!: string;

  @ApiProperty({ example: 'Drechtsteden' })
  region!: string;
}

export class VacancyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: EmployerRefDto }) employer!: EmployerRefDto;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) occupationUri!: string | null;
  @ApiProperty() occupationConfirmed!: boolean;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: DrivingLicence, isArray: true }) drivingLicences!: DrivingLicence[];
  @ApiProperty({ type: [String] }) certificates!: string[];
  @ApiProperty({ enum: DutchLevel, nullable: true }) minDutchLevel!: DutchLevel | null;
  @ApiProperty({ enum: EducationLevel, nullable: true }) minEducationLevel!: EducationLevel | null;
  @ApiProperty({ type: [String] }) requiredSkillUris!: string[];
  @ApiProperty({ type: [String] }) preferredSkillUris!: string[];
  @ApiProperty({ type: Number, nullable: true }) experienceYearsWish!: number | null;
  @ApiProperty() hoursMin!: number;
  @ApiProperty() hoursMax!: number;
  @ApiProperty({ enum: SHIFTS, isArray: true }) shifts!: Shift[];
  @ApiProperty({ type: WorkplaceDto }) workplace!: WorkplaceDto;
  @ApiProperty({ type: Number, nullable: true }) maxTravelKm!: number | null;
  @ApiProperty() startDate!: string;
  @ApiProperty() positions!: number;
  @ApiProperty() positionsLeft!: number;
  @ApiProperty({ enum: CONTRACT_TYPES }) contractType!: ContractType;
  @ApiProperty({ type: Number, nullable: true }) contractMonths!: number | null;
  @ApiProperty() openToReducedWageValue!: boolean;
  @ApiProperty({ enum: INSTRUMENTS, isArray: true }) instruments!: Instrument[];
  @ApiProperty({ description: 'From a social-return (SROI) clause of a public tender' }) sroi!: boolean;
  @ApiProperty({ type: String, nullable: true, description: "The tender's reference; set exactly when sroi is" })
  sroiTenderReference!: string | null;
  @ApiProperty({ enum: VACANCY_STATUSES }) status!: VacancyStatus;
  @ApiProperty({ type: Date, nullable: true }) openedAt!: Date | null;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class VacancyPageDto {
  @ApiProperty({ type: [VacancyDto] }) items!: VacancyDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

/** A line of the stand-up list. */
export class OpenVacancyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: EmployerRefDto }) employer!: EmployerRefDto;
  @ApiProperty({ type: String, nullable: true }) occupationUri!: string | null;
  @ApiProperty() municipality!: string;
  @ApiProperty() hoursMin!: number;
  @ApiProperty() hoursMax!: number;
  @ApiProperty() openedAt!: Date;
  @ApiProperty({ description: 'Dutch calendar days since it first opened' }) daysOpen!: number;
  @ApiProperty() positions!: number;
  @ApiProperty() positionsLeft!: number;
}
