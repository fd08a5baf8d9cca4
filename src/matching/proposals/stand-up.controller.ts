import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { CurrentUser, Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { StandUpCountsDto, StandUpCountsQuery } from './dto/stand-up.dto';
import { StandUpService } from './stand-up.service';

@ApiTags('vacancies')
@Controller('api/vacancies/open')
export class StandUpController {
  constructor(private readonly standUp: StandUpService) {}

  @Get('counts')
  @Roles(Role.SALES, Role.MATCHER, Role.MANAGER, Role.ADMIN)
  @ApiOperation({ summary: 'Per open vacancy of a unit: candidates meeting every requirement, and proposed' })
  @ApiOkResponse({ type: [StandUpCountsDto] })
  counts(@CurrentUser() user: AuthenticatedUser, @Query() query: StandUpCountsQuery): Promise<StandUpCountsDto[]> {
    return this.standUp.counts(user, query.unitId ?? user.unitId);
  }
}
