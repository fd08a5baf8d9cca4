import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { queryBoolean, trim } from '@platform/http/dto-transforms';
import { Optional } from '@platform/http/optional';

export class CreateHandoverDto {
  @ApiProperty({ format: 'uuid', description: 'The WW client whose WW ends' })
  @IsUUID('all', { message: 'must be a candidate id' })
  candidateId!: string;

  @ApiProperty({
    format: 'uuid',
    description: "The client's active, signed consent for mediation naming the municipality (MUNICIPALITY)",
  })
  @IsUUID('all', { message: 'must be a consent id' })
  consentId!: string;

  @ApiProperty({ maxLength: 2000, description: 'Where the client stands: what the social service must know' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  summary!: string;

  @ApiProperty({ maxLength: 2000, description: 'What was tried (coaching, vacancies offered, applications)' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  tried!: string;

  @ApiProperty({ format: 'uuid', description: 'The adviser the social service calls (UWV or the staffing firm)' })
  @IsUUID('all', { message: 'must be a user id' })
  contactAdviserId!: string;
}

export class HandoverListQuery {
  @ApiPropertyOptional({
    description: 'true: only those whose Bijstand record is linked; false: only those not yet linked',
  })
  @Optional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  linked?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'The hand-over of this WW client or of this Bijstand record' })
  @Optional()
  @IsUUID('all', { message: 'must be a candidate id' })
  candidateId?: string;
}

export class HandoverPersonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

export class HandoverAdviserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ['UWV', 'MUNICIPALITY', 'STAFFING_FIRM'] }) organisation!: string;
}

export class HandoverListItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The WW client' }) candidateId!: string;
  @ApiProperty({ type: String, nullable: true }) candidateName!: string | null;
  @ApiProperty({ description: "UWV's client number" }) sourceReference!: string;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-31' }) wwEndDate!: string | null;
  @ApiProperty({ description: 'The WW end date lies before today' }) wwEnded!: boolean;
  @ApiProperty({ type: HandoverAdviserDto }) contactAdviser!: HandoverAdviserDto;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The Bijstand record of the same person, linked when it is created',
  })
  bijstandCandidateId!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class HandoverConsentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026-10-01' }) signedOn!: string;
  @ApiProperty() documentReference!: string;
  @ApiProperty({ description: 'Still active (not withdrawn)' }) active!: boolean;
}

export class HandoverProposalDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) vacancyId!: string;
  @ApiProperty() vacancyTitle!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty({ enum: ['PROPOSED', 'INTERVIEW'] }) state!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) proposedAt!: string | null;
}

export class HandoverDto extends HandoverListItemDto {
  @ApiProperty() summary!: string;
  @ApiProperty() tried!: string;
  @ApiProperty({ type: HandoverConsentDto }) consent!: HandoverConsentDto;
  @ApiProperty({ type: HandoverPersonDto, nullable: true, description: 'The linked Bijstand record' })
  bijstandCandidate!: HandoverPersonDto | null;
  @ApiProperty({
    type: [HandoverProposalDto],
    description: "The client's current proposals to employers (PROPOSED or INTERVIEW), read when asked",
  })
  currentProposals!: HandoverProposalDto[];
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
}
