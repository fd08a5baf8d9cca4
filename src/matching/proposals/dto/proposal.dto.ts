import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, IsUUID, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQuery } from '@platform/http/pagination';
import { PROPOSAL_STATES, ProposalState, REJECTION_REASONS, RejectionReason } from '../proposal-states';
import { Optional } from '@platform/http/optional';

export class CreateProposalDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a candidate id' })
  candidateId!: string;
}

export class ProposalTransitionDto {
  @ApiProperty({ enum: PROPOSAL_STATES })
  @IsIn(PROPOSAL_STATES, { message: `must be one of ${PROPOSAL_STATES.join(', ')}` })
  to!: ProposalState;

  @ApiPropertyOptional({ enum: REJECTION_REASONS, description: 'Required when to is REJECTED' })
  @ValidateIf((dto: ProposalTransitionDto) => dto.to === 'REJECTED' || dto.reasonCode !== undefined)
  @IsIn(REJECTION_REASONS, { message: `must be one of ${REJECTION_REASONS.join(', ')}` })
  reasonCode?: RejectionReason;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required when to is REJECTED' })
  @ValidateIf((dto: ProposalTransitionDto) => dto.to === 'REJECTED' || dto.text !== undefined)
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must say why' })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  text?: string;

  @ApiProperty({ description: 'The version read' })
  @Type(() => Number)
  @IsInt({ message: 'must be the version read' })
  @Min(1, { message: 'must be the version read' })
  version!: number;
}

export class ProposalListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PROPOSAL_STATES })
  @Optional()
  @IsIn(PROPOSAL_STATES, { message: `must be one of ${PROPOSAL_STATES.join(', ')}` })
  state?: ProposalState;
}

export class ProposalComponentDto {
  @ApiProperty() code!: string;
  @ApiProperty() points!: number;
  @ApiProperty() max!: number;
  @ApiProperty() sentence!: string;
}

export class ProposalTransitionViewDto {
  @ApiProperty({ enum: PROPOSAL_STATES, nullable: true }) from!: ProposalState | null;
  @ApiProperty({ enum: PROPOSAL_STATES }) to!: ProposalState;
  @ApiProperty() actorId!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ type: String, nullable: true }) reasonCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) text!: string | null;
}

export class ProposalDto {
  @ApiProperty() id!: string;
  @ApiProperty() vacancyId!: string;
  @ApiProperty() candidateId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ enum: PROPOSAL_STATES }) state!: ProposalState;
  @ApiProperty() score!: number;
  @ApiProperty({ type: [ProposalComponentDto] }) components!: ProposalComponentDto[];
  @ApiProperty() weightsVersion!: string;
  @ApiProperty() shortlistedBy!: string;
  @ApiProperty({ type: String, nullable: true }) proposedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) proposedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) interviewAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) reasonCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) reasonText!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: [ProposalTransitionViewDto] }) history!: ProposalTransitionViewDto[];
}

export class ProposalWarningDto {
  @ApiProperty({ example: 'MANY_PROPOSALS' }) code!: string;
  @ApiProperty() message!: string;
}

export class ProposalResultDto extends ProposalDto {
  @ApiProperty({ type: [ProposalWarningDto] }) warnings!: ProposalWarningDto[];
}

export class ProposalPageDto {
  @ApiProperty({ type: [ProposalDto] }) items!: ProposalDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class MismatchDto {
  @ApiProperty() proposalId!: string;
  @ApiProperty() candidateId!: string;
  @ApiProperty() vacancyId!: string;
  @ApiProperty() rejectedBy!: string;
  @ApiProperty() rejectedAt!: string;
  @ApiProperty() text!: string;
  @ApiProperty({
    enum: ['YES', 'NO', 'TO_ASSESS'],
    description: "The candidate's jobready now: TO_ASSESS until reassessed",
  })
  jobreadyNow!: string;
}
