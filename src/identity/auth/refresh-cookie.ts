import { FastifyReply, FastifyRequest } from 'fastify';
import { TokensDto } from './dto/auth.dto';

/**
 * The web app's refresh token: an HttpOnly cookie on /api/auth only, so page scripts never see it and
 * no other request carries it. `SameSite=Strict` keeps other sites' pages from sending it; on top of
 * that the cookie is only used when the request carries WEB_SESSION_HEADER, which a cross-site form
 * or link cannot set (and a cross-site script may not, without CORS allowing it): the CSRF guard.
 */
export const REFRESH_COOKIE = 'mt_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';
/** `X-Session: cookie`: "keep my refresh token in the cookie, not in the JSON body". */
export const WEB_SESSION_HEADER = 'x-session';

export function wantsCookieSession(request: FastifyRequest): boolean {
  return request.headers[WEB_SESSION_HEADER] === 'cookie';
}

export function refreshTokenFromCookie(request: FastifyRequest): string | undefined {
  const value = request.cookies?.[REFRESH_COOKIE];
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
}

export function setRefreshCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  maxAgeSeconds: number,
): void {
  void reply.setCookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    // Over plain http (a local start) a Secure cookie would never come back; behind TLS it must be Secure.
    secure: request.protocol === 'https',
    path: REFRESH_COOKIE_PATH,
    maxAge: maxAgeSeconds,
  });
}

export function clearRefreshCookie(request: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(REFRESH_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: REFRESH_COOKIE_PATH,
  });
}

/** In a cookie session the refresh token goes into the cookie and stays out of the body page scripts read. */
export function answerWithTokens(
  request: FastifyRequest,
  reply: FastifyReply,
  tokens: TokensDto,
  refreshTtlSeconds: number,
): TokensDto {
  if (!wantsCookieSession(request) || !tokens.refreshToken) return tokens;
  setRefreshCookie(request, reply, tokens.refreshToken, refreshTtlSeconds);
  const { refreshToken: _inCookie, ...rest } = tokens;
  return rest;
}
