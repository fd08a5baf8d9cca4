import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { CurrentUser, Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { CandidateMatchesDto, VacancyMatchesDto, VacancyMatchesQuery } from './dto/matches.dto';
import { MatchesService } from './matches.service';

@ApiTags('matching')
@Controller('api')
export class MatchesController {
  constructor(private readonly matches: MatchesService) {}

  @Get('vacancies/:id/matches')
  @Roles(Role.MATCHER, Role.SALES, Role.MANAGER)
  @ApiOkResponse({
    type: VacancyMatchesDto,
    description: 'Candidates of both pools you may see, ranked, with why; exclusions and near misses',
  })
  @ApiNotFoundResponse({ description: 'VACANCY_NOT_FOUND' })
  @ApiConflictResponse({ description: 'VACANCY_NOT_OPEN: filled or closed' })
  forVacancy(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: VacancyMatchesQuery,
  ): Promise<VacancyMatchesDto> {
    return this.matches.forVacancy(user, id, query);
  }

  @Get('candidates/:id/matches')
  @Roles(Role.MATCHER, Role.ADVISER, Role.MANAGER)
  @ApiOkResponse({ type: CandidateMatchesDto, description: 'Open vacancies ranked for one candidate' })
  @ApiNotFoundResponse({ description: 'CANDIDATE_NOT_FOUND (also when you may not see the candidate)' })
  forCandidate(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CandidateMatchesDto> {
    return this.matches.forCandidate(user, id);
  }
}
