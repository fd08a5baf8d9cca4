import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { MaxWwCohortsDto, MaxWwCohortsQuery } from './dto/max-ww-cohorts.dto';
import { MaxWwCohortsService } from './max-ww-cohorts.service';

@ApiTags('reports')
@Controller('api/reports/max-ww-cohorts')
export class MaxWwCohortsController {
  constructor(private readonly cohorts: MaxWwCohortsService) {}

  @Get()
  @Roles(Role.MANAGER, Role.ADVISER, Role.ADMIN)
  @ApiOkResponse({ type: MaxWwCohortsDto, description: 'Counts per intake month and in total (nobody named)' })
  @ApiUnprocessableEntityResponse({ description: 'VALIDATION_FAILED (a month, from after to, more than 60 months)' })
  report(@Query() query: MaxWwCohortsQuery): Promise<MaxWwCohortsDto> {
    return this.cohorts.report(query);
  }
}
