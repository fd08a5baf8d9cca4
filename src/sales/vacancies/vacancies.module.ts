import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PolicyService } from '@identity/policy/policy.service';
import { TaxonomyModule } from '@taxonomy/taxonomy.module';
import { EmployersModule } from '@sales/employers/employers.module';
import { PlacesModule } from '@sales/places/places.module';
import { CertificatesModule } from '@sales/requirements/certificates.module';
import { vacancyRule } from '@sales/sales-policy';
import { SalesDemoSeeder } from '@sales/sales-demo.seeder';
import { VacanciesController } from './vacancies.controller';
import { VacanciesService } from './vacancies.service';
import { VacancyEntity } from './vacancy.entity';
import { VacancyReferences } from './vacancy-references';

/** Vacancies and their matching profile; import VacanciesModule to use VacanciesService (profile, openProfiles). */
@Module({
  imports: [
    TypeOrmModule.forFeature([VacancyEntity]),
    EmployersModule,
    PlacesModule,
    CertificatesModule,
    TaxonomyModule,
  ],
  controllers: [VacanciesController],
  providers: [VacanciesService, VacancyReferences, SalesDemoSeeder],
  exports: [VacanciesService, SalesDemoSeeder],
})
export class VacanciesModule implements OnModuleInit {
  constructor(private readonly policy: PolicyService) {}

  onModuleInit(): void {
    this.policy.register('vacancy', vacancyRule);
  }
}
