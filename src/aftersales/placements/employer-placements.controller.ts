import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { NotFoundError } from '@platform/errors/domain-error';
import { EmployerPlacementDto } from './dto/placement.dto';
import { PlacementsService } from './placements.service';

@ApiTags('placements')
@Controller('api/employers')
export class EmployerPlacementsController {
  constructor(private readonly placements: PlacementsService) {}

  @Get(':id/placements')
  @Roles(Role.SALES, Role.MATCHER, Role.MANAGER, Role.ADMIN)
  @ApiOperation({
    summary: "An employer's placements, newest start first: the jobs, without the clients (none for an unknown id)",
  })
  @ApiOkResponse({ type: [EmployerPlacementDto] })
  forEmployer(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('Employer', 'EMPLOYER_NOT_FOUND') }))
    id: string,
  ): Promise<EmployerPlacementDto[]> {
    return this.placements.forEmployer(id);
  }
}
