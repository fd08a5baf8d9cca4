import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../app.module';
import { AppConfig, toAppConfig } from '@platform/config/app-config';
import { ConfigurationError, parseEnvironment } from '@platform/config/environment';
import { DataDirInUseError } from '@platform/embedded/data-dir-owner';
import { startEndpoints } from '@platform/embedded/endpoints';
import { DomainError } from '@platform/errors/domain-error';
import { NestPinoLogger } from '@platform/logging/nest-logger';

/**
 * Runs a command-line task inside the application (same configuration, database, migrations and
 * services as `npm start`, without HTTP or queue workers), then shuts everything down. A usage or
 * configuration problem ends with one line on stderr and exit code 1.
 */
export function runCli(task: (app: INestApplicationContext, config: AppConfig) => Promise<void>): void {
  void (async () => {
    if (existsSync('.env')) process.loadEnvFile('.env');
    const config = toAppConfig(
      parseEnvironment({ ...process.env, WORKERS_ENABLED: 'false', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' }),
    );
    const running = await startEndpoints(config);
    let app: INestApplicationContext | undefined;
    try {
      app = await NestFactory.createApplicationContext(AppModule.register(config, running.endpoints), {
        bufferLogs: true,
      });
      // The same logger as the service, at LOG_LEVEL (warn unless set), redaction included.
      app.useLogger(app.get(NestPinoLogger));
      await task(app, config);
    } finally {
      await app?.close();
      await running.stop();
    }
  })().then(
    () => process.exit(0),
    (error: unknown) => {
      const known =
        error instanceof CliUsageError ||
        error instanceof ConfigurationError ||
        error instanceof DomainError ||
        error instanceof DataDirInUseError;
      const details = error instanceof DomainError && error.fieldErrors ? ` ${JSON.stringify(error.fieldErrors)}` : '';
      process.stderr.write(`${known ? error.message : String((error as Error)?.stack ?? error)}${details}\n`);
      process.exit(1);
    },
  );
}

export class CliUsageError extends Error {}

/** `--name value` and `--name=value` pairs; flags without a value are `true`. */
export function parseFlags(argv: string[]): Record<string, string | true> {
  const flags: Record<string, string | true> = {};
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (!argument.startsWith('--')) throw new CliUsageError(`Unexpected argument "${argument}"`);
    const [name, inline] = argument.slice(2).split(/=(.*)/s);
    const next = argv[index + 1];
    if (inline !== undefined) flags[name] = inline;
    else if (next !== undefined && !next.startsWith('--')) flags[name] = argv[++index]!;
    else flags[name] = true;
  }
  return flags;
}
