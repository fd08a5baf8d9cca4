import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { CurrentUser, Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { RegisterFilterQuery, RegisterPageDto, RegisterQuery } from './dto/register.dto';
import { RegisterService } from './register.service';

@ApiTags('reports')
@Controller('api/placements')
export class RegisterController {
  constructor(private readonly register: RegisterService) {}

  @Get()
  @Roles(Role.MANAGER, Role.ADVISER, Role.ADMIN)
  @ApiOkResponse({
    type: RegisterPageDto,
    description:
      'The placements register: placements starting in the period (default this year to date), filtered, sorted ' +
      'and paged; only clients you may see are listed (each one audited), the rest counted in notVisible',
  })
  @ApiUnprocessableEntityResponse({ description: 'VALIDATION_FAILED: a bad filter, sort or period' })
  page(@CurrentUser() user: AuthenticatedUser, @Query() query: RegisterQuery): Promise<RegisterPageDto> {
    return this.register.page(user, query);
  }

  @Get('export')
  @Roles(Role.MANAGER, Role.ADMIN)
  @ApiProduces('text/csv')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({
    description:
      'The register with the same filters and sort as CSV for Excel (UTF-8 with BOM, ; separated, Dutch headers, ' +
      'formulas neutralised); no BSN, no contact details; every client in it is audited as exported. At most ' +
      '10,000 placements (422 EXPORT_TOO_LARGE)',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiUnprocessableEntityResponse({ description: 'VALIDATION_FAILED, EXPORT_TOO_LARGE' })
  async export(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: RegisterFilterQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { period, csv } = await this.register.csv(user, query);
    void reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="plaatsingen-${period.from}-${period.to}.csv"`);
    return csv;
  }
}
