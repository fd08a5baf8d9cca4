import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from './app.factory';
import { AppConfig, toAppConfig } from '@platform/config/app-config';
import { ConfigurationError, parseEnvironment } from '@platform/config/environment';
import { RunningEndpoints, startEndpoints } from '@platform/embedded/endpoints';
import { RedisNotFoundError } from '@platform/embedded/embedded-redis';
import { SetupService } from '@platform/setup/setup.service';

const SHUTDOWN_DEADLINE_MS = 9_000;

async function bootstrap(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: AppConfig;
  try {
    config = toAppConfig(parseEnvironment(process.env));
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }

  let running: RunningEndpoints;
  try {
    running = await startEndpoints(config);
  } catch (error) {
    if (!(error instanceof RedisNotFoundError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }

  let app: NestFastifyApplication | undefined;
  const logger = new Logger('Bootstrap');
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: stopping`);
    const deadline = setTimeout(() => {
      logger.error(`Shutdown took longer than ${SHUTDOWN_DEADLINE_MS} ms; exiting anyway`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    // Closing the app stops the HTTP server (in-flight requests finish), workers, queues and the pool.
    await app?.close();
    await running.stop();
    process.exit(0);
  };
  process.once('SIGTERM', (signal) => void shutdown(signal));
  process.once('SIGINT', (signal) => void shutdown(signal));

  try {
    app = await createApp(config, running.endpoints);
    await app.listen({ port: config.http.port, host: config.http.host });
  } catch (error) {
    await app?.close().catch(() => undefined);
    await running.stop();
    throw error;
  }
  const where = [
    running.endpoints.embeddedDatabase ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL from DATABASE_URL',
    running.endpoints.embeddedRedis ? `private redis-server in ${config.dataDir}` : 'Redis from REDIS_URL',
  ].join(', ');
  const address = `http://${config.http.host}:${config.http.port}`;
  logger.log(`Listening on ${address} (${where}); web app at /, API docs at /docs`);
  announceSetupToken(app.get(SetupService).takeTokenToAnnounce(), address);
}

/**
 * The first run's set-up token, straight to the console (a person reads it there), never through the
 * JSON log, whose lines are shipped and kept; never in a URL either, so it stays out of browser history.
 */
function announceSetupToken(token: string | null, address: string): void {
  if (!token) return;
  process.stdout.write(
    [
      '',
      '  Eerste start: er is nog geen gebruiker. / First run: there are no users yet.',
      `  Open ${address}/ en vul dit set-up-token in / and enter this set-up token:`,
      '',
      `      SETUP TOKEN: ${token}`,
      '',
      '  Het token geldt tot de eerste beheerder is aangemaakt of de service stopt.',
      '',
    ].join('\n') + '\n',
  );
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
