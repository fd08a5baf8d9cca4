import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AnyRole } from '@identity/auth/roles.decorator';
import { DashboardDto, DashboardQuery, WallBoardDto, WallBoardParams } from './dto/dashboard.dto';
import { DashboardService } from './dashboard.service';

/** Figures with no client named: at Drechtsteden the targets and results hang on the wall for everyone. */
@ApiTags('reports')
@Controller('api/reports')
export class DashboardController {
  constructor(private readonly dashboards: DashboardService) {}

  @Get('dashboard')
  @AnyRole()
  @ApiOkResponse({
    type: DashboardDto,
    description:
      'Every figure of the managers’ dashboard for a unit or the whole partnership and a period (default this ' +
      'year to date): placements per month, unit and target group with SROI share, placements against target ' +
      'with forecast, durability per start-month cohort, proposals per placement, outflow; definitions in the README',
  })
  @ApiNotFoundResponse({ description: 'UNIT_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'VALIDATION_FAILED: a bad period or unit id' })
  dashboard(@Query() query: DashboardQuery): Promise<DashboardDto> {
    return this.dashboards.dashboard(query);
  }

  @Get('wall-board/:unitId')
  @AnyRole()
  @ApiOkResponse({
    type: WallBoardDto,
    description: 'One unit’s figures for the wall: this quarter and year against target, outflow, SROI, durability',
  })
  @ApiNotFoundResponse({ description: 'UNIT_NOT_FOUND' })
  wallBoard(@Param() params: WallBoardParams): Promise<WallBoardDto> {
    return this.dashboards.wallBoard(params.unitId);
  }
}
