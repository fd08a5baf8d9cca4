import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';
import { Optional } from '@platform/http/optional';
import { MONTH } from '../cohort-months';

export class MaxWwCohortsQuery {
  @ApiPropertyOptional({ example: '2026-01', description: 'First intake month (default: January of this year)' })
  @Optional()
  @Matches(MONTH, { message: 'must be a month (YYYY-MM)' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12', description: 'Last intake month (default: December of this year)' })
  @Optional()
  @Matches(MONTH, { message: 'must be a month (YYYY-MM)' })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only meetings of this unit (the meeting's unit)" })
  @Optional()
  @IsUUID('all', { message: 'must be a unit id' })
  unitId?: string;
}

export class CohortCountsDto {
  @ApiProperty({ description: 'Clients whose first invitation (attempt 1) was to a meeting in the month' })
  invited!: number;
  @ApiProperty({ description: 'Of them, present at a meeting (the first or the second invitation)' })
  attended!: number;
  @ApiProperty({ description: 'Of them, taken into mediation by a Max-WW adviser (ever)' })
  inMediation!: number;
  @ApiProperty({ description: 'Of them, exit PLACED_BY_TEAM' }) placedByTeam!: number;
  @ApiProperty({ description: 'Of them, exit OWN_JOB (found work on their own: not a team placement)' })
  ownJob!: number;
  @ApiProperty({ description: 'Of them, exit MOVED_TO_BIJSTAND' }) movedToBijstand!: number;
  @ApiProperty({ description: 'Of them, exit BENEFIT_ENDED, MOVED_AWAY or OTHER' }) otherExit!: number;
  @ApiProperty({ description: 'Of them, in a mediation that has not ended' }) stillInMediation!: number;
}

export class CohortMonthDto extends CohortCountsDto {
  @ApiProperty({ example: '2026-12', description: 'The intake month' }) month!: string;
}

export class MaxWwCohortsDto {
  @ApiProperty({ example: '2026-01' }) from!: string;
  @ApiProperty({ example: '2026-12' }) to!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId!: string | null;
  @ApiProperty({ type: [CohortMonthDto], description: 'Every month of the range, empty ones with zeros' })
  months!: CohortMonthDto[];
  @ApiProperty({ type: CohortCountsDto, description: 'The sum of the months' }) total!: CohortCountsDto;
  @ApiProperty({ type: String, format: 'date-time' }) generatedAt!: string;
}
