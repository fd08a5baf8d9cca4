import { Module } from '@nestjs/common';
import { MaxWwCohortsController } from './max-ww-cohorts.controller';
import { MaxWwCohortsService } from './max-ww-cohorts.service';

/** The Max-WW cohort report (issue 17): counts per intake month. */
@Module({
  controllers: [MaxWwCohortsController],
  providers: [MaxWwCohortsService],
})
export class MaxWwCohortsModule {}
