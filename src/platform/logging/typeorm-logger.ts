import { Logger } from 'pino';
import { Logger as TypeOrmLogger, LoggerOptions } from 'typeorm';

/**
 * TypeORM's log output, through the root logger (and so through its redaction: `parameters` and the
 * `detail` of a failed query never reach the line). A failed query is logged at debug: the caller
 * decides whether it is an error (a unique violation becomes a 409, anything unexpected is logged by
 * the exception filter).
 */
export class TypeOrmPinoLogger implements TypeOrmLogger {
  constructor(private readonly logger: Logger) {}

  /** What TypeORM should report: every query only at trace. */
  static loggingFor(logger: Logger): LoggerOptions {
    return logger.isLevelEnabled('trace') ? 'all' : ['error', 'warn', 'migration', 'schema'];
  }

  logQuery(query: string, parameters?: unknown[]): void {
    this.logger.trace({ query, parameters }, 'Query');
  }

  logQueryError(error: string | Error, query: string, parameters?: unknown[]): void {
    this.logger.debug({ err: typeof error === 'string' ? new Error(error) : error, query, parameters }, 'Query failed');
  }

  logQuerySlow(time: number, query: string, parameters?: unknown[]): void {
    this.logger.warn({ durationMs: time, query, parameters }, 'Slow query');
  }

  logSchemaBuild(message: string): void {
    this.logger.debug({ context: 'TypeORM' }, message);
  }

  logMigration(message: string): void {
    this.logger.info({ context: 'TypeORM' }, message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = typeof message === 'string' ? message : JSON.stringify(message);
    if (level === 'warn') this.logger.warn({ context: 'TypeORM' }, text);
    else this.logger.debug({ context: 'TypeORM' }, text);
  }
}
