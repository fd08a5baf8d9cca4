import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Organisation } from '@identity/organisation';
import { CANDIDATE_STATUSES, CLASSIFICATIONS, JOBREADY_VALUES, POOLS, TRANSPORTS } from '../candidate-values';
import { TARGET_GROUPS } from '../target-group';

/**
 * The documented shapes of the candidates API's answers (the service returns plain objects of the
 * same form), so the web app's generated types know them.
 */
export class CandidateListItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: POOLS }) pool!: string;
  @ApiProperty() sourceReference!: string;
  @ApiProperty({ format: 'uuid', description: 'The same person in both pools' }) personId!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ nullable: true, type: String }) pc4!: string | null;
  @ApiProperty({ nullable: true, type: String }) municipality!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) wwEndDate!: string | null;
  @ApiProperty() maxWw!: boolean;
  @ApiProperty({ description: 'A WW client whose WW end date has passed: no longer matched as a WW client' })
  wwEnded!: boolean;
  @ApiProperty({ nullable: true, enum: CLASSIFICATIONS }) classification!: string | null;
  @ApiProperty({ nullable: true, enum: TARGET_GROUPS }) targetGroup!: string | null;
  @ApiProperty({ enum: JOBREADY_VALUES }) jobready!: string;
  @ApiProperty({ enum: CANDIDATE_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) adviserId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Date-time of the newest note' }) lastContactAt!:
    string | null;
  @ApiProperty() version!: number;
}

export class CandidatePageDto {
  @ApiProperty({ type: [CandidateListItemDto] }) items!: CandidateListItemDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class CandidateLookupDto {
  @ApiProperty({ type: [CandidateListItemDto] }) items!: CandidateListItemDto[];
}

export class JobreadyChecklistViewDto {
  @ApiProperty() ownTransport!: boolean;
  @ApiProperty() childcareArranged!: boolean;
  @ApiProperty() hoursAvailable!: boolean;
  @ApiProperty() certificatesValid!: boolean;
  @ApiProperty() motivated!: boolean;
  @ApiPropertyOptional({ description: 'Absent on assessments recorded before it was asked' })
  realisticSearch?: boolean;
}

export class JobreadyAssessmentViewDto {
  @ApiProperty({ nullable: true, type: String }) assessedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) assessedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) assessedByName!: string | null;
  @ApiProperty({ nullable: true, type: JobreadyChecklistViewDto }) checklist!: JobreadyChecklistViewDto | null;
}

export class WorkExperienceViewDto {
  @ApiProperty() occupationUri!: string;
  @ApiProperty() years!: number;
}

export class NoteDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty({ nullable: true, type: String }) authorName!: string | null;
  @ApiProperty() notedAt!: string;
  @ApiProperty() text!: string;
}

export class CandidateViewDto extends CandidateListItemDto {
  @ApiProperty({ nullable: true, type: String, example: '*****2333', description: 'Masked: the last 4 digits' })
  bsn!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) postcode!: string | null;
  @ApiProperty({ nullable: true, type: String }) region!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) dateOfBirth!: string | null;
  @ApiProperty() doelgroepregister!: boolean;
  @ApiProperty() wajong!: boolean;
  @ApiProperty({ type: JobreadyAssessmentViewDto }) jobreadyAssessment!: JobreadyAssessmentViewDto;
  @ApiProperty({ type: [WorkExperienceViewDto] }) workExperience!: WorkExperienceViewDto[];
  @ApiProperty({ type: [String] }) skillUris!: string[];
  @ApiProperty({ nullable: true, type: String }) educationLevel!: string | null;
  @ApiProperty({ type: [String] }) certificates!: string[];
  @ApiProperty({ type: [String] }) drivingLicences!: string[];
  @ApiProperty({ nullable: true, type: String }) dutchLevel!: string | null;
  @ApiProperty() hoursMin!: number;
  @ApiProperty() hoursMax!: number;
  @ApiProperty({ enum: TRANSPORTS, isArray: true }) transport!: string[];
  @ApiProperty({ nullable: true, type: Number }) maxTravelKm!: number | null;
  @ApiProperty({ format: 'date' }) availableFrom!: string;
  @ApiProperty({ type: [String] }) wishedOccupationUris!: string[];
  @ApiProperty() acceptsBroodbaan!: boolean;
  @ApiProperty({ enum: Organisation, isArray: true }) consentOrganisations!: Organisation[];
  @ApiProperty() erased!: boolean;
  @ApiProperty({ type: [NoteDto], description: 'The newest notes' }) notes!: NoteDto[];
}

/** What is left to show of an erased candidate. */
export class ErasedCandidateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CANDIDATE_STATUSES }) status!: string;
  @ApiProperty() erasedAt!: string;
}

export class ConsentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: Organisation }) organisation!: Organisation;
  @ApiProperty({ example: 'MEDIATION' }) purpose!: string;
  @ApiProperty({ format: 'date' }) signedOn!: string;
  @ApiProperty() documentReference!: string;
  @ApiProperty({ nullable: true, type: String }) recordedBy!: string | null;
  @ApiProperty() recordedAt!: string;
  @ApiProperty({ nullable: true, type: String }) withdrawnAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) withdrawnBy!: string | null;
  @ApiProperty() active!: boolean;
}

export class ImportRowErrorDto {
  @ApiProperty({ description: 'Line in the file; the header is line 1' }) row!: number;
  @ApiProperty({ description: 'The column of the file' }) field!: string;
  @ApiProperty() reason!: string;
}

export class CandidateImportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: POOLS }) pool!: string;
  @ApiProperty({ enum: ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] }) status!: string;
  @ApiProperty({ nullable: true, type: Number }) totalRows!: number | null;
  @ApiProperty() processedRows!: number;
  @ApiProperty({ description: '0–100' }) progress!: number;
  @ApiProperty() inserted!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ type: [ImportRowErrorDto] }) errors!: ImportRowErrorDto[];
  @ApiProperty({ nullable: true, type: String }) failureReason!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) startedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) finishedAt!: string | null;
}

export class AccessLogEntryDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorOrganisation!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty() purpose!: string;
}

/** The subject's data export (GDPR art. 15): the stored record, its notes, consents and who read it. */
export class CandidateExportDto {
  @ApiProperty({ format: 'date-time' }) exportedAt!: string;
  @ApiProperty({
    description: 'The stored record (BSN in full), or the minimal record of an erased candidate',
    oneOf: [{ type: 'object', additionalProperties: true }, { $ref: getSchemaPath(ErasedCandidateDto) }],
  })
  candidate!: Record<string, unknown>;
  @ApiProperty({ type: [NoteDto] }) notes!: NoteDto[];
  @ApiProperty({ type: [ConsentDto] }) consents!: ConsentDto[];
  @ApiProperty({ type: [AccessLogEntryDto] }) accessLog!: AccessLogEntryDto[];
}
