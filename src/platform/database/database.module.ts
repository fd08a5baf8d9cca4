import { Module } from '@nestjs/common';
import { Logger } from 'pino';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@platform/config/app-config';
import { ENDPOINTS } from '@platform/embedded/endpoints.token';
import { Endpoints } from '@platform/embedded/endpoints';
import { ROOT_LOGGER } from '@platform/logging/logging.module';
import { TypeOrmPinoLogger } from '@platform/logging/typeorm-logger';
import { dataSourceOptions } from './data-source-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService, ENDPOINTS, ROOT_LOGGER],
      useFactory: (config: ConfigService<AppConfig, true>, endpoints: Endpoints, logger: Logger) => {
        const database = config.get('database', { infer: true });
        // The embedded PGlite is one session: a second pooled connection would share its transaction.
        const poolSize = endpoints.embeddedDatabase ? 1 : database.poolSize;
        return {
          ...dataSourceOptions(endpoints.databaseUrl, poolSize),
          migrationsRun: database.runMigrations,
          autoLoadEntities: true,
          // TypeORM's own output goes through the root logger and its redaction.
          logger: new TypeOrmPinoLogger(logger),
          logging: TypeOrmPinoLogger.loggingFor(logger),
          retryAttempts: 3,
          retryDelay: 1000,
        };
      },
    }),
  ],
})
export class DatabaseModule {}
