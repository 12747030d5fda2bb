/**
 * Who is logged in (GET /session), kept in the query cache under ['session']. The session's CSRF
 * token goes to the API wrapper. The UI language and theme follow the user's settings once logged
 * in, and this browser's last choice before.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { api, setCsrfToken, setUnauthorizedHandler, type FontSize, type Language, type Session, type Theme, type User } from './api.ts';
import { I18nProvider, initialLanguage } from './i18n/index.tsx';
import { applyTheme, savedTheme } from './theme.ts';

export const SESSION_KEY = ['session'] as const;
const LOGGED_OUT: Session = { user: null, office: null, csrfToken: null, setupNeeded: false };

/** True after the user chose "log out": the login page then opens plain, not as "come back to …". */
let loggedOutByUser = false;
export function wasLoggedOutByUser(): boolean {
  return loggedOutByUser;
}

export function useSession() {
  const query = useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      const session = await api.get<Session>('/session');
      setCsrfToken(session.csrfToken);
      return session;
    },
    staleTime: Infinity,
    retry: 1,
  });
  return query;
}

/** The logged-in user (only inside the pages that require login). */
export function useUser(): User {
  const { data } = useSession();
  if (!data?.user) throw new Error('useUser without a logged-in user');
  return data.user;
}

export function useSessionActions() {
  const client = useQueryClient();
  /** After login or setup: the answer is the new session. */
  const loggedIn = useCallback(
    (session: Omit<Session, 'setupNeeded'>) => {
      setCsrfToken(session.csrfToken);
      loggedOutByUser = false;
      // Drop what the previous user saw, but keep the session query itself: clearing it would detach
      // the components observing it, and the new user's language and theme would wait for a reload.
      clearAllButSession(client);
      client.setQueryData(SESSION_KEY, { ...session, setupNeeded: false });
      if (session.user) rememberLanguage(session.user.language);
    },
    [client],
  );
  const updateUser = useCallback(
    (user: User) => {
      client.setQueryData<Session>(SESSION_KEY, (s) => (s ? { ...s, user } : s));
      rememberLanguage(user.language);
    },
    [client],
  );
  const logout = useCallback(async () => {
    try {
      await api.delete('/session');
    } finally {
      setCsrfToken(null);
      loggedOutByUser = true;
      clearAllButSession(client);
      client.setQueryData(SESSION_KEY, LOGGED_OUT);
    }
  }, [client]);
  return { loggedIn, updateUser, logout };
}

function clearAllButSession(client: ReturnType<typeof useQueryClient>) {
  client.cancelQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  client.getMutationCache().clear();
}

function rememberLanguage(lang: Language) {
  try {
    localStorage.setItem('argonaut.language', lang);
  } catch {
    /* storage unavailable */
  }
}

/**
 * Provides the UI language (user's setting when logged in) and applies the theme. Changing the
 * language while logged in saves it with PATCH /me.
 */
export function SessionPreferences({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const { data: session } = useSession();
  const user = session?.user ?? null;
  const [localLanguage, setLocalLanguage] = useState<Language>(initialLanguage);
  const language = user?.language ?? localLanguage;

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      client.setQueryData<Session>(SESSION_KEY, (s) => (s?.user ? LOGGED_OUT : s));
    });
    return () => setUnauthorizedHandler(null);
  }, [client]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const theme: Theme = user?.theme ?? savedTheme().theme;
  const fontSize: FontSize = user?.fontSize ?? savedTheme().fontSize;
  useEffect(() => applyTheme(theme, fontSize), [theme, fontSize]);

  const setLanguage = useCallback(
    (lang: Language) => {
      rememberLanguage(lang);
      setLocalLanguage(lang);
      const current = client.getQueryData<Session>(SESSION_KEY);
      if (current?.user) {
        // Apply at once, then save for the user.
        client.setQueryData<Session>(SESSION_KEY, { ...current, user: { ...current.user, language: lang } });
        api.patch<User>('/me', { language: lang }).then(
          (saved) => client.setQueryData<Session>(SESSION_KEY, (s) => (s ? { ...s, user: saved } : s)),
          () => undefined,
        );
      }
    },
    [client],
  );

  return (
    <I18nProvider language={language} setLanguage={setLanguage}>
      {children}
    </I18nProvider>
  );
}
