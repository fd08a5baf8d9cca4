import { DynamicModule, Global, Module, Type } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig } from '@platform/config/app-config';
import { Endpoints } from '@platform/embedded/endpoints';
import { ENDPOINTS } from '@platform/embedded/endpoints.token';
import { ClockModule } from '@platform/clock/clock';
import { DatabaseModule } from '@platform/database/database.module';
import { HealthModule } from '@platform/health/health.module';
import { LoggingModule } from '@platform/logging/logging.module';
import { QueueModule } from '@platform/queue/queue.module';
import { ReferenceDataModule } from '@platform/reference-data/reference-data.module';
import { IdentityModule } from '@identity/identity.module';
import { PlacesModule } from '@sales/places/places.module';
import { CertificatesModule } from '@sales/requirements/certificates.module';
import { CandidatesModule } from '@matching/candidates/candidates.module';
import { MatchingModule } from '@matching/matching.module';
import { ProposalsModule } from '@matching/proposals/proposals.module';
import { DurabilityModule } from '@aftersales/durability/durability.module';
import { OutflowModule } from '@aftersales/outflow/outflow.module';
import { FollowUpCallsModule } from '@aftersales/follow-ups/follow-up-calls.module';
import { PlacementsModule } from '@aftersales/placements/placements.module';
import { EmployersModule } from '@sales/employers/employers.module';
import { VacanciesModule } from '@sales/vacancies/vacancies.module';
import { TaxonomyModule } from '@taxonomy/taxonomy.module';
import { ReportsModule } from '@reports/reports.module';
import { SetupModule } from '@platform/setup/setup.module';
import { MediationModule } from '@maxww/mediation/mediation.module';
import { ExitsModule } from '@maxww/exits/exits.module';
import { HandoversModule } from '@maxww/handovers/handovers.module';
import { MaxWwCohortsModule } from '@reports/max-ww-cohorts/max-ww-cohorts.module';

@Global()
@Module({})
class EndpointsModule {
  static with(endpoints: Endpoints): DynamicModule {
    return {
      module: EndpointsModule,
      providers: [{ provide: ENDPOINTS, useValue: endpoints }],
      exports: [ENDPOINTS],
    };
  }
}

/** Feature modules are listed here; each lives in its own folder. */
const FEATURE_MODULES: DynamicModule['imports'] = [
  IdentityModule,
  TaxonomyModule,
  PlacesModule,
  CertificatesModule,
  EmployersModule,
  VacanciesModule,
  CandidatesModule,
  MatchingModule,
  ProposalsModule,
  PlacementsModule,
  FollowUpCallsModule,
  DurabilityModule,
  OutflowModule,
  ReportsModule,
  SetupModule,
  MediationModule,
  // Max-WW (issue 17): the hand-over at the WW's end, exits, the cohort report
  HandoversModule,
  ExitsModule,
  MaxWwCohortsModule,
];

@Module({})
export class AppModule {
  /** The configuration is validated before this is called, and the endpoints are already running. */
  static register(
    config: AppConfig,
    endpoints: Endpoints,
    extraModules: Array<Type | DynamicModule> = [],
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => config] }),
        EndpointsModule.with(endpoints),
        ClockModule,
        LoggingModule,
        DatabaseModule,
        QueueModule,
        ReferenceDataModule,
        HealthModule,
        ...(FEATURE_MODULES ?? []),
        ...extraModules,
      ],
    };
  }
}
