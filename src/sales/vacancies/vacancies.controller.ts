import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { NotFoundError } from '@platform/errors/domain-error';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { CurrentUser, Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import {
  ChangeVacancyStatusDto,
  CreateVacancyDto,
  OccupationSuggestionDto,
  OpenVacanciesQuery,
  OpenVacancyDto,
  SuggestOccupationQuery,
  UpdateVacancyDto,
  VacancyDto,
  VacancyListQuery,
  VacancyPageDto,
} from './dto/vacancy.dto';
import { VacanciesService } from './vacancies.service';

const VacancyId = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('Vacancy', 'VACANCY_NOT_FOUND') });

const READERS = [Role.SALES, Role.MATCHER, Role.MANAGER, Role.ADMIN];
/** Advisers read OPEN vacancies too (to offer them to their clients); the service keeps them to those. */
const READERS_WITH_ADVISERS = [...READERS, Role.ADVISER];
const EDITORS = [Role.SALES, Role.ADMIN];

@ApiTags('vacancies')
@Controller('api/vacancies')
export class VacanciesController {
  constructor(private readonly vacancies: VacanciesService) {}

  @Get('suggest-occupation')
  @Roles(...READERS)
  @ApiOperation({ summary: 'ESCO occupations for a vacancy title as typed, best first' })
  @ApiOkResponse({ type: [OccupationSuggestionDto] })
  suggestOccupation(@Query() query: SuggestOccupationQuery): OccupationSuggestionDto[] {
    return this.vacancies.suggestOccupations(query.title, query.limit);
  }

  @Get('open')
  @Roles(...READERS)
  @ApiOperation({ summary: "Stand-up list: a unit's open vacancies, newest first, with days open and positions left" })
  @ApiOkResponse({ type: [OpenVacancyDto] })
  open(@CurrentUser() actor: AuthenticatedUser, @Query() query: OpenVacanciesQuery): Promise<OpenVacancyDto[]> {
    const { unitId, ...filters } = query;
    return this.vacancies.openForUnit(unitId ?? actor.unitId, filters);
  }

  @Post()
  @Roles(...EDITORS)
  @ApiOperation({ summary: 'Enter a vacancy as DRAFT (salesmanagers: in their own unit)' })
  @ApiCreatedResponse({ type: VacancyDto })
  @ApiUnprocessableEntityResponse({
    description: 'Invalid fields, POSTCODE_UNKNOWN, CERTIFICATE_NOT_SELECTABLE, EMPLOYER_UNKNOWN',
  })
  @ApiConflictResponse({ description: 'EMPLOYER_ARCHIVED' })
  create(@CurrentUser() actor: AuthenticatedUser, @Body() body: CreateVacancyDto): Promise<VacancyDto> {
    return this.vacancies.create(actor, body);
  }

  @Get()
  @Roles(...READERS_WITH_ADVISERS)
  @ApiOperation({
    summary: 'Vacancies by status, unit, employer, occupation, region and text; newest first (advisers: OPEN only)',
  })
  @ApiOkResponse({ type: VacancyPageDto })
  list(@CurrentUser() actor: AuthenticatedUser, @Query() query: VacancyListQuery): Promise<VacancyPageDto> {
    return this.vacancies.list(query, actor);
  }

  @Get(':id')
  @Roles(...READERS_WITH_ADVISERS)
  @ApiOkResponse({ type: VacancyDto })
  @ApiNotFoundResponse({ description: 'VACANCY_NOT_FOUND' })
  @ApiForbiddenResponse({ description: 'NOT_ALLOWED: an adviser reads OPEN vacancies only' })
  get(@CurrentUser() actor: AuthenticatedUser, @Param('id', VacancyId) id: string): Promise<VacancyDto> {
    return this.vacancies.get(actor, id);
  }

  @Patch(':id')
  @Roles(...EDITORS)
  @ApiOperation({ summary: 'Change a vacancy; needs the version you read' })
  @ApiOkResponse({ type: VacancyDto })
  @ApiNotFoundResponse({ description: 'VACANCY_NOT_FOUND' })
  @ApiConflictResponse({ description: 'STALE_VERSION (nothing changed), VACANCY_CLOSED' })
  update(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', VacancyId) id: string,
    @Body() body: UpdateVacancyDto,
  ): Promise<VacancyDto> {
    return this.vacancies.update(actor, id, body);
  }

  @Post(':id/status')
  @HttpCode(HttpStatus.OK)
  @Roles(...EDITORS)
  @ApiOperation({
    summary: 'Move a vacancy: DRAFT→OPEN|CLOSED, OPEN→ON_HOLD|FILLED|CLOSED, ON_HOLD→OPEN|CLOSED',
  })
  @ApiOkResponse({ type: VacancyDto })
  @ApiNotFoundResponse({ description: 'VACANCY_NOT_FOUND' })
  @ApiConflictResponse({ description: 'VACANCY_TRANSITION_INVALID (details: from, to), VACANCY_CLOSED, STALE_VERSION' })
  changeStatus(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', VacancyId) id: string,
    @Body() body: ChangeVacancyStatusDto,
  ): Promise<VacancyDto> {
    return this.vacancies.changeStatus(actor, id, body.status, body.version);
  }
}
