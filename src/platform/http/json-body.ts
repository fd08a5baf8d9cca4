import { FastifyInstance, FastifyRequest } from 'fastify';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MalformedRequestError } from '@platform/errors/domain-error';

/**
 * No request body of this API nests deeper than a handful of levels (a candidate's work experience is
 * three). JSON.parse and class-transformer recurse per level, so a body nested thousands deep overflows
 * the stack: refused before it is parsed, on every route, signed in or not (/api/auth/refresh too).
 */
export const MAX_JSON_DEPTH = 32;

/** The depth of the deepest array or object in a JSON text, counted without parsing it (strings skipped). */
export function jsonDepthExceeds(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c /* \ */) index++;
      else if (char === 0x22 /* " */) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b /* { */ || char === 0x5b /* [ */) {
      if (++depth > maxDepth) return true;
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) depth--;
  }
  return false;
}

export class JsonTooDeepError extends MalformedRequestError {
  readonly code = 'JSON_TOO_DEEP';
  constructor() {
    super(`The request body nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

/**
 * Replaces the JSON body parser: the depth check, then Fastify's own parser (which refuses
 * `__proto__` and `constructor` keys and answers an empty body with 400).
 */
export function parseJsonBodiesWithDepthLimit(app: NestFastifyApplication, bodyLimit: number): void {
  const server: FastifyInstance = app.getHttpAdapter().getInstance();
  const fastifyJson = server.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit }, (request: FastifyRequest, body: Buffer, done) => {
    const text = body.toString('utf8');
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
      done(new JsonTooDeepError(), undefined);
      return;
    }
    void fastifyJson(request, text, done);
  });
}
