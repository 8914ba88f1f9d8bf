/**
 * Who is signed in: the token (kept in localStorage) and the principal `/api/me` returns, and how
 * people sign in here (`/config.json`: the development sign-in locally, Cognito's hosted UI in AWS).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setToken } from './api.js';
import { loadAuthConfig, type AuthConfig } from './auth/auth-config.js';
import { logoutUrl } from './auth/hosted-ui.js';
import type { Principal } from './api-types.generated.js';

export type { Principal };

export interface Session {
  principal?: Principal;
  /** True until the stored token has been checked. */
  loading: boolean;
  /** How people sign in here; undefined until `/config.json` has answered (or failed to). */
  auth?: AuthConfig;
  /** The development sign-in as a sample user. */
  signIn(userId: string): Promise<Principal>;
  /** Signs in with a token issued elsewhere (Cognito's ID token): kept as the bearer token, then `/api/me`. */
  acceptToken(token: string): Promise<Principal>;
  /** Forgets the token; with Cognito the browser then leaves for the hosted UI's logout. */
  signOut(): void;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [principal, setPrincipal] = useState<Principal>();
  const [loading, setLoading] = useState(Boolean(localStorage.getItem('banshi.token')));
  const [auth, setAuth] = useState<AuthConfig>();

  // Read alongside the token check: neither waits for the other.
  useEffect(() => {
    void loadAuthConfig().then(setAuth);
  }, []);

  useEffect(() => {
    if (!localStorage.getItem('banshi.token')) return;
    api<Principal>('/api/me')
      .then(setPrincipal)
      .catch(() => setToken(undefined))
      .finally(() => setLoading(false));
  }, []);

  const signIn = useCallback(async (userId: string) => {
    const { token } = await api<{ token: string }>('/api/auth/dev-sign-in', { body: { userId } });
    setToken(token);
    const me = await api<Principal>('/api/me');
    setPrincipal(me);
    return me;
  }, []);

  const acceptToken = useCallback(async (token: string) => {
    setToken(token);
    try {
      const me = await api<Principal>('/api/me');
      setPrincipal(me);
      return me;
    } catch (error) {
      setToken(undefined);
      throw error;
    }
  }, []);

  const signOut = useCallback(() => {
    setToken(undefined);
    // The page is left as it is (no re-render that could route elsewhere) while the browser goes.
    if (auth?.kind === 'cognito') return window.location.assign(logoutUrl(auth));
    setPrincipal(undefined);
  }, [auth]);

  const value = useMemo(() => ({ principal, loading, auth, signIn, acceptToken, signOut }), [principal, loading, auth, signIn, acceptToken, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

