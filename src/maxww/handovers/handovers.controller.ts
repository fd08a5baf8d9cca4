import { Body, Controller, Get, Param, ParseUUIDPipe, Post, UseGuards, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { CurrentUser, Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { MaxWwTeamGuard } from '@maxww/max-ww-team';
import { CreateHandoverDto, HandoverDto, HandoverListItemDto, HandoverListQuery } from './dto/handover.dto';
import { HandoversService } from './handovers.service';

@ApiTags('max-ww')
@Controller('api/max-ww/handovers')
export class HandoversController {
  constructor(private readonly handovers: HandoversService) {}

  @Post()
  @Roles(Role.ADVISER, Role.ADMIN)
  @UseGuards(MaxWwTeamGuard)
  @ApiCreatedResponse({ type: HandoverDto, description: 'The hand-over to the social service (audited)' })
  @ApiForbiddenResponse({ description: 'NOT_MAX_WW_TEAM: only advisers of UWV or the staffing firm' })
  @ApiNotFoundResponse({ description: 'CANDIDATE_NOT_FOUND (also for a client you may not see)' })
  @ApiConflictResponse({ description: 'HANDOVER_EXISTS: one hand-over per client' })
  @ApiUnprocessableEntityResponse({
    description: 'VALIDATION_FAILED, NOT_A_WW_CLIENT, CONSENT_MISSING, ADVISER_INVALID',
  })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateHandoverDto): Promise<HandoverDto> {
    return this.handovers.create(user, body);
  }

  @Get()
  @Roles(Role.ADVISER, Role.ADMIN)
  @ApiOkResponse({
    type: [HandoverListItemDto],
    description: 'The hand-overs you may see: not yet linked first, then the WW ending soonest (audited)',
  })
  @ApiUnprocessableEntityResponse({ description: 'VALIDATION_FAILED' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: HandoverListQuery): Promise<HandoverListItemDto[]> {
    return this.handovers.list(user, query);
  }

  @Get(':id')
  @Roles(Role.ADVISER, Role.ADMIN)
  @ApiOkResponse({ type: HandoverDto, description: "One hand-over with the client's current proposals (audited)" })
  @ApiNotFoundResponse({ description: 'HANDOVER_NOT_FOUND (also for a client you may not see)' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<HandoverDto> {
    return this.handovers.get(user, id);
  }
}
