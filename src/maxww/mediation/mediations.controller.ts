import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { CurrentUser, Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { MaxWwTeamGuard } from '@maxww/max-ww-team';
import {
  ContactDto,
  CreateContactDto,
  CreateMediationDto,
  EndMediationDto,
  MediationDetailDto,
  MediationListQuery,
  MediationPageDto,
  OverdueDto,
  OverdueQuery,
} from './dto/mediation.dto';
import { MediationsService } from './mediations.service';

const MediationId = new ParseUUIDPipe();

/** The Max-WW team works the mediations (advisers of UWV and the staffing firm); managers read the lists. */
@ApiTags('max-ww')
@Controller('api/max-ww/mediations')
@UseGuards(MaxWwTeamGuard)
export class MediationsController {
  constructor(private readonly mediations: MediationsService) {}

  @Post()
  @Roles(Role.ADVISER, Role.ADMIN)
  @ApiOperation({
    summary: 'Take a WW client into mediation: adviser, start, agreement; planned end = start + 3 months',
  })
  @ApiCreatedResponse({ type: MediationDetailDto })
  @ApiNotFoundResponse({ description: 'CANDIDATE_NOT_FOUND (also when you may not see the client)' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid fields, NOT_A_WW_CLIENT, ADVISER_NOT_MAX_WW' })
  @ApiConflictResponse({
    description: 'MEDIATION_EXISTS, ROUTE_NOT_MAX_WW_ADVISER (the triage sent the client elsewhere)',
  })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateMediationDto): Promise<MediationDetailDto> {
    return this.mediations.create(user, body);
  }

  @Get()
  @Roles(Role.ADVISER, Role.MANAGER, Role.ADMIN)
  @ApiOperation({ summary: 'Mediations (an adviser: mine by default), open ones first, soonest contact due first' })
  @ApiOkResponse({ type: MediationPageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: MediationListQuery): Promise<MediationPageDto> {
    return this.mediations.list(user, query);
  }

  @Get('overdue')
  @Roles(Role.ADVISER, Role.MANAGER, Role.ADMIN)
  @ApiOperation({ summary: 'Open mediations whose next contact was due before today, per adviser, most overdue first' })
  @ApiOkResponse({ type: OverdueDto })
  overdue(@CurrentUser() user: AuthenticatedUser, @Query() query: OverdueQuery): Promise<OverdueDto> {
    return this.mediations.overdue(user, query.adviser);
  }

  @Get(':id')
  @Roles(Role.ADVISER, Role.ADMIN)
  @ApiOkResponse({ type: MediationDetailDto, description: 'With the contact log and the vacancies offered' })
  @ApiNotFoundResponse({ description: 'MEDIATION_NOT_FOUND (also when you may not see the client)' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', MediationId) id: string): Promise<MediationDetailDto> {
    return this.mediations.get(user, id);
  }

  @Post(':id/contacts')
  @Roles(Role.ADVISER, Role.ADMIN)
  @ApiOperation({ summary: 'Log a contact; the next contact is due two weeks later unless you say otherwise' })
  @ApiCreatedResponse({ type: ContactDto })
  @ApiNotFoundResponse({ description: 'MEDIATION_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid fields (a contact before the start or after today)' })
  @ApiConflictResponse({ description: 'MEDIATION_ENDED' })
  addContact(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', MediationId) id: string,
    @Body() body: CreateContactDto,
  ): Promise<ContactDto> {
    return this.mediations.addContact(user, id, body);
  }

  @Post(':id/end')
  @HttpCode(200)
  @Roles(Role.ADVISER, Role.ADMIN)
  @ApiOperation({
    summary:
      "End the mediation without an exit, with a reason (the client's choice, three months over, other); an exit ends it too",
  })
  @ApiOkResponse({ type: MediationDetailDto })
  @ApiNotFoundResponse({ description: 'MEDIATION_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid fields, MEDIATION_END_BEFORE_START' })
  @ApiConflictResponse({ description: 'MEDIATION_ENDED, STALE_VERSION' })
  end(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', MediationId) id: string,
    @Body() body: EndMediationDto,
  ): Promise<MediationDetailDto> {
    return this.mediations.end(user, id, body);
  }
}
