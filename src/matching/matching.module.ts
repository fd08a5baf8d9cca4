import { Module } from '@nestjs/common';
import { CandidatesModule } from '@matching/candidates/candidates.module';
import { CandidatesService } from '@matching/candidates/candidates.service';
import { PlacesModule } from '@sales/places/places.module';
import { CertificatesModule } from '@sales/requirements/certificates.module';
import { VacanciesModule } from '@sales/vacancies/vacancies.module';
import { VacanciesService } from '@sales/vacancies/vacancies.service';
import { OccupationsService } from '@taxonomy/occupations/occupations.service';
import { TaxonomyModule } from '@taxonomy/taxonomy.module';
import { EventsProcessor } from './engine/events.processor';
import { MatchingIndexService } from './engine/matching-index.service';
import { MatchesController } from './matches/matches.controller';
import { MatchesService } from './matches/matches.service';
import { VacancyViews } from './matches/vacancy-views';
import { SupplyPreviewController } from './supply/supply-preview.controller';
import { SupplyPreviewService } from './supply/supply-preview.service';
import {
  CANDIDATE_PROFILES,
  CandidateProfileSource,
  OCCUPATION_FACTS,
  OccupationFactsSource,
  VACANCY_PROFILES,
  VacancyProfileSource,
} from './matching-sources';

/**
 * Ranking: the in-memory candidate index and the match endpoints. It reads candidates, vacancies and
 * occupations through the owning modules' services, bound to the sources here.
 */
@Module({
  imports: [CandidatesModule, VacanciesModule, TaxonomyModule, PlacesModule, CertificatesModule],
  controllers: [MatchesController, SupplyPreviewController],
  providers: [
    {
      provide: CANDIDATE_PROFILES,
      inject: [CandidatesService],
      useFactory: (candidates: CandidatesService): CandidateProfileSource => ({
        all: () => candidates.profiles(),
        one: (id) => candidates.profile(id),
        isErasedAndVisible: (user, id) => candidates.isErasedAndVisible(user, id),
        isVisible: (user, id) => candidates.isVisible(user, id),
        coveredByStatements: (user) => candidates.coveredByStatements(user),
        some: (ids) => candidates.profilesOf(ids),
        summaries: (user, ids) => candidates.summaries(user, ids),
      }),
    },
    {
      provide: VACANCY_PROFILES,
      inject: [VacanciesService],
      useFactory: (vacancies: VacanciesService): VacancyProfileSource => ({
        one: (id) => vacancies.matchingView(id),
        open: () => vacancies.openMatchingViews(),
      }),
    },
    {
      provide: OCCUPATION_FACTS,
      inject: [OccupationsService],
      useFactory: (occupations: OccupationsService): OccupationFactsSource => ({
        all: () => occupations.matchingFacts(),
        generation: () => occupations.catalogueGeneration(),
      }),
    },
    MatchingIndexService,
    MatchesService,
    VacancyViews,
    SupplyPreviewService,
    EventsProcessor,
  ],
  exports: [MatchingIndexService, MatchesService],
})
export class MatchingModule {}
