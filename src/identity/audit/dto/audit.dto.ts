import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '@platform/http/pagination';
import { AuditEntryEntity } from '../audit-entry.entity';
import { Optional } from '@platform/http/optional';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'The user who acted' })
  @Optional()
  @IsUUID('all', { message: 'must be a user id' })
  actorId?: string;

  @ApiPropertyOptional({ example: 'candidate' })
  @Optional()
  @IsString({ message: 'must be text' })
  @MaxLength(40, { message: 'must be at most 40 characters' })
  subjectType?: string;

  @ApiPropertyOptional({ description: 'The internal id of the person' })
  @Optional()
  @IsString({ message: 'must be text' })
  @MaxLength(64, { message: 'must be at most 64 characters' })
  subjectId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'From this moment (inclusive)' })
  @Optional()
  @Type(() => Date)
  @IsDate({ message: 'must be a date or date-time (ISO 8601)' })
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Until this moment (exclusive)' })
  @Optional()
  @Type(() => Date)
  @IsDate({ message: 'must be a date or date-time (ISO 8601)' })
  to?: Date;
}

export class AuditEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty() at!: Date;
  @ApiProperty({ nullable: true, type: String }) actorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorOrganisation!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty() subjectType!: string;
  @ApiProperty({ nullable: true, type: String }) subjectId!: string | null;
  @ApiProperty() purpose!: string;
  @ApiProperty({ nullable: true, type: String }) requestId!: string | null;

  static of(entry: AuditEntryEntity): AuditEntryDto {
    return { ...entry, id: String(entry.id) };
  }
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
