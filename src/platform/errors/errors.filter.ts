import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error';
import { HTTP_STATUS_OF } from './http-status';
import { foreignKeyViolationAsDomainError } from '@platform/database/foreign-key-violation';
import { malformedMultipartAsDomainError } from '@platform/uploads/malformed-multipart';
import { requestIdOf } from '@platform/logging/request-id';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  requestId: string;
  errors?: Record<string, string>;
  details?: Record<string, unknown>;
}

const CODE_OF_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_FAILED',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * The single exception filter: domain errors by their kind, Nest's own HTTP exceptions as they are,
 * and everything else as a generic 500 that names only the request id (the cause goes to the log).
 */
@Catch()
export class ErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(thrown: unknown, host: ArgumentsHost): void {
    // Failures that are the client's although they surface as a library's error.
    const exception = foreignKeyViolationAsDomainError(thrown) ?? malformedMultipartAsDomainError(thrown) ?? thrown;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const requestId = requestIdOf(request);
    const body = this.toBody(exception, requestId);
    if (body.statusCode >= 500 && !(exception instanceof DomainError)) {
      this.logger.error({ err: exception, requestId }, 'Unhandled error');
    }
    if (exception instanceof DomainError && exception.retryAfterSeconds !== undefined) {
      void reply.header('Retry-After', String(exception.retryAfterSeconds));
    }
    if (exception instanceof HttpException) {
      const retryAfter = (exception.getResponse() as { retryAfter?: number }).retryAfter;
      if (retryAfter !== undefined) void reply.header('Retry-After', String(retryAfter));
    }
    void reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown, requestId: string): ErrorBody {
    if (exception instanceof DomainError) {
      return {
        statusCode: HTTP_STATUS_OF[exception.kind],
        code: exception.code,
        message: exception.message,
        requestId,
        ...(exception.fieldErrors ? { errors: exception.fieldErrors } : {}),
        ...(exception.details ? { details: exception.details } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : typeof (response as { message?: unknown }).message === 'string'
            ? (response as { message: string }).message
            : exception.message;
      const code = (response as { code?: unknown }).code;
      return {
        statusCode,
        code: typeof code === 'string' ? code : (CODE_OF_STATUS[statusCode] ?? 'HTTP_ERROR'),
        message: statusCode >= 500 ? 'Internal server error' : message,
        requestId,
      };
    }
    // Fastify's own errors (bad JSON, body too large, wrong content type) carry a statusCode.
    const fastifyStatus = (exception as { statusCode?: unknown } | null)?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return {
        statusCode: fastifyStatus,
        code: CODE_OF_STATUS[fastifyStatus] ?? 'BAD_REQUEST',
        // Fastify's JSON errors quote the body; its other errors (and @fastify/multipart's) only name the problem.
        message:
          fastifyStatus === 400 && isJsonParseError(exception)
            ? 'The request body is not valid JSON'
            : (exception as Error).message,
        requestId,
      };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'INTERNAL_ERROR',
      message: 'Internal server error',
      requestId,
    };
  }
}

function isJsonParseError(exception: unknown): boolean {
  const code = (exception as { code?: unknown }).code;
  return exception instanceof SyntaxError || (typeof code === 'string' && code.startsWith('FST_ERR_CTP_'));
}
