import { isUUID } from 'class-validator';

/** What an access token says, once its signature was checked. */
export interface AccessTokenClaims {
  /** The user's id. */
  sub: string;
  /** The user's token version when issued; a raise (deactivation, new roles) voids older tokens. */
  tv: number;
  /** The session (sign-in) the token belongs to; logout or a reused refresh token ends it. */
  sid: string;
  iat: number;
  exp: number;
}

/** API instances' clocks may differ a little; an `iat` further ahead than this is refused. */
export const IAT_LEEWAY_SECONDS = 30;

/**
 * The claims of a verified token when every one is there and well-formed, else null. A token signed
 * with the real secret can still be shaped wrongly (no `exp` lives for ever, an `iat` in the future
 * stretches the maximum age, a `sub` that is no UUID must not reach the database), so the shape is
 * checked rather than trusted.
 */
export function accessTokenClaims(payload: unknown, nowSeconds: number): AccessTokenClaims | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { sub, tv, sid, iat, exp } = payload as Record<string, unknown>;
  if (typeof sub !== 'string' || !isUUID(sub) || typeof sid !== 'string' || !isUUID(sid)) return null;
  if (!Number.isSafeInteger(tv) || (tv as number) < 0) return null;
  if (!Number.isSafeInteger(iat) || !Number.isSafeInteger(exp)) return null;
  if ((iat as number) > nowSeconds + IAT_LEEWAY_SECONDS || (exp as number) <= (iat as number)) return null;
  return { sub, tv: tv as number, sid, iat: iat as number, exp: exp as number };
}
