import { Module } from '@nestjs/common';
import { CandidatesModule } from '@matching/candidates/candidates.module';
import { MatchingModule } from '@matching/matching.module';
import { VacanciesModule } from '@sales/vacancies/vacancies.module';
import { MediationModule } from '@maxww/mediation/mediation.module';
import { ProposalQualityController } from './proposal-quality.controller';
import { ProposalQualityService } from './proposal-quality.service';
import { ProposalsController } from './proposals.controller';
import { ProposalsErasure } from './proposals-erasure';
import { ProposalsService } from './proposals.service';
import { StandUpController } from './stand-up.controller';
import { StandUpService } from './stand-up.service';

/** Shortlists and proposals of candidates for vacancies, and the proposal-quality report. Exports the service for placements. */
@Module({
  imports: [CandidatesModule, VacanciesModule, MatchingModule, MediationModule],
  controllers: [ProposalsController, ProposalQualityController, StandUpController],
  providers: [ProposalsService, ProposalQualityService, ProposalsErasure, StandUpService],
  exports: [ProposalsService, ProposalQualityService],
})
export class ProposalsModule {}
