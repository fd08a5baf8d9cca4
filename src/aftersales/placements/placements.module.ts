import { Module } from '@nestjs/common';
import { CandidatesModule } from '@matching/candidates/candidates.module';
import { ProposalsModule } from '@matching/proposals/proposals.module';
import { VacanciesModule } from '@sales/vacancies/vacancies.module';
import { PlacementsController } from './placements.controller';
import { PlacementsService } from './placements.service';

@Module({
  imports: [ProposalsModule, CandidatesModule, VacanciesModule],
  controllers: [PlacementsController],
  providers: [PlacementsService],
  exports: [PlacementsService],
})
export class PlacementsModule {}
