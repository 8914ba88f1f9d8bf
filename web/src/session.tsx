/** Who is signed in: the token (kept in localStorage) and the principal `/api/me` returns. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setToken } from './api.js';

export interface Principal {
  userId: string;
  name: string;
  roles: ('applicant' | 'agent' | 'staff' | 'designer' | 'supervisor' | 'admin')[];
  departmentId?: string;
  staffRoles?: string[];
  region?: string;
  kind?: 'person' | 'enterprise';
  onBehalfOf?: string[];
}

export interface Session {
  principal?: Principal;
  /** True until the stored token has been checked. */
  loading: boolean;
  signIn(userId: string): Promise<Principal>;
  signOut(): void;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [principal, setPrincipal] = useState<Principal>();
  const [loading, setLoading] = useState(Boolean(localStorage.getItem('banshi.token')));

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

  const signOut = useCallback(() => {
    setToken(undefined);
    setPrincipal(undefined);
  }, []);

  const value = useMemo(() => ({ principal, loading, signIn, signOut }), [principal, loading, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export const isStaff = (p?: Principal) => Boolean(p?.roles.includes('staff'));
