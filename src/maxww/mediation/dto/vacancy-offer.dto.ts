import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';

export const CLIENT_RESPONSES = ['INTERESTED', 'NOT_INTERESTED'] as const;
export type ClientResponse = (typeof CLIENT_RESPONSES)[number];

export class CreateVacancyOfferDto {
  @ApiProperty({ format: 'uuid', description: 'One of your own clients' })
  @IsUUID('all', { message: 'must be a candidate id' })
  candidateId!: string;

  @ApiProperty({ format: 'uuid', description: 'An open vacancy' })
  @IsUUID('all', { message: 'must be a vacancy id' })
  vacancyId!: string;
}

export class VacancyOfferResponseDto {
  @ApiProperty({ enum: CLIENT_RESPONSES, description: 'What the client said; may be changed later' })
  @IsIn(CLIENT_RESPONSES, { message: `must be one of ${CLIENT_RESPONSES.join(', ')}` })
  response!: ClientResponse;
}

export class VacancyOfferListQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a candidate id' })
  candidateId!: string;
}

export class OfferProposalDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'PROPOSED' }) state!: string;
  @ApiProperty() version!: number;
}

export class VacancyOfferDto {
  @ApiProperty() id!: string;
  @ApiProperty() candidateId!: string;
  @ApiProperty() vacancyId!: string;
  @ApiProperty() vacancyTitle!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty({ example: 'OPEN', description: "The vacancy's status now" }) vacancyStatus!: string;
  @ApiProperty() offeredBy!: string;
  @ApiProperty() offeredByName!: string;
  @ApiProperty({ format: 'date-time' }) offeredAt!: string;
  @ApiProperty({ enum: CLIENT_RESPONSES, nullable: true, description: 'null: not answered yet' })
  clientResponse!: ClientResponse | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) respondedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) respondedBy!: string | null;
  @ApiProperty({
    type: OfferProposalDto,
    nullable: true,
    description: "The client's newest proposal for this vacancy, whoever made it; null: not proposed",
  })
  proposal!: OfferProposalDto | null;
}
