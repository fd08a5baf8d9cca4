import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { CurrentUser, Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { ConfidentialityStatementsService } from './confidentiality-statements.service';
import {
  ConfidentialityStatementDto,
  ConfidentialityStatementListQuery,
  RecordConfidentialityStatementDto,
} from './dto/confidentiality-statement.dto';

/**
 * Administrators only. A staffing-firm MANAGER may not record them: the statement opens UWV's client
 * data to the firm's staff, so the firm must not grant it to itself; the partnership's administrator
 * records what UWV agreed with the signed paper in hand.
 */
@ApiTags('confidentiality statements')
@Controller('api/confidentiality-statements')
@Roles(Role.ADMIN)
export class ConfidentialityStatementsController {
  constructor(private readonly statements: ConfidentialityStatementsService) {}

  @Get()
  @ApiOkResponse({ type: [ConfidentialityStatementDto] })
  list(
    @CurrentUser() actor: AuthenticatedUser,
    @Query() query: ConfidentialityStatementListQuery,
  ): Promise<ConfidentialityStatementDto[]> {
    return this.statements.list(actor, query);
  }

  @Post()
  @ApiCreatedResponse({ type: ConfidentialityStatementDto })
  @ApiUnprocessableEntityResponse({
    description: 'STATEMENT_FOR_STAFFING_FIRM_ONLY, USER_INACTIVE, UNIT_REQUIRED, STATEMENT_SIGNED_IN_FUTURE, …',
  })
  @ApiConflictResponse({ description: 'STATEMENT_ACTIVE_ALREADY' })
  record(
    @CurrentUser() actor: AuthenticatedUser,
    @Body() body: RecordConfidentialityStatementDto,
  ): Promise<ConfidentialityStatementDto> {
    return this.statements.record(actor, body);
  }

  @Post(':id/revoke')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ConfidentialityStatementDto })
  @ApiNotFoundResponse({ description: 'STATEMENT_NOT_FOUND' })
  @ApiConflictResponse({ description: 'STATEMENT_REVOKED_ALREADY' })
  revoke(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ConfidentialityStatementDto> {
    return this.statements.revoke(actor, id);
  }
}
