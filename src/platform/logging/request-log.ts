import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'pino';

/** The fields of the one line written per request. Never the raw URL, a query value, a header or a body. */
export interface RequestLogLine {
  requestId: string;
  method: string;
  /** The route's pattern (`/api/candidates/:id`), null when no route matched (404). */
  route: string | null;
  status: number;
  durationMs: number;
  /** The signed-in user's internal id, null for anonymous or refused requests. */
  userId: string | null;
}

export function requestLogLine(request: FastifyRequest, reply: FastifyReply): RequestLogLine {
  const user = (request as FastifyRequest & { user?: { id?: unknown } }).user;
  return {
    requestId: request.id,
    method: request.method,
    route: request.routeOptions.url ?? null,
    status: reply.statusCode,
    durationMs: Math.round(reply.elapsedTime * 10) / 10,
    userId: typeof user?.id === 'string' ? user.id : null,
  };
}

/**
 * One line per request when its response has been sent, at info (health checks, which a container
 * runtime sends every few seconds, at debug). Fastify's onResponse hook sees every request, also those
 * refused before a controller runs (401, 404, 413, malformed JSON).
 */
export function logEachRequest(server: FastifyInstance, logger: Logger): void {
  server.addHook('onResponse', async (request, reply) => {
    const line = requestLogLine(request, reply);
    if (line.route === '/health') logger.debug(line, 'request');
    else logger.info(line, 'request');
  });
}
