import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';

const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const REQUEST_ID = Symbol('requestId');

type RawRequest = IncomingMessage & { [REQUEST_ID]?: string };

/**
 * The request's id, chosen once per request and shared by Fastify (errors, replies) and the log
 * lines: the caller's X-Request-Id when it is a plain token, otherwise a new UUID.
 */
export function requestIdFor(request: IncomingMessage): string {
  const raw = request as RawRequest;
  if (!raw[REQUEST_ID]) {
    const incoming = raw.headers['x-request-id'];
    const value = Array.isArray(incoming) ? incoming[0] : incoming;
    raw[REQUEST_ID] = value && ACCEPTABLE_REQUEST_ID.test(value) ? value : randomUUID();
  }
  return raw[REQUEST_ID];
}

/** The id of a Fastify request (or its raw message). */
export function requestIdOf(request: { raw: IncomingMessage } | IncomingMessage | undefined): string {
  if (!request) return 'unknown';
  return requestIdFor('raw' in request ? request.raw : request);
}
