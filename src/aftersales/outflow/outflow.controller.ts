import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { CurrentUser, Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { PlacementOutflowDto, RecordOutflowDto } from './dto/outflow.dto';
import { OutflowService } from './outflow.service';

@ApiTags('placements')
@Controller('api/placements/:id/outflow')
export class OutflowController {
  constructor(private readonly outflow: OutflowService) {}

  @Get()
  @Roles(Role.ADVISER, Role.MANAGER, Role.ADMIN)
  @ApiOkResponse({ type: PlacementOutflowDto, description: 'The current outflow record and every earlier one' })
  @ApiNotFoundResponse({ description: 'PLACEMENT_NOT_FOUND (also for a client you may not see)' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<PlacementOutflowDto> {
    return this.outflow.get(user, id);
  }

  @Put()
  @Roles(Role.ADVISER, Role.ADMIN)
  @ApiOkResponse({
    type: PlacementOutflowDto,
    description:
      "Records whether and when the benefit stopped; an adviser of the pool's organisation (UWV for WW, the " +
      'municipality for Bijstand) or an administrator. Earlier records are kept',
  })
  @ApiNotFoundResponse({ description: 'PLACEMENT_NOT_FOUND (also for a client you may not see)' })
  @ApiConflictResponse({ description: 'STALE_VERSION: recorded by someone else at the same moment' })
  @ApiUnprocessableEntityResponse({ description: 'VALIDATION_FAILED' })
  record(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RecordOutflowDto,
  ): Promise<PlacementOutflowDto> {
    return this.outflow.record(user, id, body);
  }
}
