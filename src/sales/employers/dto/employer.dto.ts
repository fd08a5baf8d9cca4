import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@platform/http/pagination';
import { IsDutchPostcode } from '@sales/places/is-dutch-postcode.decorator';
import { isDutchPhone, PHONE_FORMAT_MESSAGE } from '../dutch-phone';
import { queryBoolean, trim } from '@platform/http/dto-transforms';
import { Optional } from '@platform/http/optional';

const IsDutchPhone = (): PropertyDecorator =>
  ValidateBy({
    name: 'isDutchPhone',
    validator: { validate: (value: unknown) => isDutchPhone(value), defaultMessage: () => PHONE_FORMAT_MESSAGE },
  });

export class AddressDto {
  @ApiProperty({ example: 'Zeehavenweg' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  street!: string;

  @ApiProperty({ example: '12a' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Matches(/^[1-9][0-9]{0,4}(\s?[-a-zA-Z0-9 ]{1,10})?$/, { message: 'must be a house number like 12, 12a or 12-3' })
  houseNumber!: string;

  @ApiProperty({ example: '3311 AB', description: 'Checked against the postcode areas (422 POSTCODE_UNKNOWN)' })
  @IsDutchPostcode()
  postcode!: string;

  @ApiProperty({ example: 'Dordrecht' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  city!: string;
}

export class ContactPersonInputDto {
  @ApiProperty({ example: 'J. de Vries' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name!: string;

  @ApiProperty({ example: 'HR-adviseur' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  role!: string;

  @ApiProperty({ example: '078 123 4567' })
  @Transform(trim)
  @MaxLength(20, { message: 'must be at most 20 characters' })
  @IsDutchPhone()
  phone!: string;

  @ApiProperty({ example: 'j.devries@example.nl' })
  @Transform(trim)
  @MaxLength(254, { message: 'must be at most 254 characters' })
  @IsEmail({}, { message: 'must be an e-mail address' })
  email!: string;
}

export class CreateEmployerDto {
  @ApiProperty({ example: 'Distributiecentrum Dordrecht B.V.' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name!: string;

  @ApiProperty({ example: '24123456', description: 'KvK number: exactly 8 digits, unique' })
  @IsString({ message: 'must be text' })
  @Matches(/^[0-9]{8}$/, { message: 'must be exactly 8 digits' })
  kvkNumber!: string;

  @ApiProperty({ example: 'Logistiek' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  sector!: string;

  @ApiProperty({ type: AddressDto })
  // ValidateNested alone takes [] (a list of no addresses) and a missing address.
  @IsObject({ message: 'must be an address' })
  @ValidateNested({ message: 'must be an address' })
  @Type(() => AddressDto)
  address!: AddressDto;

  @ApiPropertyOptional({ type: [ContactPersonInputDto], description: 'The first is the main contact' })
  @Optional()
  @IsArray({ message: 'must be a list of contact persons' })
  @ArrayMaxSize(20, { message: 'may hold at most 20 contact persons' })
  @ValidateNested({ each: true })
  @Type(() => ContactPersonInputDto)
  contacts?: ContactPersonInputDto[];

  @ApiProperty({ format: 'uuid', description: 'An active user with role SALES' })
  @IsUUID('all', { message: 'must be a user id' })
  accountManagerId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Default: the signed-in user's unit" })
  @Optional()
  @IsUUID('all', { message: 'must be a unit id' })
  unitId?: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @Optional()
  @IsString({ message: 'must be text' })
  @MaxLength(4000, { message: 'must be at most 4000 characters' })
  notes?: string;
}

/** Every field but the version is optional; `contacts`, when given, replaces the whole list. */
export class UpdateEmployerDto {
  @ApiProperty({ description: 'The version you read; a stale one gets 409 STALE_VERSION and changes nothing' })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  version!: number;

  @ApiPropertyOptional()
  @Optional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString({ message: 'must be text' })
  @Matches(/^[0-9]{8}$/, { message: 'must be exactly 8 digits' })
  kvkNumber?: string;

  @ApiPropertyOptional()
  @Optional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  sector?: string;

  @ApiPropertyOptional({ type: AddressDto })
  @Optional()
  // ValidateNested alone takes [] (a list of no addresses) and a missing address.
  @IsObject({ message: 'must be an address' })
  @ValidateNested({ message: 'must be an address' })
  @Type(() => AddressDto)
  address?: AddressDto;

  @ApiPropertyOptional({ type: [ContactPersonInputDto] })
  @Optional()
  @IsArray({ message: 'must be a list of contact persons' })
  @ArrayMaxSize(20, { message: 'may hold at most 20 contact persons' })
  @ValidateNested({ each: true })
  @Type(() => ContactPersonInputDto)
  contacts?: ContactPersonInputDto[];

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'must be a user id' })
  accountManagerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'must be a unit id' })
  unitId?: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @Optional()
  @IsString({ message: 'must be text' })
  @MaxLength(4000, { message: 'must be at most 4000 characters' })
  notes?: string;
}

export const EMPLOYER_SORTS = ['name', '-name', 'createdAt', '-createdAt'] as const;
export type EmployerSort = (typeof EMPLOYER_SORTS)[number];

export class EmployerListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the name, or the start of the KvK number' })
  @Optional()
  @IsString({ message: 'must be text' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  q?: string;

  @ApiPropertyOptional({ description: 'Municipality name (part of it) or a 4-digit postcode area' })
  @Optional()
  @IsString({ message: 'must be text' })
  @MaxLength(100, { message: 'must be at most 100 characters' })
  place?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'must be a unit id' })
  unitId?: string;

  @ApiPropertyOptional({ description: 'Archived ones only (true), or active ones only (false, the default)' })
  @Optional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  archived?: boolean;

  @ApiPropertyOptional({ enum: EMPLOYER_SORTS, default: 'name', description: 'A leading - sorts descending' })
  @Optional()
  @IsIn(EMPLOYER_SORTS, { message: `must be one of ${EMPLOYER_SORTS.join(', ')}` })
  sort?: EmployerSort;
}

export class AddressViewDto extends AddressDto {
  @ApiProperty({ example: '3311' })
  pc4!: string;

  @ApiProperty({ example: 'GM0505' })
  municipalityCode!: string;

  @ApiProperty({ example: 'Dordrecht' })
  municipality!: string;

  @ApiProperty({ example: 'AM23' })
  regionCode!: string;

  @ApiProperty({ example: 'Drechtsteden' })
  region!: string;
}

export class ContactPersonDto extends ContactPersonInputDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
}

export class EmployerSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  kvkNumber!: string;

  @ApiProperty()
  sector!: string;

  @ApiProperty({ type: AddressViewDto })
  address!: AddressViewDto;

  @ApiProperty({ format: 'uuid' })
  accountManagerId!: string;

  @ApiProperty({ format: 'uuid' })
  unitId!: string;

  @ApiProperty()
  notes!: string;

  @ApiProperty()
  archived!: boolean;

  @ApiProperty()
  version!: number;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty()
  updatedAt!: Date;
}

export class EmployerDto extends EmployerSummaryDto {
  @ApiProperty({ type: [ContactPersonDto] })
  contacts!: ContactPersonDto[];
}

export class EmployerPageDto {
  @ApiProperty({ type: [EmployerSummaryDto] })
  items!: EmployerSummaryDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  limit!: number;

  @ApiProperty()
  offset!: number;
}
