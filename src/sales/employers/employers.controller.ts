import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
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
  CreateEmployerDto,
  EmployerDto,
  EmployerListQuery,
  EmployerPageDto,
  EmployerSummaryDto,
  UpdateEmployerDto,
} from './dto/employer.dto';
import { EmployersService } from './employers.service';

// An id that is not a uuid cannot name an employer: answer as for any unknown id.
const EmployerId = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('Employer', 'EMPLOYER_NOT_FOUND') });

const READERS = [Role.SALES, Role.MATCHER, Role.MANAGER, Role.ADMIN];
const EDITORS = [Role.SALES, Role.ADMIN];

@ApiTags('employers')
@Controller('api/employers')
export class EmployersController {
  constructor(private readonly employers: EmployersService) {}

  @Post()
  @Roles(...EDITORS)
  @ApiOperation({ summary: 'Register an employer (salesmanagers: in their own unit)' })
  @ApiCreatedResponse({ type: EmployerDto })
  @ApiUnprocessableEntityResponse({
    description: 'Invalid fields, POSTCODE_UNKNOWN, UNIT_UNKNOWN, ACCOUNT_MANAGER_INVALID',
  })
  @ApiConflictResponse({ description: 'KVK_NUMBER_TAKEN' })
  create(@CurrentUser() actor: AuthenticatedUser, @Body() body: CreateEmployerDto): Promise<EmployerDto> {
    return this.employers.create(actor, body);
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Search employers by name or KvK number (q) and place; without contact persons' })
  @ApiOkResponse({ type: EmployerPageDto })
  list(@Query() query: EmployerListQuery): Promise<EmployerPageDto> {
    return this.employers.list(query);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One employer with its contact persons (the read is audited)' })
  @ApiOkResponse({ type: EmployerDto })
  @ApiNotFoundResponse({ description: 'EMPLOYER_NOT_FOUND' })
  get(@CurrentUser() actor: AuthenticatedUser, @Param('id', EmployerId) id: string): Promise<EmployerDto> {
    return this.employers.read(actor, id, 'employer details');
  }

  @Patch(':id')
  @Roles(...EDITORS)
  @ApiOperation({ summary: 'Change an employer; `contacts` replaces the list; needs the version you read' })
  @ApiOkResponse({ type: EmployerDto })
  @ApiNotFoundResponse({ description: 'EMPLOYER_NOT_FOUND' })
  @ApiConflictResponse({ description: 'STALE_VERSION (nothing changed), KVK_NUMBER_TAKEN' })
  update(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', EmployerId) id: string,
    @Body() body: UpdateEmployerDto,
  ): Promise<EmployerDto> {
    return this.employers.update(actor, id, body);
  }

  @Post(':id/archive')
  @HttpCode(HttpStatus.OK)
  @Roles(...EDITORS)
  @ApiOperation({ summary: 'Archive an employer: hidden from searches, no new vacancies' })
  @ApiOkResponse({ type: EmployerSummaryDto })
  @ApiNotFoundResponse({ description: 'EMPLOYER_NOT_FOUND' })
  archive(@CurrentUser() actor: AuthenticatedUser, @Param('id', EmployerId) id: string): Promise<EmployerSummaryDto> {
    return this.employers.setArchived(actor, id, true);
  }

  @Post(':id/unarchive')
  @HttpCode(HttpStatus.OK)
  @Roles(...EDITORS)
  @ApiOperation({ summary: 'Bring an archived employer back' })
  @ApiOkResponse({ type: EmployerSummaryDto })
  @ApiNotFoundResponse({ description: 'EMPLOYER_NOT_FOUND' })
  unarchive(@CurrentUser() actor: AuthenticatedUser, @Param('id', EmployerId) id: string): Promise<EmployerSummaryDto> {
    return this.employers.setArchived(actor, id, false);
  }
}
