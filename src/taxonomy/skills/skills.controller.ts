import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AnyRole } from '@identity/auth/roles.decorator';
import { SearchQueryDto } from '@taxonomy/search/search-query.dto';
import { SkillMatchDto } from './dto/skill-match.dto';
import { SkillsService } from './skills.service';

@ApiTags('taxonomy')
@Controller('api/skills')
export class SkillsController {
  constructor(private readonly skills: SkillsService) {}

  @Get('search')
  @AnyRole()
  @ApiOperation({ summary: 'ESCO skills for free text, Dutch or English, best first' })
  @ApiOkResponse({ type: [SkillMatchDto] })
  @ApiUnprocessableEntityResponse({ description: 'q empty or too long, limit out of 1..50' })
  search(@Query() query: SearchQueryDto): SkillMatchDto[] {
    return this.skills.search(query.q, query.limit);
  }
}
