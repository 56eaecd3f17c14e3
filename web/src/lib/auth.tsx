import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from './api';
import { applyLanguage, type Language } from './i18n';
import { queryClient } from './queryClient';
import type { User } from '../types/api';

export interface RegisterInput {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  locale: Language;
}

interface SignedIn {
  user: User;
  accessToken: string;
}

// 'signed-out' = the user chose to leave (no way back to the page they were on).
type Status = 'loading' | 'anonymous' | 'signed-out' | 'signed-in';

interface AuthContextValue {
  status: Status;
  user: User | null;
  signIn(email: string, password: string): Promise<User>;
  register(input: RegisterInput): Promise<User>;
  signOut(): Promise<void>;
  setUser(user: User): void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export const isStaff = (user: User | null | undefined): boolean =>
  user?.role === 'PROFESSIONNEL' || user?.role === 'ADMIN';

/** Where a user lands after signing in: their own space. */
export const homePath = (user: User): string => (isStaff(user) ? '/pro' : '/client');

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('loading');
  const [user, setUserState] = useState<User | null>(null);

  const setUser = useCallback((next: User) => {
    setUserState(next);
    setStatus('signed-in');
    applyLanguage(next.locale);
  }, []);

  const forget = useCallback((next: Status = 'anonymous') => {
    api.setAccessToken(null);
    setUserState(null);
    setStatus(next);
    queryClient.clear();
  }, []);

  // A page load starts without a token: the refresh cookie, if any, restores the session.
  useEffect(() => {
    api.setSessionLostHandler(() => forget());
    let cancelled = false;
    (async () => {
      try {
        if (await api.refresh()) {
          const me = await api.get<User>('/api/me');
          if (!cancelled) setUser(me);
          return;
        }
      } catch {
        // Treated as signed out; the sign-in page explains any server trouble.
      }
      if (!cancelled) forget();
    })();
    return () => {
      cancelled = true;
    };
  }, [forget, setUser]);

  const accept = useCallback(
    (signedIn: SignedIn) => {
      queryClient.clear();
      api.setAccessToken(signedIn.accessToken);
      setUser(signedIn.user);
      return signedIn.user;
    },
    [setUser],
  );

  const value = useMemo<AuthContextValue>(
    () => ({
      status,
      user,
      setUser,
      signIn: async (email, password) => accept(await api.post<SignedIn>('/api/auth/login', { email, password })),
      register: async (input) => accept(await api.post<SignedIn>('/api/auth/register', input)),
      signOut: async () => {
        try {
          await api.post('/api/auth/logout');
        } finally {
          forget('signed-out');
        }
      },
    }),
    [status, user, setUser, accept, forget],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
