import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Organisation, Role } from '@identity/organisation';
import { MIN_PASSWORD_LENGTH } from '@identity/auth/password-hasher';
import { PageQuery } from '@platform/http/pagination';
import { UserEntity } from '../user.entity';
import { queryBoolean, trim, trimLowerCase } from '@platform/http/dto-transforms';
import { Optional } from '@platform/http/optional';

export class CreateUserDto {
  @ApiProperty({ example: 'matcher.uwv@example.org' })
  @Transform(trimLowerCase)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  email!: string;

  @ApiProperty({ example: 'Fatima de Vries' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  name!: string;

  @ApiProperty({ enum: Organisation })
  @IsEnum(Organisation, { message: `must be one of ${Object.values(Organisation).join(', ')}` })
  organisation!: Organisation;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be the id of a unit' })
  unitId!: string;

  @ApiProperty({ enum: Role, isArray: true })
  @IsArray({ message: 'must be a list of roles' })
  @ArrayNotEmpty({ message: 'must hold at least one role' })
  @ArrayUnique({ message: 'must not repeat a role' })
  @IsEnum(Role, { each: true, message: `must each be one of ${Object.values(Role).join(', ')}` })
  roles!: Role[];

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, writeOnly: true })
  @IsString({ message: 'must be text' })
  @MinLength(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  password!: string;
}

export class UpdateUserDto {
  @ApiProperty({ description: 'The version you read; a stale version gets 409 and changes nothing' })
  @IsInt({ message: 'must be the version you read' })
  @Min(1, { message: 'must be the version you read' })
  version!: number;

  @ApiPropertyOptional()
  @Optional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  name?: string;

  @ApiPropertyOptional({ enum: Organisation })
  @Optional()
  @IsEnum(Organisation, { message: `must be one of ${Object.values(Organisation).join(', ')}` })
  organisation?: Organisation;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'must be the id of a unit' })
  unitId?: string;

  @ApiPropertyOptional({ enum: Role, isArray: true })
  @Optional()
  @IsArray({ message: 'must be a list of roles' })
  @ArrayNotEmpty({ message: 'must hold at least one role' })
  @ArrayUnique({ message: 'must not repeat a role' })
  @IsEnum(Role, { each: true, message: `must each be one of ${Object.values(Role).join(', ')}` })
  roles?: Role[];

  @ApiPropertyOptional({
    description: 'false deactivates: the user can no longer sign in and their tokens stop working',
  })
  @Optional()
  @IsBoolean({ message: 'must be true or false' })
  active?: boolean;
}

export class ResetPasswordDto {
  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, writeOnly: true })
  @IsString({ message: 'must be text' })
  @MinLength(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  password!: string;
}

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: Organisation })
  @Optional()
  @IsEnum(Organisation, { message: `must be one of ${Object.values(Organisation).join(', ')}` })
  organisation?: Organisation;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'must be the id of a unit' })
  unitId?: string;

  @ApiPropertyOptional({ enum: Role })
  @Optional()
  @IsEnum(Role, { message: `must be one of ${Object.values(Role).join(', ')}` })
  role?: Role;

  @ApiPropertyOptional()
  @Optional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({ description: 'Part of the name or e-mail address' })
  @Optional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MaxLength(100, { message: 'must be at most 100 characters' })
  q?: string;
}

/** A user as the API shows it: never the password hash. */
export class UserDto {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: Organisation }) organisation!: Organisation;
  @ApiProperty() organisationName!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ enum: Role, isArray: true }) roles!: Role[];
  @ApiProperty() active!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  static of(user: UserEntity, organisationNames: Record<Organisation, string>): UserDto {
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      organisation: user.organisation,
      organisationName: organisationNames[user.organisation],
      unitId: user.unitId,
      roles: user.roles,
      active: user.active,
      version: user.version,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
    };
  }
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) @Type(() => UserDto) items!: UserDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
