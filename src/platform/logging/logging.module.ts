import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Logger } from 'pino';
import { AppConfig } from '@platform/config/app-config';
import { NestPinoLogger } from './nest-logger';
import { createRootLogger } from './root-logger';

/** The process's pino logger (see createRootLogger); inject it with `@Inject(ROOT_LOGGER)`. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/**
 * One pino logger per application, at LOG_LEVEL, and Nest's logger on it (`app.useLogger(app.get(
 * NestPinoLogger))`). The request log is written by a Fastify hook (request-log.ts).
 */
@Global()
@Module({
  providers: [
    {
      provide: ROOT_LOGGER,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) =>
        createRootLogger(config.get('log', { infer: true }).level),
    },
    { provide: NestPinoLogger, inject: [ROOT_LOGGER], useFactory: (logger: Logger) => new NestPinoLogger(logger) },
  ],
  exports: [ROOT_LOGGER, NestPinoLogger],
})
export class LoggingModule {}
