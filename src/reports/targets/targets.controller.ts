import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { AnyRole, CurrentUser, Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import {
  SetTargetDto,
  TargetDto,
  TargetHistoryDto,
  TargetPeriodParams,
  TargetsOverviewDto,
  TargetsQuery,
} from './dto/target.dto';
import { TargetsService } from './targets.service';

@ApiTags('reports')
@Controller('api/targets')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @Get()
  @AnyRole()
  @ApiOkResponse({
    type: TargetsOverviewDto,
    description:
      "Every unit's group target for the period (default: this quarter) with its progress and forecast, and " +
      'the period before with its target and result. Figures only: the targets hang on the wall',
  })
  overview(@Query() query: TargetsQuery): Promise<TargetsOverviewDto> {
    return this.targets.overview(query.period);
  }

  @Put(':unitId/:period')
  @Roles(Role.MANAGER, Role.ADMIN)
  @ApiOkResponse({ type: TargetDto, description: 'Sets or changes the target; the earlier version is kept' })
  @ApiNotFoundResponse({ description: 'UNIT_NOT_FOUND' })
  @ApiConflictResponse({ description: 'STALE_VERSION: the target changed since you read it' })
  @ApiUnprocessableEntityResponse({ description: 'VALIDATION_FAILED' })
  set(
    @CurrentUser() user: AuthenticatedUser,
    @Param() params: TargetPeriodParams,
    @Body() body: SetTargetDto,
  ): Promise<TargetDto> {
    return this.targets.set(user, params.unitId, params.period, body);
  }

  @Get(':unitId/:period/history')
  @Roles(Role.MANAGER, Role.ADMIN)
  @ApiOkResponse({ type: TargetHistoryDto, description: 'Every version of the target, who set it and when' })
  @ApiNotFoundResponse({ description: 'UNIT_NOT_FOUND' })
  history(@Param() params: TargetPeriodParams): Promise<TargetHistoryDto> {
    return this.targets.history(params.unitId, params.period);
  }
}
