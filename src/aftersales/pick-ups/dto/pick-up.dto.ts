import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Optional } from '@platform/http/optional';

export class PickUpListQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "Only the clients whose ended placement was this unit's" })
  @Optional()
  @IsUUID('all', { message: 'must be a unit id' })
  unitId?: string;
}

export class PickUpDto {
  @ApiProperty() id!: string;
  @ApiProperty() candidateId!: string;
  @ApiProperty() candidateName!: string;
  @ApiProperty({ enum: ['WW', 'BIJSTAND'] }) pool!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) phone!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ description: 'The candidate status now (ACTIVE once the placement ended)' }) status!: string;
  @ApiProperty({ enum: ['YES', 'NO', 'TO_ASSESS'] }) jobready!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) adviserId!: string | null;
  @ApiProperty() placementId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() vacancyTitle!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty() startDate!: string;
  @ApiProperty() endDate!: string;
  @ApiProperty() endReason!: string;
  @ApiProperty({ description: 'When the client was put on the list' }) listedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) pickedUpAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) pickedUpBy!: string | null;
}
