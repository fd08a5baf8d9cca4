import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { Optional } from '@platform/http/optional';

export class StartImportDto {
  @ApiProperty({
    description: 'Folder on the server holding the ESCO CSV release (as downloaded from the ESCO portal)',
    example: '../shared/data/esco-v1.1.1',
  })
  @IsString({ message: 'must be text' })
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(1000, { message: 'must be at most 1000 characters' })
  folder!: string;

  @ApiPropertyOptional({ description: 'Release version; defaults to the version in the folder name', example: '1.1.1' })
  @Optional()
  @IsString({ message: 'must be text' })
  @Matches(/^[0-9A-Za-z.+-]{1,40}$/, { message: 'must be a version like 1.1.1' })
  releaseVersion?: string;
}
