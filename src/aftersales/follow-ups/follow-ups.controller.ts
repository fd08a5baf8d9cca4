import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { CurrentUser, Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import {
  FollowUpAssignDto,
  FollowUpCallerDto,
  FollowUpDto,
  FollowUpListQuery,
  FollowUpOutcomeDto,
} from './dto/follow-up.dto';
import { FollowUpCallsService } from './follow-up-calls.service';

@ApiTags('follow-ups')
@Controller('api/follow-ups')
export class FollowUpsController {
  constructor(private readonly calls: FollowUpCallsService) {}

  @Get()
  @Roles(Role.AFTERSALES, Role.ADMIN)
  @ApiOkResponse({ type: [FollowUpDto], description: 'Overdue first, then by due moment; at most 200' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: FollowUpListQuery): Promise<FollowUpDto[]> {
    return this.calls.list(user, query);
  }

  @Get('callers')
  @Roles(Role.AFTERSALES, Role.ADMIN)
  @ApiOkResponse({
    type: [FollowUpCallerDto],
    description: 'The active aftersales users of your unit, to assign calls to',
  })
  callers(@CurrentUser() user: AuthenticatedUser): Promise<FollowUpCallerDto[]> {
    return this.calls.callers(user);
  }

  @Get(':id')
  @Roles(Role.AFTERSALES, Role.ADMIN)
  @ApiOkResponse({ type: FollowUpDto })
  @ApiNotFoundResponse({ description: 'FOLLOW_UP_NOT_FOUND (also a client call of a client you may not see)' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<FollowUpDto> {
    return this.calls.get(user, id);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Roles(Role.AFTERSALES, Role.ADMIN)
  @ApiOkResponse({ type: FollowUpDto })
  @ApiNotFoundResponse({ description: 'FOLLOW_UP_NOT_FOUND' })
  @ApiConflictResponse({ description: 'FOLLOW_UP_NOT_DUE, FOLLOW_UP_CLAIMED' })
  claim(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<FollowUpDto> {
    return this.calls.claim(user, id);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles(Role.AFTERSALES, Role.ADMIN)
  @ApiOkResponse({ type: FollowUpDto })
  @ApiNotFoundResponse({ description: 'FOLLOW_UP_NOT_FOUND' })
  @ApiConflictResponse({ description: 'FOLLOW_UP_NOT_DUE (done, missed or cancelled)' })
  @ApiUnprocessableEntityResponse({ description: 'VALIDATION_FAILED' })
  assign(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FollowUpAssignDto,
  ): Promise<FollowUpDto> {
    return this.calls.assign(user, id, body);
  }

  @Post(':id/outcome')
  @HttpCode(200)
  @Roles(Role.AFTERSALES, Role.ADMIN)
  @ApiOkResponse({ type: FollowUpDto })
  @ApiNotFoundResponse({ description: 'FOLLOW_UP_NOT_FOUND' })
  @ApiConflictResponse({ description: 'FOLLOW_UP_NOT_DUE, FOLLOW_UP_CLAIMED, PLACEMENT_ENDED_ALREADY' })
  @ApiUnprocessableEntityResponse({ description: 'VALIDATION_FAILED' })
  recordOutcome(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FollowUpOutcomeDto,
  ): Promise<FollowUpDto> {
    return this.calls.recordOutcome(user, id, body);
  }
}
