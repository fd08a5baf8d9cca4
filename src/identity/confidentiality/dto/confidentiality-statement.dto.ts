import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { queryBoolean, trim } from '@platform/http/dto-transforms';
import { ISO_DAY } from '@platform/http/iso-day';
import { Optional, OptionalOrNull } from '@platform/http/optional';

/** MAX_WW: the WW clients in the Max-WW programme; UNIT: the WW clients whose adviser works in one unit. */
export const STATEMENT_SCOPES = ['MAX_WW', 'UNIT'] as const;
export type StatementScope = (typeof STATEMENT_SCOPES)[number];

export class RecordConfidentialityStatementDto {
  @ApiProperty({ format: 'uuid', description: 'The staffing-firm user who signed the statement.' })
  @IsUUID('all', { message: 'must be the id of a user' })
  userId!: string;

  @ApiProperty({ format: 'date', description: 'The day the statement was signed (not after today).' })
  @Matches(ISO_DAY, { message: 'must be a date (YYYY-MM-DD)' })
  signedOn!: string;

  @ApiProperty({ example: 'GHV-2026-017', description: 'Where the signed statement is kept.' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(100, { message: 'must be at most 100 characters' })
  reference!: string;

  @ApiProperty({ enum: STATEMENT_SCOPES })
  @IsIn(STATEMENT_SCOPES, { message: `must be one of ${STATEMENT_SCOPES.join(', ')}` })
  scope!: StatementScope;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Scope UNIT only: the unit.' })
  @OptionalOrNull()
  @IsUUID('all', { message: 'must be the id of a unit' })
  unitId?: string | null;
}

export class ConfidentialityStatementListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'must be the id of a user' })
  userId?: string;

  @ApiPropertyOptional({ enum: STATEMENT_SCOPES })
  @Optional()
  @IsIn(STATEMENT_SCOPES, { message: `must be one of ${STATEMENT_SCOPES.join(', ')}` })
  scope?: StatementScope;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'must be the id of a unit' })
  unitId?: string;

  @ApiPropertyOptional({ description: 'true: only active statements; false: only revoked ones.' })
  @Optional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  active?: boolean;
}

export class ConfidentialityStatementDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() userName!: string;
  @ApiProperty() userEmail!: string;
  @ApiProperty({ format: 'date' }) signedOn!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ enum: STATEMENT_SCOPES }) scope!: StatementScope;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) unitId!: string | null;
  @ApiProperty({ nullable: true, type: String }) unitName!: string | null;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty() recordedByName!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) revokedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedByName!: string | null;
  @ApiProperty() active!: boolean;
}
