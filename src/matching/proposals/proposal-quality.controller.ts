import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { ProposalQualityDto, ProposalQualityQuery } from './dto/proposal-quality.dto';
import { ProposalQualityService } from './proposal-quality.service';

@ApiTags('reports')
@Controller('api/reports')
export class ProposalQualityController {
  constructor(private readonly quality: ProposalQualityService) {}

  @Get('proposal-quality')
  @Roles(Role.MATCHER, Role.SALES, Role.MANAGER, Role.ADMIN)
  @ApiOkResponse({
    type: ProposalQualityDto,
    description:
      'Proposals, interviews, placements and proposals per placement, in total and per vacancy, matcher and unit',
  })
  report(@Query() query: ProposalQualityQuery): Promise<ProposalQualityDto> {
    return this.quality.report(query);
  }
}
