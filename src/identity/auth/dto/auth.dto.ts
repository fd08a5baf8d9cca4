import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { trimLowerCase } from '@platform/http/dto-transforms';
import { Optional } from '@platform/http/optional';

export class LoginDto {
  @ApiProperty({ example: 'matcher.uwv@example.org' })
  @Transform(trimLowerCase)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  email!: string;

  @ApiProperty({ writeOnly: true })
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  password!: string;
}

export class RefreshDto {
  @ApiPropertyOptional({
    description:
      'The refresh token from login or the previous refresh; omitted in a cookie session (X-Session: cookie)',
  })
  @Optional()
  @IsString({ message: 'must be text' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  refreshToken?: string;
}

export class TokensDto {
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Short-lived JWT for the Authorization header' }) accessToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiPropertyOptional({
    description:
      'Exchange at /api/auth/refresh for new tokens; single use. Absent in a cookie session (X-Session: cookie)',
  })
  refreshToken?: string;
}
