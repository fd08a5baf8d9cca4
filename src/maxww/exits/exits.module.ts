import { Module } from '@nestjs/common';
import { MediationModule } from '@maxww/mediation/mediation.module';
import { ExitsController } from './exits.controller';
import { ExitsService } from './exits.service';

/** Exits from the Max-WW programme (owns max_ww_exits); placements record the team's by ExitsService. */
@Module({
  imports: [MediationModule],
  controllers: [ExitsController],
  providers: [ExitsService],
  exports: [ExitsService],
})
export class ExitsModule {}
