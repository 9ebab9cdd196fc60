import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from './api/client.js';
import type { Role, Session, User } from './api/types.js';

interface Auth {
  user: User | null;
  checking: boolean;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  hasRole: (...roles: Role[]) => boolean;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [checking, setChecking] = useState(true);
  useEffect(() => {
    api.get<Session>('/auth/me').then(
      (session) => {
        setCsrfToken(session.csrfToken);
        setUser(session.user);
        setChecking(false);
      },
      (error: unknown) => {
        if (!(error instanceof ApiError) || error.status !== 401) console.warn('session check failed', error);
        setChecking(false);
      },
    );
  }, []);
  const login = useCallback(async (username: string, password: string) => {
    const session = await api.post<Session>('/auth/login', { username, password });
    setCsrfToken(session.csrfToken);
    setUser(session.user);
  }, []);
  const logout = useCallback(async () => {
    try {
      await api.post<void>('/auth/logout');
    } finally {
      setCsrfToken(undefined);
      setUser(null);
    }
  }, []);
  const value = useMemo<Auth>(
    () => ({ user, checking, login, logout, hasRole: (...roles) => Boolean(user?.roles.some((r) => roles.includes(r))) }),
    [user, checking, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
