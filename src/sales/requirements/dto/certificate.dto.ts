import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { queryBoolean, trim } from '@platform/http/dto-transforms';
import { Optional, OptionalOrNull } from '@platform/http/optional';

const CODE = /^[A-Z][A-Z0-9_]{1,39}$/;
const CODE_MESSAGE = 'must be 2 to 40 capitals, digits or _, starting with a capital (e.g. VCA_VOL)';

export class CertificateDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'VCA_VOL', description: 'Stable code that vacancies and candidates store' })
  code!: string;

  @ApiProperty({ example: 'VCA VOL (VOL-VCA)' })
  name!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Veiligheid voor operationeel leidinggevenden' })
  description!: string | null;

  @ApiProperty({ description: 'Inactive certificates stay valid where already used but cannot be newly chosen' })
  active!: boolean;

  @ApiProperty({ type: [String], example: ['VCA_BASIS'], description: 'Codes that holding this one also proves' })
  implies!: string[];
}

export class CreateCertificateDto {
  @ApiProperty({ example: 'VCA_VOL', pattern: CODE.source })
  @Matches(CODE, { message: CODE_MESSAGE })
  code!: string;

  @ApiProperty({ example: 'VCA VOL (VOL-VCA)', minLength: 1, maxLength: 120 })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(1, 120, { message: 'must be 1 to 120 characters' })
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @OptionalOrNull()
  @IsString({ message: 'must be text' })
  @MaxLength(500, { message: 'must be at most 500 characters' })
  description?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['VCA_BASIS'] })
  @Optional()
  @IsArray({ message: 'must be a list of certificate codes' })
  @ArrayMaxSize(20, { message: 'may name at most 20 certificates' })
  @IsString({ each: true, message: 'must be a list of certificate codes' })
  implies?: string[];
}

/** Everything but the code, which is stable once created. */
export class UpdateCertificateDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 120 })
  @Optional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(1, 120, { message: 'must be 1 to 120 characters' })
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500, description: 'null clears it' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString({ message: 'must be text' })
  @MaxLength(500, { message: 'must be at most 500 characters' })
  description?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Replaces the implied codes' })
  @Optional()
  @IsArray({ message: 'must be a list of certificate codes' })
  @ArrayMaxSize(20, { message: 'may name at most 20 certificates' })
  @IsString({ each: true, message: 'must be a list of certificate codes' })
  implies?: string[];
}

export class ListCertificatesQuery {
  @ApiPropertyOptional({ description: 'Only active (true) or only inactive (false) ones; all when absent' })
  @Optional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  active?: boolean;
}
