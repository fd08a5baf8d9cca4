import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn } from 'class-validator';
import { Optional } from '@platform/http/optional';
import { REQUIREMENTS } from '@matching/engine/requirements';
import { CreateVacancyDto } from '@sales/vacancies/dto/vacancy.dto';
import { RelaxationKind } from '../relaxations';

const RELAXATION_KINDS: RelaxationKind[] = [
  'WITHOUT_DRIVING_LICENCE',
  'WITHOUT_CERTIFICATE',
  'LOWER_DUTCH_LEVEL',
  'WITHOUT_DUTCH_LEVEL',
  'WITHOUT_EDUCATION',
  'FEWER_HOURS',
  'LARGER_TRAVEL_LIMIT',
  'LATER_START',
  'OPEN_TO_REDUCED_WAGE_VALUE',
];

/**
 * An unsaved vacancy profile: the fields of a vacancy that matching reads, validated exactly as on
 * POST /api/vacancies (same decorators, picked from CreateVacancyDto), plus the unit it is for.
 */
export class SupplyPreviewRequestDto extends PickType(CreateVacancyDto, [
  'occupationUri',
  'drivingLicences',
  'certificates',
  'minDutchLevel',
  'minEducationLevel',
  'requiredSkillUris',
  'preferredSkillUris',
  'experienceYearsWish',
  'hoursMin',
  'hoursMax',
  'workplacePostcode',
  'maxTravelKm',
  'startDate',
  'openToReducedWageValue',
  'unitId',
] as const) {
  @ApiPropertyOptional({ enum: ['WW', 'BIJSTAND'], isArray: true, description: 'Default: both pools' })
  @Optional()
  @IsArray({ message: 'must be a list of pools' })
  @ArrayUnique({ message: 'must not repeat a pool' })
  @IsIn(['WW', 'BIJSTAND'], { each: true, message: 'must each be WW or BIJSTAND' })
  pools?: Array<'WW' | 'BIJSTAND'>;
}

export class SupplyByPoolDto {
  @ApiProperty({ description: 'Jobready WW candidates meeting the profile' }) WW!: number;
  @ApiProperty({ description: 'Jobready Bijstand candidates meeting the profile' }) BIJSTAND!: number;
}

export class RelaxationDto {
  @ApiProperty({ enum: REQUIREMENTS }) requirement!: string;
  @ApiProperty({ enum: RELAXATION_KINDS }) kind!: RelaxationKind;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The licence or certificate dropped, or the new value (level, hours, km, date)',
  })
  value!: string | null;
  @ApiProperty({ example: 'zonder heftruckcertificaat' }) label!: string;
  @ApiProperty({ description: 'People who would meet the profile with this one change, beyond those now' })
  adds!: number;
}

export class SupplyPreviewDto {
  @ApiProperty({ description: 'Candidates you may see in the chosen pools' }) considered!: number;
  @ApiProperty({
    description: 'People meeting every hard requirement now: the ranked list of this profile would hold as many',
  })
  eligible!: number;
  @ApiProperty({ type: SupplyByPoolDto, description: 'Per pool (a person in both pools counts in each)' })
  byPool!: SupplyByPoolDto;
  @ApiProperty({
    description: 'Per hard requirement, how many visible candidates fail it (one can fail several)',
    type: 'object',
    additionalProperties: { type: 'number' },
  })
  excluded!: Record<string, number>;
  @ApiProperty({ type: [RelaxationDto], description: 'One requirement relaxed at a time, most added first' })
  relaxations!: RelaxationDto[];
}
