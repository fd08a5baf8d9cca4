import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';
import { ADVISER_MESSAGE_KINDS, AdviserMessageKind } from '../adviser-message-kind';
import { queryBoolean } from '@platform/http/dto-transforms';
import { OptionalOrNull } from '@platform/http/optional';

export class AdviserMessageQuery {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Only the messages not yet marked read' })
  @OptionalOrNull()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  unread = false;
}

export class AdviserMessageDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ADVISER_MESSAGE_KINDS }) kind!: AdviserMessageKind;
  @ApiProperty() candidateId!: string;
  @ApiProperty() candidateName!: string;
  @ApiProperty() placementId!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The follow-up call that found it, if any' })
  followUpId!: string | null;
  @ApiProperty() vacancyTitle!: string;
  @ApiProperty() employerName!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'LEFT_JOB: the last day of the job' })
  endDate!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'AT_RISK: the note of the call; LEFT_JOB: why the job ended',
  })
  reason!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) readAt!: string | null;
}
