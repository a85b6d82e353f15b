import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, UNAUTHENTICATED_EVENT } from '../api/client';
import { call } from '../api/problem';
import { clearSession, loadSession, saveSession, type Session, type SessionUser } from './session';

interface AuthState {
  user: SessionUser | null;
  /** Signs in; throws a ProblemError (401 INVALID_CREDENTIALS, 429, 400 with field errors). */
  login(username: string, password: string): Promise<SessionUser>;
  logout(): void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [session, setSession] = useState<Session | null>(() => loadSession());

  const logout = useCallback(() => {
    clearSession();
    setSession(null);
    queryClient.clear();
  }, [queryClient]);

  useEffect(() => {
    window.addEventListener(UNAUTHENTICATED_EVENT, logout);
    return () => window.removeEventListener(UNAUTHENTICATED_EVENT, logout);
  }, [logout]);

  const login = useCallback(async (username: string, password: string) => {
    const r = await call(api.POST('/api/auth/login', { body: { username, password } }));
    const next: Session = { token: r.accessToken, expiresAt: Date.now() + r.expiresIn * 1000, user: r.user };
    queryClient.clear();
    saveSession(next);
    setSession(next);
    return r.user;
  }, [queryClient]);

  const value = useMemo(() => ({ user: session?.user ?? null, login, logout }), [session, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
