import { DynamicModule, Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { createApp } from '../../src/app.factory';
import { AppConfig, toAppConfig } from '@platform/config/app-config';
import { parseEnvironment } from '@platform/config/environment';
import { Endpoints } from '@platform/embedded/endpoints';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  http: TestAgent;
  close(): Promise<void>;
}

/**
 * The real application on this test file's database and Redis prefix, served over real HTTP.
 * `environment` overrides variables as a user would set them.
 */
export async function startTestApp(
  environment: Record<string, string> = {},
  extraModules: Array<Type | DynamicModule> = [],
): Promise<TestApp> {
  const config = toAppConfig(
    parseEnvironment({
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DATABASE_RUN_MIGRATIONS: 'false',
      JWT_SECRET: 'test-only-secret-that-is-long-enough-0123456789',
      // Tests fire hundreds of requests a second as one user; the limit has its own test, which sets it.
      USER_REQUESTS_PER_MINUTE: '0',
      ...environment,
    }),
  );
  const endpoints: Endpoints = {
    databaseUrl: requireVariable('DATABASE_URL'),
    // A test may bring its own Redis (e.g. one set up wrongly on purpose).
    redisUrl: environment.REDIS_URL ?? requireVariable('REDIS_URL'),
    embeddedDatabase: process.env.TEST_EMBEDDED_DATABASE === '1',
    embeddedRedis: false,
  };
  const app = await createApp(config, endpoints, extraModules);
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    config,
    http: request(app.getHttpServer()),
    close: () => app.close(),
  };
}

function requireVariable(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: test/support/global-setup.ts should have set it`);
  return value;
}
