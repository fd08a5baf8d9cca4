import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { UnitEntity } from '../unit.entity';
import { trim } from '@platform/http/dto-transforms';
import { Optional } from '@platform/http/optional';

export class CreateUnitDto {
  @ApiProperty({ example: 'Industrie & logistiek' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(120, { message: 'must be at most 120 characters' })
  name!: string;

  @ApiPropertyOptional({ example: 'Productie, magazijn en transport in de Drechtsteden' })
  @Optional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MaxLength(300, { message: 'must be at most 300 characters' })
  focus?: string;
}

export class UpdateUnitDto {
  @ApiPropertyOptional()
  @Optional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(120, { message: 'must be at most 120 characters' })
  name?: string;

  @ApiPropertyOptional()
  @Optional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MaxLength(300, { message: 'must be at most 300 characters' })
  focus?: string;
}

export class UnitDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() focus!: string;

  static of(unit: UnitEntity): UnitDto {
    return { id: unit.id, name: unit.name, focus: unit.focus };
  }
}
