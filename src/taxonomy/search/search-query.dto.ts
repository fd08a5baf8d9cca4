import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '@platform/http/optional';

/** `?q=&limit=` of the occupation and skill searches. */
export class SearchQueryDto {
  @ApiProperty({ description: 'Free text as people write it, e.g. "magazijn medewerker 32 uur"', maxLength: 200 })
  @IsString({ message: 'must be text' })
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  q!: string;

  @ApiPropertyOptional({ description: 'How many results', minimum: 1, maximum: 50, default: 10 })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(50, { message: 'must be at most 50' })
  limit?: number;
}
