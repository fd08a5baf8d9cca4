import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  Matches,
  IsNotEmpty,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { ISO_DAY } from '@platform/http/iso-day';
import { TargetGroup } from '@matching/candidates/target-group';
import { CONTRACT_TYPES, ContractType, Instrument, INSTRUMENTS } from '@sales/vacancies/vacancy-terms';
import { INSTRUMENT_REFUSALS } from '../instruments';
import { InstrumentRefusal } from '../instruments';

export class CreatePlacementDto {
  @ApiProperty({ format: 'uuid', description: 'The proposal, at INTERVIEW' })
  @IsUUID('all', { message: 'must be a proposal id' })
  proposalId!: string;

  @ApiProperty({ example: '2026-12-01' })
  @Matches(ISO_DAY, { message: 'must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'must be a real calendar date' })
  @IsString()
  startDate!: string;

  @ApiProperty({ enum: CONTRACT_TYPES })
  @IsIn(CONTRACT_TYPES, { message: `must be one of ${CONTRACT_TYPES.join(', ')}` })
  contractType!: ContractType;

  @ApiPropertyOptional({ minimum: 1, maximum: 120, description: 'FIXED_TERM only' })
  @ValidateIf((dto: CreatePlacementDto) => dto.contractType === 'FIXED_TERM' || dto.contractMonths !== undefined)
  @IsInt({ message: 'must be whole months (required for FIXED_TERM)' })
  @Min(1, { message: 'must be at least 1' })
  @Max(120, { message: 'must be at most 120' })
  contractMonths?: number;

  @ApiProperty({ minimum: 1, maximum: 60 })
  @IsInt({ message: 'must be whole hours' })
  @Min(1, { message: 'must be at least 1' })
  @Max(60, { message: 'must be at most 60' })
  hoursPerWeek!: number;

  @ApiProperty({ enum: INSTRUMENTS, isArray: true })
  @IsArray({ message: 'must be a list of instruments' })
  @ArrayUnique({ message: 'must not repeat an instrument' })
  @IsIn(INSTRUMENTS, { each: true, message: `must be of ${INSTRUMENTS.join(', ')}` })
  instruments!: Instrument[];
}

export class RegisterHoursDto {
  @ApiProperty({ minimum: 1, maximum: 2000, description: 'Hours worked since the last registration' })
  @IsInt({ message: 'must be whole hours' })
  @Min(1, { message: 'must be at least 1' })
  @Max(2000, { message: 'must be at most 2000' })
  hours!: number;
}

export class EndPlacementDto {
  @ApiProperty({ example: '2027-03-01' })
  @Matches(ISO_DAY, { message: 'must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'must be a real calendar date' })
  @IsString()
  endDate!: string;

  @ApiProperty({ maxLength: 500 })
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must say why' })
  @MaxLength(500, { message: 'must be at most 500 characters' })
  reason!: string;
}

export class PlacementInstrumentDto {
  @ApiProperty({ enum: INSTRUMENTS }) instrument!: Instrument;
  @ApiProperty({ type: Number, nullable: true, description: 'Euros; null where no fixed rule sets it' })
  amount!: number | null;
}

export class PlacementDto {
  @ApiProperty() id!: string;
  @ApiProperty() proposalId!: string;
  @ApiProperty() candidateId!: string;
  @ApiProperty() vacancyId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() placedBy!: string;
  @ApiProperty() startDate!: string;
  @ApiProperty({ enum: CONTRACT_TYPES }) contractType!: ContractType;
  @ApiProperty({ type: Number, nullable: true }) contractMonths!: number | null;
  @ApiProperty() hoursPerWeek!: number;
  @ApiProperty({ type: String, nullable: true }) targetGroup!: TargetGroup | null;
  @ApiProperty() hoursWorked!: number;
  @ApiProperty({ type: String, nullable: true }) endDate!: string | null;
  @ApiProperty({ type: String, nullable: true }) endReason!: string | null;
  @ApiProperty({ type: [PlacementInstrumentDto] }) instruments!: PlacementInstrumentDto[];
  @ApiProperty() createdAt!: string;
}

/** The terms a matcher is filling in, to see which instruments may go with them before placing. */
export class PlacementOptionsQuery {
  @ApiProperty({ format: 'uuid', description: 'The proposal, at INTERVIEW' })
  @IsUUID('all', { message: 'must be a proposal id' })
  proposalId!: string;

  @ApiProperty({ example: '2026-12-01', description: 'The target group is the one on this day' })
  @Matches(ISO_DAY, { message: 'must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'must be a real calendar date' })
  @IsString()
  startDate!: string;

  @ApiProperty({ enum: CONTRACT_TYPES })
  @IsIn(CONTRACT_TYPES, { message: `must be one of ${CONTRACT_TYPES.join(', ')}` })
  contractType!: ContractType;

  @ApiPropertyOptional({ minimum: 1, maximum: 120, description: 'FIXED_TERM only' })
  @ValidateIf((dto: PlacementOptionsQuery) => dto.contractType === 'FIXED_TERM' || dto.contractMonths !== undefined)
  @Type(() => Number)
  @IsInt({ message: 'must be whole months (required for FIXED_TERM)' })
  @Min(1, { message: 'must be at least 1' })
  @Max(120, { message: 'must be at most 120' })
  contractMonths?: number;
}

export class InstrumentOptionDto {
  @ApiProperty({ enum: INSTRUMENTS }) instrument!: Instrument;
  @ApiProperty() allowed!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: INSTRUMENT_REFUSALS,
    description: 'Why it may not go with these terms; null when allowed',
  })
  refusal!: InstrumentRefusal | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Euros at the start (Uitzendeuro: 0, it follows the hours worked); null where no fixed rule sets it',
  })
  amount!: number | null;
}

export class PlacementOptionsDto {
  @ApiProperty() proposalId!: string;
  @ApiProperty({ type: String, nullable: true, description: "The candidate's target group on the start date" })
  targetGroup!: TargetGroup | null;
  @ApiProperty({ type: [InstrumentOptionDto], description: 'The instruments the vacancy accepts, in its order' })
  instruments!: InstrumentOptionDto[];
}

/** A placement as the employer's page lists it: the job, not the person (no client, no personal data). */
export class EmployerPlacementDto {
  @ApiProperty() id!: string;
  @ApiProperty() vacancyId!: string;
  @ApiProperty() vacancyTitle!: string;
  @ApiProperty({ example: '2026-12-01' }) startDate!: string;
  @ApiProperty({ type: String, nullable: true }) endDate!: string | null;
  @ApiProperty({ enum: ['AGENCY', 'FIXED_TERM', 'PERMANENT'] }) contractType!: string;
  @ApiProperty({ type: Number, nullable: true }) contractMonths!: number | null;
  @ApiProperty() hoursPerWeek!: number;
}
