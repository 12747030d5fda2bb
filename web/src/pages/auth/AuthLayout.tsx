/** The frame of the pages before login: name, language switcher (NL/FR/EN) and a card. */
import { useEffect, type ReactNode } from 'react';
import type { Language } from '../../api.ts';
import { LANGUAGES, useLanguage, useT } from '../../i18n/index.tsx';

const NAMES: Record<Language, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };

export function LanguageSwitcher({ onChange }: { onChange?: (lang: Language) => void }) {
  const t = useT();
  const [language, setLanguage] = useLanguage();
  return (
    <div className="language-switcher" role="group" aria-label={t('shell.language')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          title={NAMES[lang]}
          aria-pressed={language === lang}
          onClick={() => {
            setLanguage(lang);
            onChange?.(lang);
          }}
          data-testid={`language-${lang}`}
        >
          {lang.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

export function AuthLayout({ title, children, onLanguage }: { title: string; children: ReactNode; onLanguage?: (lang: Language) => void }) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} — Argonaut`;
  }, [title]);
  return (
    <div className="auth-page">
      <header className="auth-header">
        <span className="brand">Argonaut</span>
        <LanguageSwitcher onChange={onLanguage} />
      </header>
      <main className="auth-card" id="main">
        <h1>{title}</h1>
        {children}
      </main>
      <footer className="auth-footer muted">{t('auth.tagline')}</footer>
    </div>
  );
}
