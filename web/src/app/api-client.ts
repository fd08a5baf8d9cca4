import createClient from 'openapi-fetch';
import type { paths } from '@api/schema';
import { NetworkError, toApiError } from './errors/api-error';

/**
 * The one API client: typed from the generated OpenAPI schema, same origin, the access token in memory
 * only (never in storage), and on a 401 one silent refresh and one retry. `api.GET('/api/units')`.
 */
let accessToken: string | null = null;
let refreshSession: (() => Promise<boolean>) | null = null;
let onSessionEnded: (() => void) | null = null;

/** The session (session.tsx) plugs in here: where the token comes from and what to do when it stops. */
export function connectSession(options: { refresh: () => Promise<boolean>; ended: () => void }): void {
  refreshSession = options.refresh;
  onSessionEnded = options.ended;
}

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

export function hasAccessToken(): boolean {
  return accessToken !== null;
}

/** Sign-in, refresh, logout and set-up answer 401/403 for their own reasons: never refresh on those. */
const SESSION_PATHS = ['/api/auth/', '/api/setup'];

async function authorisedFetch(input: Request): Promise<Response> {
  const spare = input.clone();
  const response = await send(input);
  const path = new URL(input.url).pathname;
  if (response.status !== 401 || !accessToken || SESSION_PATHS.some((prefix) => path.startsWith(prefix))) {
    return response;
  }
  // The token stopped (expired, user deactivated, roles changed): one refresh, then one more try.
  const refreshed = refreshSession ? await refreshSession() : false;
  if (!refreshed) {
    onSessionEnded?.();
    return response;
  }
  const retried = await send(spare);
  if (retried.status === 401) onSessionEnded?.();
  return retried;
}

async function send(request: Request): Promise<Response> {
  if (accessToken && !request.headers.has('Authorization')) {
    request.headers.set('Authorization', `Bearer ${accessToken}`);
  }
  try {
    return await fetch(request);
  } catch (error) {
    throw new NetworkError(error);
  }
}

export const api = createClient<paths>({
  baseUrl: window.location.origin,
  credentials: 'same-origin',
  fetch: authorisedFetch,
});

/**
 * The data of an openapi-fetch answer, or an ApiError with the API's code and field errors:
 * `const units = await unwrap(api.GET('/api/units'))`. Hooks use this so every error has one shape.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw toApiError(response.status, error);
  return data as T;
}
