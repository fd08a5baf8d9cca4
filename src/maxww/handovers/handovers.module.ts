import { Module } from '@nestjs/common';
import { CandidatesModule } from '@matching/candidates/candidates.module';
import { HandoversController } from './handovers.controller';
import { HandoversService } from './handovers.service';

/** The hand-over to the social service at the WW's end (owns ww_end_handovers). */
@Module({
  imports: [CandidatesModule],
  controllers: [HandoversController],
  providers: [HandoversService],
})
export class HandoversModule {}
