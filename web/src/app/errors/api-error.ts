/** The error body every API error has (see src/platform/errors/errors.filter.ts). */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  requestId?: string;
  errors?: Record<string, string>;
  details?: Record<string, unknown>;
}

/** An answer of the API that is not a success, with its stable code and field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: Record<string, string>;
  readonly requestId: string | undefined;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = body.statusCode;
    this.code = body.code;
    this.fieldErrors = body.errors ?? {};
    this.requestId = body.requestId;
  }
}

/** The request never got an answer: the service is unreachable or the network is down. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network failure', { cause });
    this.name = 'NetworkError';
  }
}

export function toApiError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && typeof (body as ApiErrorBody).code === 'string') {
    return new ApiError({ ...(body as ApiErrorBody), statusCode: status });
  }
  return new ApiError({ statusCode: status, code: `HTTP_${status}`, message: `HTTP ${status}` });
}
