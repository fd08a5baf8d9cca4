import { ApiProperty } from '@nestjs/swagger';

/**
 * The answer of GET /api/candidates/{id}, documented for the OpenAPI document (the web app's types
 * are generated from it). The service builds CandidateView; these classes describe it field by field.
 */
export class NoteViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() authorId!: string;
  @ApiProperty() notedAt!: string;
  @ApiProperty() text!: string;
}

export class WorkExperienceViewDto {
  @ApiProperty() occupationUri!: string;
  @ApiProperty() years!: number;
}

export class JobreadyAssessmentViewDto {
  @ApiProperty({ type: String, nullable: true }) assessedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) assessedBy!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) checklist!: unknown;
}

export class CandidateViewDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['WW', 'BIJSTAND'] }) pool!: 'WW' | 'BIJSTAND';
  @ApiProperty() sourceReference!: string;
  @ApiProperty() personId!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Masked: only the last digits show' }) bsn!: string | null;
  @ApiProperty({ type: String, nullable: true }) pc4!: string | null;
  @ApiProperty({ type: String, nullable: true }) municipality!: string | null;
  @ApiProperty({ type: String, nullable: true }) region!: string | null;
  @ApiProperty({ type: String, nullable: true }) postcode!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) dateOfBirth!: string | null;
  @ApiProperty({ type: String, nullable: true }) wwEndDate!: string | null;
  @ApiProperty() maxWw!: boolean;
  @ApiProperty({ type: String, nullable: true }) classification!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'MAX WW' }) targetGroup!: string | null;
  @ApiProperty() doelgroepregister!: boolean;
  @ApiProperty() wajong!: boolean;
  @ApiProperty({ enum: ['YES', 'NO', 'TO_ASSESS'] }) jobready!: string;
  @ApiProperty({ type: JobreadyAssessmentViewDto }) jobreadyAssessment!: JobreadyAssessmentViewDto;
  @ApiProperty() status!: string;
  @ApiProperty({ type: String, nullable: true }) adviserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastContactAt!: string | null;
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
  @ApiProperty() availableFrom!: string;
  @ApiProperty({ type: [String] }) wishedOccupationUris!: string[];
  @ApiProperty() acceptsBroodbaan!: boolean;
  @ApiProperty({
    enum: ['UWV', 'MUNICIPALITY', 'STAFFING_FIRM'],
    isArray: true,
    description: 'Organisations the candidate signed an active consent for',
  })
  consentOrganisations!: string[];
  @ApiProperty() erased!: boolean;
  @ApiProperty({ type: [NoteViewDto], description: 'The newest notes, newest first' }) notes!: NoteViewDto[];
  @ApiProperty() version!: number;
}

export class ErasedCandidateViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() status!: string;
  @ApiProperty() erasedAt!: string;
}
