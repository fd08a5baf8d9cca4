import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@platform/config/app-config';
import { ENDPOINTS } from '@platform/embedded/endpoints.token';
import { Endpoints } from '@platform/embedded/endpoints';
import { dataSourceOptions } from './data-source-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService, ENDPOINTS],
      useFactory: (config: ConfigService<AppConfig, true>, endpoints: Endpoints) => {
        const database = config.get('database', { infer: true });
        // The embedded PGlite is one session: a second pooled connection would share its transaction.
        const poolSize = endpoints.embeddedDatabase ? 1 : database.poolSize;
        return {
          ...dataSourceOptions(endpoints.databaseUrl, poolSize),
          migrationsRun: database.runMigrations,
          autoLoadEntities: true,
          retryAttempts: 3,
          retryDelay: 1000,
        };
      },
    }),
  ],
})
export class DatabaseModule {}
