import { Module } from '@nestjs/common';
import { VacanciesModule } from '@sales/vacancies/vacancies.module';
import { MediationsController } from './mediations.controller';
import { MediationsService } from './mediations.service';
import { VacancyOffersController } from './vacancy-offers.controller';
import { VacancyOffersService } from './vacancy-offers.service';

/**
 * Max-WW mediation (issue 17): clients taken into mediation, their contact log, the overdue list, and
 * vacancies offered to clients. Exports MediationsService (`endMediation` for exits) and
 * VacancyOffersService (the "client interested" check for advisers' proposals).
 */
@Module({
  imports: [VacanciesModule],
  controllers: [MediationsController, VacancyOffersController],
  providers: [MediationsService, VacancyOffersService],
  exports: [MediationsService, VacancyOffersService],
})
export class MediationModule {}
