import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { trim, trimLowerCase } from '@platform/http/dto-transforms';
import { MIN_PASSWORD_LENGTH } from '@identity/auth/password-hasher';
import { Organisation } from '@identity/organisation';

export class SetupStatusDto {
  @ApiProperty({ description: 'Always true: once set up, this endpoint answers 410' }) required!: boolean;
}

export class FirstAdministratorDto {
  @ApiProperty({ description: 'The set-up token the service printed at start', writeOnly: true })
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  setupToken!: string;

  @ApiProperty({ example: 'Fatima de Vries' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  name!: string;

  @ApiProperty({ example: 'beheer@example.org' })
  @Transform(trimLowerCase)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  email!: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, writeOnly: true })
  @IsString({ message: 'must be text' })
  @MinLength(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  password!: string;

  @ApiProperty({ enum: Organisation })
  @IsEnum(Organisation, { message: `must be one of ${Object.values(Organisation).join(', ')}` })
  organisation!: Organisation;

  @ApiProperty({ example: 'Beheer', description: "The administrator's unit; created when new" })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(120, { message: 'must be at most 120 characters' })
  unitName!: string;
}
