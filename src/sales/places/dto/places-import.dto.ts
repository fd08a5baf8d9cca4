import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class ImportFolderDto {
  @ApiProperty({ description: 'Folder on the server with the geo CSVs', example: '../shared/data/geo' })
  @IsString({ message: 'must be text' })
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(1000, { message: 'must be at most 1000 characters' })
  folder!: string;
}

export class ImportStartedDto {
  @ApiProperty() id!: string;
}
