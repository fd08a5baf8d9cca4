import { IncomingMessage } from 'node:http';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { AppConfig } from '@platform/config/app-config';
import { Endpoints } from '@platform/embedded/endpoints';
import { ErrorsFilter } from '@platform/errors/errors.filter';
import { createValidationPipe } from '@platform/errors/validation';
import { ROOT_LOGGER } from '@platform/logging/logging.module';
import { NestPinoLogger } from '@platform/logging/nest-logger';
import { logEachRequest } from '@platform/logging/request-log';
import { requestIdFor } from '@platform/logging/request-id';
import { CONTENT_SECURITY_POLICY, upgradeInsecureRequestsOverHttps } from '@platform/http/content-security-policy';
import { parseJsonBodiesWithDepthLimit } from '@platform/http/json-body';
import { RequestContextInterceptor } from '@platform/http/request-context';
import { serveWebApp } from '@platform/web/web-app';

/**
 * Builds the HTTP application exactly as `main.ts` runs it; tests call this too, so they exercise
 * the same pipes, filters, headers and documentation.
 */
export async function createApp(
  config: AppConfig,
  endpoints: Endpoints,
  extraModules: Array<Type | DynamicModule> = [],
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    genReqId: (request: IncomingMessage) => requestIdFor(request),
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config, endpoints, extraModules),
    adapter,
    {
      bufferLogs: true,
      // A failed start throws to the caller (main.ts exits 1 with the reason) instead of exiting here.
      abortOnError: false,
    },
  );
  app.useLogger(app.get(NestPinoLogger));
  parseJsonBodiesWithDepthLimit(app, config.http.bodyLimitBytes);
  const server = app.getHttpAdapter().getInstance();
  server.addHook('onRequest', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
  });
  logEachRequest(server, app.get(ROOT_LOGGER));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorsFilter());
  app.useGlobalInterceptors(new RequestContextInterceptor());
  await app.register(helmet, { contentSecurityPolicy: CONTENT_SECURITY_POLICY });
  upgradeInsecureRequestsOverHttps(server);
  // The web app's refresh token travels in an HttpOnly cookie on /api/auth (see AuthController).
  await app.register(cookie);
  // File uploads (candidate CSV imports); JSON bodies keep BODY_LIMIT_BYTES.
  await app.register(multipart, { limits: { fileSize: config.candidates.importMaxBytes, files: 1, fields: 5 } });
  app.enableCors({ origin: config.http.corsOrigins.length > 0 ? config.http.corsOrigins : false, credentials: false });
  setUpOpenApi(app);
  await serveWebApp(app, config.web.distDir);
  try {
    await app.init();
  } catch (error) {
    // A refused start (e.g. Redis that may evict) must not leave the pool, Redis clients and workers
    // open: the caller only gets the error, not the app to close.
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}

function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Matching service')
      .setDescription(
        'Vacancies, jobready candidates from the WW and Bijstand pools, ranked matches, placements and aftersales.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}
