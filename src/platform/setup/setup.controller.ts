import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Post, Req, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@platform/http/public.decorator';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@platform/config/app-config';
import { AuthService } from '@identity/auth/auth.service';
import { answerWithTokens } from '@identity/auth/refresh-cookie';
import { TokensDto } from '@identity/auth/dto/auth.dto';
import { FirstAdministratorDto, SetupStatusDto } from './dto/setup.dto';
import { SetupService } from './setup.service';

@ApiTags('setup')
@Controller('api/setup')
export class SetupController {
  constructor(
    private readonly setup: SetupService,
    private readonly auth: AuthService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Whether the first-run set-up is open (no user exists yet)' })
  @ApiOkResponse({ type: SetupStatusDto })
  @ApiGoneResponse({ description: 'SETUP_DONE: there are users; sign in' })
  async status(): Promise<SetupStatusDto> {
    await this.setup.assertOpen();
    return { required: true };
  }

  @Post('administrator')
  @Public()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Create the first administrator with the set-up token printed at start, and sign them in',
  })
  @ApiCreatedResponse({
    type: TokensDto,
    description: 'Signed in as the new administrator (cookie session with X-Session: cookie)',
  })
  @ApiForbiddenResponse({ description: 'SETUP_TOKEN_INVALID' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong tokens from this address; see Retry-After' })
  @ApiGoneResponse({ description: 'SETUP_DONE' })
  async createAdministrator(
    @Body() body: FirstAdministratorDto,
    @Ip() ip: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokensDto> {
    await this.setup.createFirstAdministrator(body, ip);
    const tokens = await this.auth.login(body.email, body.password, ip);
    return answerWithTokens(request, reply, tokens, this.config.get('auth', { infer: true }).refreshTokenTtlSeconds);
  }
}
