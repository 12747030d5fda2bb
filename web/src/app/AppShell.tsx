/**
 * The app shell: top bar (dossier name with "switch dossier", office, user menu), the menu bar, and
 * the page. Used at /d/:dossierId/… (a dossier is open) and for office screens without a dossier.
 */
import { useQuery } from '@tanstack/react-query';
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, Outlet, useNavigate, useParams } from 'react-router';
import { api, type Dossier, type Language } from '../api.ts';
import { ErrorBanner } from '../components/Messages.tsx';
import { LANGUAGES, useLanguage, useT } from '../i18n/index.tsx';
import { useSession, useSessionActions, useUser } from '../session.tsx';
import { MenuBar } from './MenuBar.tsx';
import type { MenuEntry } from './menu.tsx';
import { entryAccess, ShellContext, useShell, useShellPath, type ShellValue } from './shell-context.tsx';

export const LANGUAGE_NAMES: Record<Language, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };

export function useDossier(dossierId: number | null) {
  return useQuery({
    queryKey: ['dossier', dossierId],
    queryFn: () => api.get<Dossier>(`/dossiers/${dossierId}`),
    enabled: dossierId !== null,
    retry: false,
  });
}

export function AppShell() {
  const t = useT();
  const params = useParams();
  const dossierId = params.dossierId && /^\d+$/.test(params.dossierId) ? Number(params.dossierId) : null;
  const dossierQuery = useDossier(dossierId);
  const value: ShellValue = { dossierId, dossier: dossierQuery.data ?? null, base: dossierId ? `/d/${dossierId}` : '' };

  useEffect(() => {
    const name = dossierQuery.data?.name;
    document.title = name ? `${name} — Argonaut` : 'Argonaut';
  }, [dossierQuery.data?.name]);

  let content: ReactNode;
  if (params.dossierId && dossierId === null) content = <ErrorBanner>{t('dossier.notFound')}</ErrorBanner>;
  else if (dossierId && dossierQuery.isError)
    content = (
      <div className="page">
        <ErrorBanner error={dossierQuery.error} />
        <p>
          <Link to="/dossiers">{t('shell.chooseDossier')}</Link>
        </p>
      </div>
    );
  else if (dossierId && !dossierQuery.data) content = <Loading />;
  else
    content = (
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    );

  return (
    <ShellContext.Provider value={value}>
      <div className="shell">
        <a href="#main" className="skip-link">
          {t('shell.skipToContent')}
        </a>
        <header className="topbar no-print">
          <Link to={value.base || '/dossiers'} className="brand" aria-label={t('shell.home')}>
            Argonaut
          </Link>
          <DossierSwitch />
          <div className="topbar-spacer" />
          <OfficeName />
          <UserMenu />
        </header>
        <div className="no-print">
          <MenuBar />
        </div>
        <main id="main" tabIndex={-1} className="main">
          {content}
        </main>
      </div>
    </ShellContext.Provider>
  );
}

export function Loading() {
  const t = useT();
  return (
    <div className="loading" role="status">
      {t('common.loading')}
    </div>
  );
}

function OfficeName() {
  const { data } = useSession();
  return data?.office ? <span className="office-name">{data.office.name}</span> : null;
}

function DossierSwitch() {
  const t = useT();
  const { dossier } = useShell();
  const navigate = useNavigate();
  return (
    <div className="dossier-switch">
      {dossier ? (
        <>
          <span className="dossier-name" data-testid="current-dossier">
            {dossier.name}
          </span>
          <button type="button" className="link-button" onClick={() => navigate('/dossiers')}>
            {t('shell.switchDossier')}
          </button>
        </>
      ) : (
        <button type="button" className="link-button" onClick={() => navigate('/dossiers')}>
          {t('shell.chooseDossier')}
        </button>
      )}
    </div>
  );
}

function UserMenu() {
  const t = useT();
  const user = useUser();
  const [language, setLanguage] = useLanguage();
  const { logout } = useSessionActions();
  const navigate = useNavigate();
  const shellPath = useShellPath();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    box.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const go = (path: string) => {
    setOpen(false);
    navigate(shellPath(path));
  };
  const onKey = (e: React.KeyboardEvent) => {
    const items = [...(box.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown') items[(i + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length]?.focus();
    else if (e.key === 'Escape') {
      setOpen(false);
      button.current?.focus();
    } else if (e.key === 'Tab') {
      setOpen(false);
      return;
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="user-menu" ref={box}>
      <button
        type="button"
        ref={button}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
        data-testid="user-menu"
      >
        {user.displayName} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="menu user-menu-list" role="menu" aria-label={t('shell.userMenu')} onKeyDown={onKey}>
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => go('management/settings')}>
            {t('menu.mySettings')}
          </button>
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => go('management/password')}>
            {t('menu.changePassword')}
          </button>
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => go('help/theme')}>
            {t('menu.theme')}
          </button>
          <div role="separator" className="menu-separator" />
          <div role="group" aria-label={t('shell.language')}>
            <div className="menu-heading" aria-hidden="true">
              {t('shell.language')}
            </div>
            {LANGUAGES.map((lang) => (
              <button
                key={lang}
                type="button"
                role="menuitemradio"
                aria-checked={language === lang}
                tabIndex={-1}
                lang={lang}
                onClick={() => {
                  setLanguage(lang);
                  setOpen(false);
                  button.current?.focus();
                }}
                data-testid={`language-${lang}`}
              >
                <span className="check" aria-hidden="true">
                  {language === lang ? '●' : ''}
                </span>
                {LANGUAGE_NAMES[lang]}
              </button>
            ))}
          </div>
          <div role="separator" className="menu-separator" />
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            onClick={async () => {
              setOpen(false);
              await logout();
              navigate('/login');
            }}
            data-testid="logout"
          >
            {t('shell.logout')}
          </button>
        </div>
      )}
    </div>
  );
}

/** The page of a menu entry: its element, or why it cannot be shown, or "not available yet". */
export function EntryPage({ entry }: { entry: MenuEntry }) {
  const t = useT();
  const user = useUser();
  const shell = useShell();
  const access = entryAccess(entry, user, shell, t);
  useEffect(() => {
    document.querySelector<HTMLElement>('#main')?.focus({ preventScroll: true });
  }, [entry.id]);
  if (!access.allowed) {
    return (
      <div className="page">
        <h1>{t(entry.labelKey)}</h1>
        <ErrorBanner>{access.reason}</ErrorBanner>
        {access.needsDossier && (
          <p>
            <Link to="/dossiers">{t('shell.chooseDossier')}</Link>
          </p>
        )}
      </div>
    );
  }
  if (entry.href) {
    return (
      <div className="page">
        <h1>{t(entry.labelKey)}</h1>
        <p>
          <a href={entry.href} target="_blank" rel="noopener">
            {entry.href}
          </a>
        </p>
      </div>
    );
  }
  if (!entry.element) return <NotAvailable entry={entry} />;
  const Element = entry.element;
  return <Element />;
}

export function NotAvailable({ entry }: { entry: MenuEntry }) {
  const t = useT();
  return (
    <div className="page not-available" data-testid="not-available">
      <h1>{t(entry.labelKey)}</h1>
      <div className="banner info" role="status">
        <strong>{t('notAvailable.title', { name: t(entry.labelKey) })}</strong>
        <p>{t('notAvailable.body')}</p>
      </div>
    </div>
  );
}

export function NotFoundPage() {
  const t = useT();
  return (
    <div className="page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/dossiers">{t('shell.chooseDossier')}</Link>
      </p>
    </div>
  );
}

/** /d/:dossierId — the dossier's start page. */
export function DossierHome() {
  const t = useT();
  const { dossier } = useShell();
  const shellPath = useShellPath();
  const navigate = useNavigate();
  if (!dossier) return null;
  const fy = dossier.fiscalYears;
  return (
    <div className="page dossier-home">
      <h1>{dossier.name}</h1>
      <dl className="facts">
        {dossier.legalForm && (
          <>
            <dt>{t('dossier.legalForm')}</dt>
            <dd>{dossier.legalForm}</dd>
          </>
        )}
        <dt>{t('dossier.enterpriseNumber')}</dt>
        <dd>{dossier.enterpriseNumber ?? '—'}</dd>
        <dt>{t('dossier.vatNumber')}</dt>
        <dd>{dossier.vatNumber ?? '—'}</dd>
        <dt>{t('dossier.fiscalYears')}</dt>
        <dd>{fy.length ? fy.map((y) => `${y.startDate} – ${y.endDate}${y.closed ? ` (${t('dossier.closed')})` : ''}`).join(', ') : '—'}</dd>
      </dl>
      <p className="muted">{t('home.hint')}</p>
      <div className="button-row">
        <button type="button" onClick={() => navigate(shellPath(`management/dossiers/${dossier.id}`))}>
          {t('home.dossierDetails')}
        </button>
      </div>
    </div>
  );
}
