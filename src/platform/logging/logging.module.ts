import { IncomingMessage } from 'node:http';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '@platform/config/app-config';
import { requestIdFor } from './request-id';

/** Fields that hold personal data or secrets, wherever they appear in a log object. */
export const PERSONAL_FIELDS = [
  'bsn',
  'password',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'dateOfBirth',
  'postcode',
];

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  ...PERSONAL_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => ({
        pinoHttp: {
          level: config.get('log', { infer: true }).level,
          genReqId: (request: IncomingMessage) => requestIdFor(request),
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          // Query strings could carry search terms typed by users; log the path only.
          serializers: {
            req: (request: { id: string; method: string; url: string }) => ({
              id: request.id,
              method: request.method,
              path: request.url.split('?')[0],
            }),
          },
          autoLogging: { ignore: (request: IncomingMessage) => request.url === '/health' },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
