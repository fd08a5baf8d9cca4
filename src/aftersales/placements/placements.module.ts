import { Module } from '@nestjs/common';
import { CandidatesModule } from '@matching/candidates/candidates.module';
import { MatchingModule } from '@matching/matching.module';
import { ProposalsModule } from '@matching/proposals/proposals.module';
import { EmployersModule } from '@sales/employers/employers.module';
import { VacanciesModule } from '@sales/vacancies/vacancies.module';
import { AdviserMessagesModule } from '@aftersales/adviser-messages/adviser-messages.module';
import { FollowUpsModule } from '@aftersales/follow-ups/follow-ups.module';
import { PickUpsModule } from '@aftersales/pick-ups/pick-ups.module';
import { ExitsModule } from '@maxww/exits/exits.module';
import { AftersalesErasure } from './aftersales-erasure';
import { EmployerPlacementsController } from './employer-placements.controller';
import { PlacementsController } from './placements.controller';
import { PlacementsDemoSeeder } from './placements-demo-seeder';
import { PlacementsService } from './placements.service';
import { PlacementsHistoryDemoSeeder } from './placements-history-demo-seeder';

@Module({
  imports: [
    ProposalsModule,
    CandidatesModule,
    VacanciesModule,
    EmployersModule,
    MatchingModule,
    FollowUpsModule,
    PickUpsModule,
    AdviserMessagesModule,
    ExitsModule,
  ],
  controllers: [PlacementsController, EmployerPlacementsController],
  providers: [PlacementsService, PlacementsDemoSeeder, PlacementsHistoryDemoSeeder, AftersalesErasure],
  exports: [PlacementsService, PlacementsDemoSeeder, PlacementsHistoryDemoSeeder],
})
export class PlacementsModule {}
