import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { DurabilityReportDto, DurabilityReportQuery } from './dto/durability-report.dto';
import { DurabilityReportService } from './durability-report.service';

@ApiTags('reports')
@Controller('api/reports')
export class DurabilityReportController {
  constructor(private readonly durability: DurabilityReportService) {}

  @Get('durability')
  @Roles(Role.MANAGER, Role.ADMIN)
  @ApiOkResponse({
    type: DurabilityReportDto,
    description:
      'Per start-month cohort and follow-up milestone: placements still working, stopped, unknown and pending, ' +
      'and how many were reached; definitions in the README',
  })
  report(@Query() query: DurabilityReportQuery): Promise<DurabilityReportDto> {
    return this.durability.report(query);
  }
}
