import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { MatchesService } from '@matching/matches/matches.service';
import { VacanciesService } from '@sales/vacancies/vacancies.service';
import { StandUpCountsDto } from './dto/stand-up.dto';
import { ProposalsService } from './proposals.service';

/**
 * The stand-up list's figures per open vacancy of a unit: how many candidates qualify and how many
 * were proposed. A separate call beside GET /api/vacancies/open (sales owns vacancies, matching the
 * counts), so the list shows at once and the figures follow.
 */
@Injectable()
export class StandUpService {
  constructor(
    private readonly vacancies: VacanciesService,
    private readonly matches: MatchesService,
    private readonly proposals: ProposalsService,
  ) {}

  async counts(user: AuthenticatedUser, unitId: string): Promise<StandUpCountsDto[]> {
    const ids = (await this.vacancies.openForUnit(unitId)).map((vacancy) => vacancy.id);
    const [eligible, proposed] = await Promise.all([
      this.matches.eligibleCounts(user, ids),
      this.proposals.proposedCounts(ids),
    ]);
    return ids.map((vacancyId) => ({
      vacancyId,
      eligible: eligible.get(vacancyId) ?? 0,
      proposed: proposed.get(vacancyId) ?? 0,
    }));
  }
}
