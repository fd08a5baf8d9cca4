import { Body, Controller, Get, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
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
import { ClientProgrammeDto, MaxWwExitDto, RecordExitDto } from './dto/exit.dto';
import { ExitsService } from './exits.service';

@ApiTags('max-ww')
@Controller('api/max-ww/exits')
export class ExitsController {
  constructor(private readonly exits: ExitsService) {}

  @Post()
  @Roles(Role.ADVISER, Role.ADMIN)
  @UseGuards(MaxWwTeamGuard)
  @ApiCreatedResponse({
    type: MaxWwExitDto,
    description: "The client's exit from the programme; an open mediation ends on the exit's day",
  })
  @ApiForbiddenResponse({ description: 'NOT_MAX_WW_TEAM: only advisers of UWV or the staffing firm' })
  @ApiNotFoundResponse({ description: 'CANDIDATE_NOT_FOUND (also for a client you may not see)' })
  @ApiConflictResponse({ description: 'EXIT_RECORDED_ALREADY' })
  @ApiUnprocessableEntityResponse({
    description:
      'VALIDATION_FAILED, NOT_A_WW_CLIENT, PLACEMENT_REQUIRED, PLACEMENT_UNKNOWN, PLACEMENT_ONLY_WHEN_PLACED, MEDIATION_END_BEFORE_START',
  })
  record(@CurrentUser() user: AuthenticatedUser, @Body() body: RecordExitDto): Promise<MaxWwExitDto> {
    return this.exits.record(user, body);
  }

  @Get(':candidateId')
  @Roles(Role.ADVISER, Role.ADMIN)
  @ApiOkResponse({
    type: ClientProgrammeDto,
    description: "The client's exit (or null), mediation, hand-over and placements (audited)",
  })
  @ApiNotFoundResponse({ description: 'CANDIDATE_NOT_FOUND (also for a client you may not see)' })
  programme(
    @CurrentUser() user: AuthenticatedUser,
    @Param('candidateId', ParseUUIDPipe) candidateId: string,
  ): Promise<ClientProgrammeDto> {
    return this.exits.programme(user, candidateId);
  }
}
