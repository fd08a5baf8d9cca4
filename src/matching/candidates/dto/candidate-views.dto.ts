import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { Organisation } from '@identity/organisation';
import { CANDIDATE_STATUSES, CLASSIFICATIONS, JOBREADY_VALUES, POOLS } from '../candidate-values';

/**
 * What the candidate endpoints answer, for the OpenAPI document (and so the web app's types). The
 * services build these shapes as plain objects (CandidateView and friends in candidates.service.ts).
 */
const ORGANISATIONS = Object.values(Organisation);
const TARGET_GROUPS = ['WW', 'MAX WW', 'WAJONG', 'SDD 80-100', 'SDD 50-80'];

export class CandidateListItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: POOLS }) pool!: string;
  @ApiProperty() sourceReference!: string;
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) pc4!: string | null;
  @ApiProperty({ type: String, nullable: true }) municipality!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) wwEndDate!: string | null;
  @ApiProperty() maxWw!: boolean;
  @ApiProperty({ enum: CLASSIFICATIONS, nullable: true }) classification!: string | null;
  @ApiProperty({ enum: TARGET_GROUPS, nullable: true }) targetGroup!: string | null;
  @ApiProperty({ enum: JOBREADY_VALUES }) jobready!: string;
  @ApiProperty({ enum: CANDIDATE_STATUSES }) status!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) adviserId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastContactAt!: string | null;
  @ApiProperty() version!: number;
}

export class CandidatePageDto {
  @ApiProperty({ type: [CandidateListItemDto] }) items!: CandidateListItemDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class CandidateItemsDto {
  @ApiProperty({ type: [CandidateListItemDto] }) items!: CandidateListItemDto[];
}

export class NoteViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty({ format: 'date-time' }) notedAt!: string;
  @ApiProperty() text!: string;
}

export class JobreadyChecklistViewDto {
  @ApiProperty() ownTransport!: boolean;
  @ApiProperty() childcareArranged!: boolean;
  @ApiProperty() hoursAvailable!: boolean;
  @ApiProperty() certificatesValid!: boolean;
  @ApiProperty() motivated!: boolean;
}

export class JobreadyAssessmentViewDto {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) assessedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assessedBy!: string | null;
  @ApiProperty({ type: JobreadyChecklistViewDto, nullable: true }) checklist!: JobreadyChecklistViewDto | null;
}

export class WorkExperienceViewDto {
  @ApiProperty() occupationUri!: string;
  @ApiProperty() years!: number;
}

export class CandidateViewDto extends CandidateListItemDto {
  @ApiProperty({ type: String, nullable: true, description: 'Masked: *****1234' }) bsn!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) postcode!: string | null;
  @ApiProperty({ type: String, nullable: true }) region!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dateOfBirth!: string | null;
  @ApiProperty() doelgroepregister!: boolean;
  @ApiProperty() wajong!: boolean;
  @ApiProperty({ type: JobreadyAssessmentViewDto }) jobreadyAssessment!: JobreadyAssessmentViewDto;
  @ApiProperty({ type: [WorkExperienceViewDto] }) workExperience!: WorkExperienceViewDto[];
  @ApiProperty({ type: [String] }) skillUris!: string[];
  @ApiProperty({ type: String, nullable: true }) educationLevel!: string | null;
  @ApiProperty({ type: [String] }) certificates!: string[];
  @ApiProperty({ type: [String] }) drivingLicences!: string[];
  @ApiProperty({ type: String, nullable: true }) dutchLevel!: string | null;
  @ApiProperty() hoursMin!: number;
  @ApiProperty() hoursMax!: number;
  @ApiProperty({ type: [String] }) transport!: string[];
  @ApiProperty({ type: Number, nullable: true }) maxTravelKm!: number | null;
  @ApiProperty({ format: 'date' }) availableFrom!: string;
  @ApiProperty({ type: [String] }) wishedOccupationUris!: string[];
  @ApiProperty() acceptsBroodbaan!: boolean;
  @ApiProperty({ enum: ORGANISATIONS, isArray: true }) consentOrganisations!: string[];
  @ApiProperty() erased!: boolean;
  @ApiProperty({ type: [NoteViewDto] }) notes!: NoteViewDto[];
}

/** An erased candidate: its id stays named by placements, proposals and the audit log. */
export class ErasedCandidateViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['INACTIVE'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) erasedAt!: string;
}

export class ConsentViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ORGANISATIONS }) organisation!: string;
  @ApiProperty({ example: 'MEDIATION' }) purpose!: string;
  @ApiProperty({ format: 'date' }) signedOn!: string;
  @ApiProperty() documentReference!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recordedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) withdrawnAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) withdrawnBy!: string | null;
  @ApiProperty() active!: boolean;
}

export class ImportRowErrorDto {
  @ApiProperty({ description: 'Line in the file; the header is line 1' }) row!: number;
  @ApiProperty({ description: 'The column, as named in the file' }) field!: string;
  @ApiProperty() reason!: string;
}

export class CandidateImportViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: POOLS }) pool!: string;
  @ApiProperty({ enum: ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] }) status!: string;
  @ApiProperty({ type: Number, nullable: true }) totalRows!: number | null;
  @ApiProperty() processedRows!: number;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress!: number;
  @ApiProperty() inserted!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ type: [ImportRowErrorDto] }) errors!: ImportRowErrorDto[];
  @ApiProperty({ type: String, nullable: true }) failureReason!: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
}

export class AccessLogEntryDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorOrganisation!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty() purpose!: string;
}

/** A subject access request: everything held, the BSN in full (the one place it is decrypted). */
@ApiExtraModels(CandidateViewDto, ErasedCandidateViewDto)
export class CandidateExportDto {
  @ApiProperty({ format: 'date-time' }) exportedAt!: string;
  @ApiProperty({
    description: 'The stored record (BSN in full), or the minimal record of an erased candidate',
    oneOf: [{ type: 'object', additionalProperties: true }, { $ref: getSchemaPath(ErasedCandidateViewDto) }],
  })
  candidate!: Record<string, unknown>;
  @ApiProperty({ type: [NoteViewDto] }) notes!: NoteViewDto[];
  @ApiProperty({ type: [ConsentViewDto] }) consents!: ConsentViewDto[];
  @ApiProperty({ type: [AccessLogEntryDto] }) accessLog!: AccessLogEntryDto[];
}

export const CANDIDATE_OR_ERASED = {
  oneOf: [{ $ref: getSchemaPath(CandidateViewDto) }, { $ref: getSchemaPath(ErasedCandidateViewDto) }],
};
