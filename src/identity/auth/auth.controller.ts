import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AppConfig } from '@platform/config/app-config';
import { Public } from '@platform/http/public.decorator';
import { UserDto } from '@identity/users/dto/user.dto';
import { UsersService } from '@identity/users/users.service';
import { AuthService } from './auth.service';
import { AuthenticatedUser } from './authenticated-user';
import { LoginDto, RefreshDto, TokensDto } from './dto/auth.dto';
import { AnyRole, CurrentUser } from './roles.decorator';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TokensDto })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail address or password (the same answer for both)' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed logins for this e-mail address or IP; see Retry-After' })
  login(@Body() body: LoginDto, @Ip() ip: string): Promise<TokensDto> {
    return this.auth.login(body.email, body.password, ip);
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TokensDto, description: 'New tokens; the refresh token presented is used up' })
  @ApiUnauthorizedResponse({ description: 'Unknown, expired, revoked or already used refresh token' })
  refresh(@Body() body: RefreshDto): Promise<TokensDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The refresh token is revoked (also when it was not valid: nothing to learn)' })
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @Get('me')
  @AnyRole()
  @ApiOkResponse({ type: UserDto })
  async me(@CurrentUser() user: AuthenticatedUser): Promise<UserDto> {
    const profile = await this.users.read(user, user.id, 'own profile');
    return UserDto.of(profile, this.config.get('organisationNames', { infer: true }));
  }
}
