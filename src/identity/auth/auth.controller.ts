import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Post, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { FastifyReply, FastifyRequest } from 'fastify';
import {
  ApiHeader,
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
import { RefreshTokenInvalidError } from '@identity/identity.errors';
import {
  answerWithTokens,
  clearRefreshCookie,
  refreshTokenFromCookie,
  wantsCookieSession,
  WEB_SESSION_HEADER,
} from './refresh-cookie';

const COOKIE_SESSION_HEADER = {
  name: WEB_SESSION_HEADER,
  required: false,
  description:
    '`cookie`: the refresh token goes in (and comes from) an HttpOnly cookie on /api/auth instead of the JSON body (the web app)',
};

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
  @ApiHeader(COOKIE_SESSION_HEADER)
  @ApiOkResponse({ type: TokensDto, description: 'With `X-Session: cookie` the refresh token is set as a cookie' })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail address or password (the same answer for both)' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed logins for this e-mail address or IP; see Retry-After' })
  async login(
    @Body() body: LoginDto,
    @Ip() ip: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokensDto> {
    return this.answer(request, reply, await this.auth.login(body.email, body.password, ip));
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiHeader(COOKIE_SESSION_HEADER)
  @ApiOkResponse({ type: TokensDto, description: 'New tokens; the refresh token presented is used up' })
  @ApiUnauthorizedResponse({ description: 'Unknown, expired, revoked or already used refresh token' })
  async refresh(
    @Body() body: RefreshDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokensDto> {
    const presented = this.presentedToken(body, request);
    try {
      return this.answer(request, reply, await this.auth.refresh(presented));
    } catch (error) {
      // A cookie that no longer works is dropped, so the browser stops sending it.
      if (error instanceof RefreshTokenInvalidError && !body.refreshToken) clearRefreshCookie(request, reply);
      throw error;
    }
  }

  @Post('logout')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiHeader(COOKIE_SESSION_HEADER)
  @ApiNoContentResponse({ description: 'The refresh token is revoked (also when it was not valid: nothing to learn)' })
  async logout(
    @Body() body: RefreshDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const presented = this.presentedToken(body, request);
    if (!body.refreshToken) clearRefreshCookie(request, reply);
    await this.auth.logout(presented);
  }

  @Get('me')
  @AnyRole()
  @ApiOkResponse({ type: UserDto })
  async me(@CurrentUser() user: AuthenticatedUser): Promise<UserDto> {
    const profile = await this.users.read(user, user.id, 'own profile');
    return UserDto.of(profile, this.config.get('organisationNames', { infer: true }));
  }

  /** The JSON body's token (API clients) or, for the web app that asks with X-Session, the cookie's. */
  private presentedToken(body: RefreshDto, request: FastifyRequest): string {
    if (body.refreshToken) return body.refreshToken;
    const fromCookie = wantsCookieSession(request) ? refreshTokenFromCookie(request) : undefined;
    if (!fromCookie) throw new RefreshTokenInvalidError();
    return fromCookie;
  }

  private answer(request: FastifyRequest, reply: FastifyReply, tokens: TokensDto): TokensDto {
    return answerWithTokens(request, reply, tokens, this.config.get('auth', { infer: true }).refreshTokenTtlSeconds);
  }
}
