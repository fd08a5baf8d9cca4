import { Module } from '@nestjs/common';
import { DurabilityModule } from '@aftersales/durability/durability.module';
import { ProposalsModule } from '@matching/proposals/proposals.module';
import { DashboardController } from './dashboard/dashboard.controller';
import { DashboardService } from './dashboard/dashboard.service';
import { ReportPlacementsRepository } from './figures/report-placements.repository';
import { RegisterController } from './register/register.controller';
import { RegisterService } from './register/register.service';
import { TargetsController } from './targets/targets.controller';
import { TargetsService } from './targets/targets.service';
import { TargetsDemoSeeder } from './targets/targets-demo-seeder';

/**
 * Targets per unit, the placements register, and the managers' dashboards. Owns unit_targets; reads
 * placements through aftersales' view report_placements and the other reports through their services.
 */
@Module({
  imports: [DurabilityModule, ProposalsModule],
  controllers: [TargetsController, RegisterController, DashboardController],
  providers: [ReportPlacementsRepository, TargetsService, RegisterService, DashboardService, TargetsDemoSeeder],
  exports: [TargetsService, TargetsDemoSeeder],
})
export class ReportsModule {}
