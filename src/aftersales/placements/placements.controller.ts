import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { CurrentUser, Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { RequestValidationError } from '@platform/errors/domain-error';
import {
  CreatePlacementDto,
  EndPlacementDto,
  PlacementDto,
  PlacementOptionsDto,
  PlacementOptionsQuery,
  RegisterHoursDto,
} from './dto/placement.dto';
import { PlacementsService } from './placements.service';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

@ApiTags('placements')
@Controller('api/placements')
export class PlacementsController {
  constructor(private readonly placements: PlacementsService) {}

  @Post()
  @Roles(Role.MATCHER, Role.ADMIN)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A repeat with the same key and body returns the first answer and creates nothing',
  })
  @ApiCreatedResponse({ type: PlacementDto })
  @ApiNotFoundResponse({ description: 'PROPOSAL_NOT_FOUND' })
  @ApiConflictResponse({
    description:
      'PROPOSAL_TRANSITION_INVALID (not at INTERVIEW), VACANCY_NOT_OPEN (details.status: only an OPEN vacancy ' +
      'takes a placement), NO_POSITION_LEFT (an OPEN vacancy with 0 positions left); nothing is written',
  })
  @ApiUnprocessableEntityResponse({
    description: 'IDEMPOTENCY_KEY_REUSED, INSTRUMENT_NOT_ACCEPTED, INSTRUMENT_NOT_ALLOWED, VALIDATION_FAILED',
  })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreatePlacementDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlacementDto> {
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw new RequestValidationError({ 'Idempotency-Key': 'must be 1 to 200 visible ASCII characters' });
    }
    const answer = await this.placements.place(user, body, key);
    void reply.status(answer.status);
    if (answer.replayed) void reply.header('Idempotent-Replayed', 'true');
    return answer.body;
  }

  @Get('options')
  @Roles(Role.MATCHER, Role.ADMIN)
  @ApiOkResponse({
    type: PlacementOptionsDto,
    description: 'The instruments the vacancy accepts: whether each may go with these terms, why not, its amount',
  })
  @ApiNotFoundResponse({ description: 'PROPOSAL_NOT_FOUND (also when you may not see the candidate)' })
  options(@CurrentUser() user: AuthenticatedUser, @Query() query: PlacementOptionsQuery): Promise<PlacementOptionsDto> {
    return this.placements.options(user, query);
  }

  @Get(':id')
  @Roles(Role.MATCHER, Role.SALES, Role.MANAGER, Role.AFTERSALES, Role.ADMIN)
  @ApiOkResponse({ type: PlacementDto })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<PlacementDto> {
    return this.placements.get(user, id);
  }

  @Post(':id/hours')
  @HttpCode(200)
  @Roles(Role.MATCHER, Role.AFTERSALES, Role.ADMIN)
  @ApiOkResponse({ type: PlacementDto, description: 'Hours added; the Uitzendeuro follows (at most 500 h)' })
  registerHours(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RegisterHoursDto,
  ): Promise<PlacementDto> {
    return this.placements.registerHours(user, id, body);
  }

  @Post(':id/end')
  @HttpCode(200)
  @Roles(Role.MATCHER, Role.AFTERSALES, Role.ADMIN)
  @ApiOkResponse({
    type: PlacementDto,
    description:
      'Ended; the candidate is active again. Ended before the last follow-up milestone, the position goes back ' +
      'to the vacancy (a FILLED one opens again) unless it is CLOSED',
  })
  @ApiConflictResponse({ description: 'PLACEMENT_ENDED_ALREADY' })
  end(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EndPlacementDto,
  ): Promise<PlacementDto> {
    return this.placements.end(user, id, body);
  }
}
