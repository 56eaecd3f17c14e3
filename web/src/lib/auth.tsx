import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, type ApiClient } from './api';
import { applyLanguage, takePickedLanguage, type Language } from './i18n';
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

/**
 * The language picked before signing in stays, and the account takes it (it is also the
 * language of their e-mails); without a pick, the account's language applies. A failed save
 * keeps the pick on screen: the account stays as it was.
 */
export async function keepPickedLanguage(user: User, picked: Language | null, client: Pick<ApiClient, 'patch'> = api): Promise<User> {
  if (!picked || picked === user.locale) return user;
  try {
    return await client.patch<User>('/api/me', { locale: picked });
  } catch {
    return { ...user, locale: picked };
  }
}

let restoring: Promise<boolean> | null = null;

/**
 * The page load's session restore (api.restoreSession), asked once and shared: the app's
 * boot starts it to load the page's data along with it (app/preload.ts), and AuthProvider
 * waits for the same answer.
 */
export function restoreSessionOnce(): Promise<boolean> {
  restoring ??= api.restoreSession();
  return restoring;
}

export type Space = 'client' | 'pro';
const SPACE_KEY = 'declic.space';

/**
 * The space of the last user signed in on this browser, kept beside the session hint: at the
 * next page load, its code can load while the session is restored. A hint for the cache only:
 * which space a user may open is decided by /api/me.
 */
export const spaceHint = {
  get(): Space | null {
    try {
      const space = localStorage.getItem(SPACE_KEY);
      return space === 'client' || space === 'pro' ? space : null;
    } catch {
      return null;
    }
  },
  set(space: Space | null): void {
    try {
      if (space) localStorage.setItem(SPACE_KEY, space);
      else localStorage.removeItem(SPACE_KEY);
    } catch {
      // No storage (private mode): nothing is loaded early.
    }
  },
};

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('loading');
  const [user, setUserState] = useState<User | null>(null);

  const setUser = useCallback((next: User) => {
    setUserState(next);
    setStatus('signed-in');
    applyLanguage(next.locale);
    spaceHint.set(isStaff(next) ? 'pro' : 'client');
  }, []);

  const forget = useCallback((next: Status = 'anonymous') => {
    api.endSession();
    spaceHint.set(null);
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
        if (await restoreSessionOnce()) {
          const me = await api.get<User>('/api/me');
          if (!cancelled) setUser(me);
          return;
        }
      } catch {
        // Treated as signed out; the sign-in page explains any server trouble. The session
        // is not forgotten: the next page load tries again.
      }
      if (!cancelled) {
        api.setAccessToken(null);
        setStatus('anonymous');
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [forget, setUser]);

  const accept = useCallback(
    async (signedIn: SignedIn) => {
      queryClient.clear();
      api.setAccessToken(signedIn.accessToken);
      const user = await keepPickedLanguage(signedIn.user, takePickedLanguage());
      setUser(user);
      return user;
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
