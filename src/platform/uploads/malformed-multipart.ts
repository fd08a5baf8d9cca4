import { MalformedRequestError } from '@platform/errors/domain-error';

export class MalformedMultipartError extends MalformedRequestError {
  readonly code = 'MALFORMED_MULTIPART';
  constructor() {
    super('The multipart/form-data body cannot be read (missing or wrong boundary, or cut off)');
  }
}

/**
 * What busboy (under @fastify/multipart) throws for a body it cannot read: plain Errors, without a status,
 * that reach whichever handler iterates the parts. Matched by message because busboy gives them no code.
 */
const BUSBOY_MESSAGES = [
  /^Multipart: Boundary not found$/,
  /^Boundary required$/,
  /^Unexpected end of (multipart data|form)$/,
  /terminated early due to unexpected end of multipart data$/,
  /^The needle (cannot be an empty String\/Buffer|cannot have a length bigger than 256)\.$/, // boundary of 0 or >256 bytes
  /^Malformed part header$/,
];

/** A broken multipart body as the client's error (400), for the one exception filter; null otherwise. */
export function malformedMultipartAsDomainError(error: unknown): MalformedMultipartError | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_MP_PREMATURE_CLOSE' || BUSBOY_MESSAGES.some((message) => message.test(error.message))) {
    return new MalformedMultipartError();
  }
  return null;
}
