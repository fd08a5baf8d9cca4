import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, Matches, ValidateIf } from 'class-validator';
import { Outflow, OUTFLOWS } from '../outflow';

export class RecordOutflowDto {
  @ApiProperty({
    enum: OUTFLOWS,
    enumName: 'Outflow',
    description: 'FULL: the benefit stopped; PARTIAL: it was reduced (part-time job); NONE: it goes on',
  })
  @IsIn(OUTFLOWS, { message: `must be one of ${OUTFLOWS.join(', ')}` })
  outflow!: Outflow;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2026-12-01',
    description:
      "FULL and PARTIAL: the day the benefit stopped or was reduced (not before the placement's start, at most " +
      '3 months ahead); NONE: leave out',
  })
  @ValidateIf((_: object, value: unknown) => value !== null && value !== undefined)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'must be a real calendar date' })
  benefitChangedOn?: string | null;
}

export class OutflowRecordDto {
  @ApiProperty({ description: '1 for the first record of the placement, one more for each change' }) version!: number;
  @ApiProperty({ enum: OUTFLOWS, enumName: 'Outflow' }) outflow!: Outflow;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-01' }) benefitChangedOn!: string | null;
  @ApiProperty({ format: 'uuid', description: 'The adviser (or administrator) who recorded it' }) recordedBy!: string;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: string;
}

export class PlacementOutflowDto {
  @ApiProperty({ format: 'uuid' }) placementId!: string;
  @ApiProperty({ type: OutflowRecordDto, nullable: true, description: 'The newest record; null: none yet' })
  current!: OutflowRecordDto | null;
  @ApiProperty({ type: [OutflowRecordDto], description: 'Every record, newest first' })
  history!: OutflowRecordDto[];
}
