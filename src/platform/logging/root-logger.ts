import pino, { DestinationStream, Logger } from 'pino';
import { RequestContext } from '@platform/http/request-context';
import { REDACTED, safeError, withoutPersonalData, withoutQuotedValues } from './personal-data-redaction';

/** Headers that carry credentials; the request log never logs headers, but a caller might. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
];

/**
 * The one pino logger of the process (Nest's logger, TypeORM's, the request log and the workers all
 * write through it), at LOG_LEVEL. Every log call passes through `logMethod`, which takes personal and
 * stored values out of the logged object and out of an error's message, so no path can log them.
 * Lines written while a request is handled carry its `requestId`. Writes to process.stdout (one JSON
 * object a line).
 */
export function createRootLogger(level: string, destination: DestinationStream = process.stdout): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: REDACTED },
      // logMethod has made errors plain already; pino's own serializer would retype them as "Object".
      serializers: { err: (error: unknown) => (error instanceof Error ? safeError(error) : error) },
      mixin: (object) => {
        const requestId = RequestContext.requestId();
        return requestId && !('requestId' in object) ? { requestId } : {};
      },
      hooks: {
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          if (first === null || typeof first !== 'object') return method.apply(this, args);
          const object = (first instanceof Error ? { err: first } : first) as Record<string, unknown>;
          const clean = withoutPersonalData(object) as Record<string, unknown>;
          // Without a message pino would take the error's raw message as the line's message.
          const error = object.err;
          const message = rest.length > 0 ? rest : error instanceof Error ? [withoutQuotedValues(error.message)] : [];
          return method.apply(this, [clean, ...message] as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
