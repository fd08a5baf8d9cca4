import { Module } from '@nestjs/common';
import { DurabilityReportController } from './durability-report.controller';
import { DurabilityReportService } from './durability-report.service';

/** The durability report: how many placements still work at each follow-up milestone. */
@Module({
  controllers: [DurabilityReportController],
  providers: [DurabilityReportService],
  exports: [DurabilityReportService],
})
export class DurabilityModule {}
