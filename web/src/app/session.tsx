import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Me, Schema } from '@api/types';
import { api, connectSession, setAccessToken, unwrap } from './api-client';
import { ApiError, NetworkError } from './errors/api-error';

type Tokens = Schema<'TokensDto'>;

export type SessionState =
  | { status: 'starting' }
  /** `ended`: the API stopped the session (expired, deactivated, …); `signedOut`: the user chose to. */
  | { status: 'signed-out'; ended: boolean; signedOut?: boolean }
  | { status: 'signed-in'; user: Me; unitName: string };

interface SessionApi {
  state: SessionState;
  signIn(email: string, password: string): Promise<void>;
  /** After the set-up created the administrator and answered with their tokens. */
  startWith(tokens: Tokens): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

/** `X-Session: cookie`: the refresh token stays in an HttpOnly cookie the page cannot read. */
const COOKIE_SESSION = { 'X-Session': 'cookie' } as const;
/** Refresh this long before the access token expires (or at 2/3 of a very short lifetime). */
const REFRESH_AHEAD_SECONDS = 60;
const RETRY_AFTER_NETWORK_FAILURE_MS = 5_000;

/**
 * The signed-in user and their tokens. The access token lives in memory (api-client.ts); the refresh
 * token in the cookie. At start and shortly before every expiry the session refreshes silently; one
 * refresh at a time, however many requests hit a 401 together. When the API refuses the refresh
 * (expired, user deactivated, roles changed, signed out elsewhere) the session has ended.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ status: 'starting' });
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const signedIn = useRef(false);

  const end = useCallback(
    (ended: boolean, signedOut = false) => {
      window.clearTimeout(timer.current);
      setAccessToken(null);
      const wasSignedIn = signedIn.current;
      signedIn.current = false;
      queryClient.clear();
      setState({ status: 'signed-out', ended: ended && wasSignedIn, signedOut });
    },
    [queryClient],
  );

  const refreshRef = useRef<() => Promise<boolean>>(() => Promise.resolve(false));

  const accept = useCallback(async (tokens: Tokens): Promise<void> => {
    setAccessToken(tokens.accessToken);
    window.clearTimeout(timer.current);
    const lead = Math.min(REFRESH_AHEAD_SECONDS, tokens.expiresIn / 3);
    timer.current = window.setTimeout(() => void refreshRef.current(), (tokens.expiresIn - lead) * 1000);
    if (!signedIn.current) {
      const user = await unwrap(api.GET('/api/auth/me'));
      const unit = await unwrap(api.GET('/api/units/{id}', { params: { path: { id: user.unitId } } }));
      signedIn.current = true;
      setState({ status: 'signed-in', user, unitName: unit.name });
    }
  }, []);

  const refresh = useCallback((): Promise<boolean> => {
    inFlight.current ??= (async () => {
      try {
        const tokens = await unwrap(api.POST('/api/auth/refresh', { headers: COOKIE_SESSION, body: {} }));
        await accept(tokens);
        return true;
      } catch (error) {
        if (error instanceof NetworkError) {
          // Offline for a moment is no reason to sign out: try again, keep what the user sees.
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => void refreshRef.current(), RETRY_AFTER_NETWORK_FAILURE_MS);
          if (!signedIn.current) setState({ status: 'signed-out', ended: false });
          return false;
        }
        end(error instanceof ApiError && error.status === 401);
        return false;
      } finally {
        inFlight.current = null;
      }
    })();
    return inFlight.current;
  }, [accept, end]);

  useEffect(() => {
    refreshRef.current = refresh;
  }, [refresh]);

  useEffect(() => {
    connectSession({ refresh: () => refreshRef.current(), ended: () => end(true) });
    void refreshRef.current();
    return () => window.clearTimeout(timer.current);
  }, [end]);

  const api_ = useMemo<SessionApi>(
    () => ({
      state,
      async signIn(email, password) {
        const tokens = await unwrap(
          api.POST('/api/auth/login', { headers: COOKIE_SESSION, body: { email, password } }),
        );
        await accept(tokens);
      },
      startWith: accept,
      async signOut() {
        try {
          await unwrap(api.POST('/api/auth/logout', { headers: COOKIE_SESSION, body: {} }));
        } finally {
          end(false, true);
        }
      },
    }),
    [state, accept, end],
  );

  return <SessionContext.Provider value={api_}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only inside pages that the router shows to signed-in users. */
export function useCurrentUser(): { user: Me; unitName: string } {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useCurrentUser without a signed-in user');
  return state;
}
