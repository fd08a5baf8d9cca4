import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsUUID } from 'class-validator';
import { Organisation } from '@identity/organisation';
import { TARGET_GROUPS, TargetGroup } from '@matching/candidates/target-group';
import { Pool } from '@matching/profiles';
import { queryBoolean } from '@platform/http/dto-transforms';
import { PageQuery } from '@platform/http/pagination';
import { ReportPeriodQuery } from '@platform/http/report-period';
import { CONTRACT_TYPES, ContractType, Instrument, INSTRUMENTS } from '@sales/vacancies/vacancy-terms';
import { Outflow, OUTFLOWS } from '@aftersales/outflow/outflow';
import { Optional } from '@platform/http/optional';

const oneOf = (values: readonly string[]) => ({ message: `must be one of ${values.join(', ')}` });
const ORGANISATIONS = Object.values(Organisation);
const POOLS: Pool[] = ['WW', 'BIJSTAND'];
export const OUTFLOW_FILTERS = [...OUTFLOWS, 'UNRECORDED'] as const;
export type OutflowFilter = (typeof OUTFLOW_FILTERS)[number];

export const REGISTER_SORTS = [
  'startDate',
  '-startDate',
  'endDate',
  '-endDate',
  'unit',
  '-unit',
  'employer',
  '-employer',
  'targetGroup',
  '-targetGroup',
  'candidate',
  '-candidate',
] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];

/** The register's filters; the period is by start date (default this year to date). */
export class RegisterFilterQuery extends ReportPeriodQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "The placement's unit (the vacancy's)" })
  @Optional()
  @IsUUID('all', { message: 'must be a unit id' })
  unitId?: string;

  @ApiPropertyOptional({
    enum: ORGANISATIONS,
    enumName: 'Organisation',
    description: 'Organisation of the matcher who proposed the client',
  })
  @Optional()
  @IsIn(ORGANISATIONS, oneOf(ORGANISATIONS))
  matcherOrganisation?: Organisation;

  @ApiPropertyOptional({ enum: TARGET_GROUPS, enumName: 'TargetGroup' })
  @Optional()
  @IsIn(TARGET_GROUPS, oneOf(TARGET_GROUPS))
  targetGroup?: TargetGroup;

  @ApiPropertyOptional({ enum: POOLS, enumName: 'Pool' })
  @Optional()
  @IsIn(POOLS, oneOf(POOLS))
  pool?: Pool;

  @ApiPropertyOptional({ enum: INSTRUMENTS, enumName: 'Instrument', description: 'Placements with this instrument' })
  @Optional()
  @IsIn(INSTRUMENTS, oneOf(INSTRUMENTS))
  instrument?: Instrument;

  @ApiPropertyOptional({ enum: CONTRACT_TYPES, enumName: 'ContractType' })
  @Optional()
  @IsIn(CONTRACT_TYPES, oneOf(CONTRACT_TYPES))
  contractType?: ContractType;

  @ApiPropertyOptional({ description: 'true: only SROI placements; false: only the others' })
  @Optional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  sroi?: boolean;

  @ApiPropertyOptional({
    description: 'true: ended (an end date on or before today); false: still working (or not started yet)',
  })
  @Optional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  ended?: boolean;

  @ApiPropertyOptional({
    enum: OUTFLOW_FILTERS,
    enumName: 'OutflowFilter',
    description: 'The current outflow record; UNRECORDED: none yet (what an adviser still has to record)',
  })
  @Optional()
  @IsIn(OUTFLOW_FILTERS, oneOf(OUTFLOW_FILTERS))
  outflow?: OutflowFilter;

  @ApiPropertyOptional({
    enum: REGISTER_SORTS,
    enumName: 'RegisterSort',
    default: '-startDate',
    description: 'A leading - sorts descending; ties by placement id',
  })
  @Optional()
  @IsIn(REGISTER_SORTS, oneOf(REGISTER_SORTS))
  sort?: RegisterSort;
}

export class RegisterQuery extends IntersectionType(RegisterFilterQuery, PageQuery) {}

export class RegisterCandidateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null once erased' }) name!: string | null;
}

export class RegisterRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class RegisterMatcherDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANISATIONS, enumName: 'Organisation' }) organisation!: Organisation;
}

export class RegisterVacancyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

export class RegisterOutflowDto {
  @ApiProperty({ enum: OUTFLOWS, enumName: 'Outflow' }) outflow!: Outflow;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-01' }) benefitChangedOn!: string | null;
}

export class RegisterItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026-09-01' }) startDate!: string;
  @ApiProperty({ type: String, nullable: true, example: '2027-02-28' }) endDate!: string | null;
  @ApiProperty({ description: 'An end date on or before today' }) ended!: boolean;
  @ApiProperty({ type: RegisterCandidateDto }) candidate!: RegisterCandidateDto;
  @ApiProperty({ enum: POOLS, enumName: 'Pool' }) pool!: Pool;
  @ApiProperty({ enum: TARGET_GROUPS, enumName: 'TargetGroup', nullable: true }) targetGroup!: TargetGroup | null;
  @ApiProperty({ type: RegisterRefDto }) unit!: RegisterRefDto;
  @ApiProperty({ type: RegisterVacancyDto }) vacancy!: RegisterVacancyDto;
  @ApiProperty({ type: RegisterRefDto }) employer!: RegisterRefDto;
  @ApiProperty({ type: RegisterMatcherDto, nullable: true, description: 'Who proposed the client' })
  matcher!: RegisterMatcherDto | null;
  @ApiProperty({ enum: CONTRACT_TYPES, enumName: 'ContractType' }) contractType!: ContractType;
  @ApiProperty({ type: Number, nullable: true }) contractMonths!: number | null;
  @ApiProperty() hoursPerWeek!: number;
  @ApiProperty({ enum: INSTRUMENTS, enumName: 'Instrument', isArray: true }) instruments!: Instrument[];
  @ApiProperty() sroi!: boolean;
  @ApiProperty({ type: String, nullable: true }) sroiTenderReference!: string | null;
  @ApiProperty({ type: RegisterOutflowDto, nullable: true, description: 'The current outflow record; null: none' })
  outflow!: RegisterOutflowDto | null;
}

export class RegisterPageDto {
  @ApiProperty({ example: '2026-01-01' }) from!: string;
  @ApiProperty({ example: '2026-11-22' }) to!: string;
  @ApiProperty({ type: [RegisterItemDto] }) items!: RegisterItemDto[];
  @ApiProperty({ description: 'Placements that match the filters and whose client you may see' }) total!: number;
  @ApiProperty({
    description:
      'Placements that match the filters but whose client you may not see (a WW client without consent for your ' +
      'organisation): counted in the dashboard, not listed here',
  })
  notVisible!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
