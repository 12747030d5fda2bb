/** Routes: the pages before login, the dossier chooser, and the app shell with the menu registry's screens. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { isApiError } from '../api.ts';
import { ConfirmProvider } from '../components/Confirm.tsx';
import { ForgotPasswordPage } from '../pages/auth/ForgotPasswordPage.tsx';
import { LoginPage } from '../pages/auth/LoginPage.tsx';
import { ResetPasswordPage } from '../pages/auth/ResetPasswordPage.tsx';
import { SetupPage } from '../pages/auth/SetupPage.tsx';
import { ForcedChangePasswordPage } from '../pages/auth/ForcedChangePasswordPage.tsx';
import { DossierChooser } from '../pages/DossierChooser.tsx';
import { SessionPreferences, useSession, wasLoggedOutByUser } from '../session.tsx';
import { ShortcutProvider } from '../shortcuts.tsx';
import { AppShell, DossierHome, EntryPage, Loading, NotFoundPage } from './AppShell.tsx';
import { MENU_ENTRIES } from './menu.tsx';
import { ErrorBanner } from '../components/Messages.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 10_000,
    },
  },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionPreferences>
        <ShortcutProvider>
          <ConfirmProvider>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </ConfirmProvider>
        </ShortcutProvider>
      </SessionPreferences>
    </QueryClientProvider>
  );
}

function entryRoutes() {
  return MENU_ENTRIES.filter((e) => !e.href).map((entry) => <Route key={entry.id} path={`${entry.path}/*`} element={<EntryPage entry={entry} />} />);
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="/setup" element={<SetupPage />} />
      <Route path="/login" element={<LoginPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route element={<RequireLogin allowPasswordChange />}>
        <Route path="/change-password" element={<ForcedChangePasswordPage />} />
      </Route>
      <Route element={<RequireLogin />}>
        <Route path="/" element={<Navigate to="/dossiers" replace />} />
        <Route element={<AppShell />}>
          <Route path="/dossiers" element={<DossierChooser />} />
          {entryRoutes()}
        </Route>
        <Route path="/d/:dossierId" element={<AppShell />}>
          <Route index element={<DossierHome />} />
          {entryRoutes()}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        <Route element={<AppShell />}>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}

/**
 * Pages behind login: first run → /setup, not logged in → /login (and back here after), a user who
 * must change the password → /change-password first.
 */
function RequireLogin({ allowPasswordChange }: { allowPasswordChange?: boolean }) {
  const { data, error, isPending, refetch } = useSession();
  const location = useLocation();
  if (isPending) return <Loading />;
  if (error || !data) {
    return (
      <div className="page narrow">
        <ErrorBanner error={error} />
        <button type="button" onClick={() => refetch()}>
          ↻
        </button>
      </div>
    );
  }
  if (data.setupNeeded) return <Navigate to="/setup" replace />;
  if (!data.user) {
    const next = wasLoggedOutByUser() ? null : location.pathname + location.search;
    return <Navigate to={next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login'} replace />;
  }
  if (data.user.mustChangePassword && !allowPasswordChange) return <Navigate to="/change-password" replace />;
  return (
    <Suspense fallback={<Loading />}>
      <Outlet />
    </Suspense>
  );
}

