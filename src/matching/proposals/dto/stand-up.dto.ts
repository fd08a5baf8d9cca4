import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Optional } from '@platform/http/optional';

export class StandUpCountsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "Default: the signed-in user's unit" })
  @Optional()
  @IsUUID('all', { message: 'must be a unit id' })
  unitId?: string;
}

/** The two figures the stand-up list shows beside a vacancy. */
export class StandUpCountsDto {
  @ApiProperty({ format: 'uuid' }) vacancyId!: string;
  @ApiProperty({ description: 'Candidates you may see who meet every hard requirement' }) eligible!: number;
  @ApiProperty({ description: 'Candidates proposed to the employer (reached PROPOSED)' }) proposed!: number;
}
