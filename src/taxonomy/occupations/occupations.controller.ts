import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AnyRole } from '@identity/auth/roles.decorator';
import { SearchQueryDto } from '@taxonomy/search/search-query.dto';
import { OccupationDetailsDto } from './dto/occupation-details.dto';
import { OccupationIdDto } from './dto/occupation-id.dto';
import { OccupationMatchDto } from './dto/occupation-match.dto';
import { OccupationsService } from './occupations.service';

@ApiTags('taxonomy')
@Controller('api/occupations')
export class OccupationsController {
  constructor(private readonly occupations: OccupationsService) {}

  @Get('search')
  @AnyRole()
  @ApiOperation({ summary: 'ESCO occupations for a free Dutch job title, best first' })
  @ApiOkResponse({ type: [OccupationMatchDto] })
  @ApiUnprocessableEntityResponse({ description: 'q empty or too long, limit out of 1..50' })
  search(@Query() query: SearchQueryDto): OccupationMatchDto[] {
    return this.occupations.search(query.q, query.limit);
  }

  @Get(':id')
  @AnyRole()
  @ApiOperation({ summary: 'An occupation with its labels, ISCO group path and essential and optional skills' })
  @ApiOkResponse({ type: OccupationDetailsDto })
  @ApiNotFoundResponse({ description: 'No occupation with this id' })
  details(@Param() params: OccupationIdDto): Promise<OccupationDetailsDto> {
    return this.occupations.details(params.id);
  }
}
